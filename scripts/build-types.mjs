// Declarations for the ESM package: tsc emits them with our `.ts` import specifiers, which
// consumers' TypeScript cannot follow to `.d.ts` files, so they are rewritten to `.js`.
// Usage: node scripts/build-types.mjs [outDir]   (default dist/types; the types test uses its own)
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const outDir = resolve(root, process.argv[2] ?? 'dist/types');
execFileSync(
  process.execPath,
  [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', outDir],
  {
    cwd: root,
    stdio: 'inherit',
  },
);

function rewrite(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) rewrite(path);
    else if (path.endsWith('.d.ts')) {
      const text = readFileSync(path, 'utf8');
      const fixed = text.replace(
        /(from\s+|import\s*\(\s*|import\s+)(['"])(\.{1,2}\/[^'"]+)\.ts\2/g,
        '$1$2$3.js$2',
      );
      if (fixed !== text) writeFileSync(path, fixed);
    }
  }
}
rewrite(outDir);
