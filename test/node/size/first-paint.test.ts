/**
 * The size guard: the script tag's first paint (script + first chooser and its static imports)
 * stays within its budget (FIRST_PAINT_BUDGET, with its reason, in scripts/size-first-paint.mjs).
 * Builds the embed in memory as the end-to-end tests do (a few seconds), so it never reads a
 * stale dist/.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FIRST_PAINT_BUDGET, firstPaints } from '../../../scripts/size-first-paint.mjs';
import { buildEmbed } from '../../e2e/embed-harness.ts';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

test('the first paint of the script tag stays within its gzip budget', async () => {
  const paints = firstPaints(await buildEmbed());
  const oneToOne = paints.find((paint) => paint.label.startsWith('a 1:1'))!;
  assert.ok(oneToOne.files.length >= 2, `the picker's chunk is counted: ${oneToOne.files}`);
  for (const paint of paints) {
    assert.ok(
      paint.gzip <= FIRST_PAINT_BUDGET,
      `${paint.label}: ${kb(paint.gzip)} gzip > budget ${kb(FIRST_PAINT_BUDGET)} (${paint.files.join(' + ')}); ` +
        'move the new code to a chunk loaded when a step needs it, or raise the budget with its reason',
    );
  }
});
