/**
 * The size guard: the script tag's first paint (script + first chooser and its static imports)
 * stays within its kind of project's budget (FIRST_PAINT_BUDGET, with the reasons, in
 * scripts/size-first-paint.mjs): a 1:1 project's and a group project's, each on its own.
 * Then what an app's `import 'slotkit/define'` loads up front (the ESM build's define.js and its
 * static imports). Builds in memory (a few seconds each), so it never reads a stale dist/.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build, type Rollup } from 'vite';
import { esmDefine, firstPaints } from '../../../scripts/size-first-paint.mjs';
import { buildEmbed } from '../../e2e/embed-harness.ts';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

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

test("`import 'slotkit/define'` loads the widget's core only, within its gzip budget", async () => {
  const result = await build({
    root: ROOT,
    configFile: join(ROOT, 'vite.config.ts'),
    logLevel: 'silent',
    build: { write: false },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[];
  const files = new Map<string, string>();
  for (const output of outputs)
    for (const item of output.output)
      if (item.type === 'chunk') files.set(item.fileName, item.code);
  const define = esmDefine(files);
  // The parts, the other catalogues, the steps after choosing and the popup load on demand.
  const eager = define.files.filter((name) =>
    /^(locales\/|slot-picker|class-list|customer-form|countdown|after-booking|waitlist|popup)/.test(
      name,
    ),
  );
  assert.deepEqual(eager, [], 'chunks define.js should import only when needed');
  const pieces = define.files.join(' + ');
  assert.ok(define.files.includes('define.js') && define.files.length >= 2, pieces);
  assert.ok(
    define.gzip <= define.budget,
    `slotkit/define: ${kb(define.gzip)} gzip > budget ${kb(define.budget)} (${pieces})`,
  );
});
