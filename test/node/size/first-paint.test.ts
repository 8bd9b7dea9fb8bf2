/**
 * The size guard: the script tag's first paint (script + first chooser and its static imports)
 * stays within its kind of project's budget (FIRST_PAINT_BUDGET, with the reasons, in
 * scripts/size-first-paint.mjs): a 1:1 project's and a group project's, each on its own.
 * Builds the embed in memory as the end-to-end tests do (a few seconds), so it never reads a
 * stale dist/.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { firstPaints } from '../../../scripts/size-first-paint.mjs';
import { buildEmbed } from '../../e2e/embed-harness.ts';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

test('the first paint of the script tag stays within its gzip budget, per kind of project', async () => {
  const paints = firstPaints(await buildEmbed());
  const oneToOne = paints.find((paint) => paint.label.startsWith('a 1:1'))!;
  assert.ok(oneToOne.files.length >= 2, `the picker's chunk is counted: ${oneToOne.files}`);
  for (const paint of paints) {
    assert.ok(
      paint.gzip <= paint.budget,
      `${paint.label}: ${kb(paint.gzip)} gzip > budget ${kb(paint.budget)} (${paint.files.join(' + ')}); ` +
        'move the new code to a chunk loaded when a step needs it, or raise the budget with its reason',
    );
  }
});
