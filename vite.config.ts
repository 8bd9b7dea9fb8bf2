import { fileURLToPath } from 'node:url';
import { build, defineConfig, type Plugin, type Rollup } from 'vite';
import { LOCALES } from './src/i18n/locales.ts';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * Two builds from one config:
 * - `vite build` — the ESM package (dist/esm): `slotkit`, `slotkit/define`, `slotkit/mock`,
 *   dependencies left to the consumer's bundler.
 * - `vite build --mode embed` — the script-tag file (dist/slotkit.iife.js): everything inlined
 *   but the non-English catalogues, which go beside it as dist/locales/<lang>.js; no globals but
 *   `window.SlotkitBooking`.
 * `npm run demo` (`vite demo`) reads demo/vite.config.ts instead.
 */

/**
 * Keeps the embed's dependencies off `window`: zod parks its config and registry on globalThis
 * and Lit pushes version arrays and a metadata map there. Inside the IIFE they become locals.
 */
function noGlobals(): Plugin {
  return {
    name: 'slotkit-no-globals',
    transform(code, id) {
      if (/zod\/v4\/core\/(core|registries)\.js$/.test(id)) {
        return {
          code: `const __slotkitLocal = {};\n${code.replaceAll('globalThis', '__slotkitLocal')}`,
          map: null,
        };
      }
      if (/node_modules\/(lit-html|lit-element|@lit\/reactive-element)\//.test(id)) {
        // A second copy of the script under Trusted Types must not throw on the policy name
        // the first copy already took; it leaves rendering to the first copy's elements.
        let out = code.replace(
          /(\w+)\?\1\.createPolicy\("lit-html",\{createHTML:(\w+)=>\2\}\):void 0/,
          '(()=>{try{return $1?.createPolicy("lit-html",{createHTML:t=>t})}catch{return void 0}})()',
        );
        out = out.replace(
          /\(\s*(\w+)\.(litHtmlVersions|litElementVersions|reactiveElementVersions)\s*\?\?=\s*\[\]\s*\)\.push\([^)]*\)/g,
          'void 0',
        );
        if (/litPropertyMetadata\s*\?\?=/.test(out)) {
          out = `const litPropertyMetadata = new WeakMap();\n${out.replace(/\w+\.litPropertyMetadata\s*\?\?=\s*new WeakMap/, 'void 0')}`;
        }
        return out === code ? null : { code: out, map: null };
      }
      return null;
    },
  };
}

/** One self-contained, minified ES module built from `input`, returned as code (nothing written). */
async function buildModule(input: string, fileName: string): Promise<string> {
  const result = await build({
    configFile: false,
    root,
    logLevel: 'warn',
    publicDir: false,
    build: {
      write: false,
      emptyOutDir: false,
      target: 'es2022',
      minify: true,
      sourcemap: false,
      rollupOptions: {
        input: `${root}${input}`,
        preserveEntrySignatures: 'exports-only',
        output: { format: 'es', entryFileNames: fileName },
      },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[];
  const chunks = outputs.flatMap((output) => output.output.filter((item) => item.type === 'chunk'));
  if (chunks.length !== 1) throw new Error(`${fileName}: expected one chunk, got ${chunks.length}`);
  return chunks[0]!.code;
}

/**
 * What the script tag loads after its first paint: an IIFE cannot code-split, so
 * `__SLOTKIT_EMBED__` makes src/ import these from beside the bundle (src/lib/bundle-script.ts),
 * and this plugin builds them into the same output (so a `write: false` build holds them too):
 * `locales/<lang>.js` for every language but English, and `chunks/floating-ui.js` for the
 * time-zone chooser's positioning.
 */
function lateFiles(): Plugin {
  return {
    name: 'slotkit-late-files',
    async generateBundle() {
      const files: Array<[fileName: string, input: string]> = [
        ...LOCALES.filter((lang) => lang !== 'en').map((lang): [string, string] => [
          `locales/${lang}.js`,
          `src/i18n/${lang}/index.ts`,
        ]),
        ['chunks/floating-ui.js', 'src/controllers/floating-entry.ts'],
      ];
      const built = await Promise.all(
        files.map(async ([fileName, input]) => ({
          fileName,
          source: await buildModule(input, fileName.split('/').pop()!),
        })),
      );
      for (const file of built) this.emitFile({ type: 'asset', ...file });
    },
  };
}

export default defineConfig(({ mode }) =>
  mode === 'embed'
    ? {
        plugins: [noGlobals(), lateFiles()],
        define: { __SLOTKIT_EMBED__: 'true' },
        publicDir: false,
        build: {
          outDir: 'dist',
          emptyOutDir: false,
          sourcemap: true,
          target: 'es2022',
          rollupOptions: {
            input: 'src/embed.ts',
            output: {
              format: 'iife',
              entryFileNames: 'slotkit.iife.js',
            },
          },
        },
      }
    : {
        define: { __SLOTKIT_EMBED__: 'false' },
        publicDir: false,
        build: {
          outDir: 'dist/esm',
          sourcemap: true,
          target: 'es2022',
          lib: {
            entry: {
              index: 'src/index.ts',
              define: 'src/define.ts',
              mock: 'src/mock/index.ts',
            },
            formats: ['es'],
          },
          rollupOptions: {
            // The consumer's bundler resolves (and dedupes) these.
            external: [/^lit/, /^@lit\//, /^zod/, /^@floating-ui\//, /^msw/, /^rrule/, /^node:/],
            output: {
              // Each lazily loaded catalogue is its own chunk: name it after its language.
              chunkFileNames: (chunk) => {
                const lang = /\/i18n\/([a-z]+)\/index\.ts$/.exec(chunk.facadeModuleId ?? '')?.[1];
                return lang ? `locales/${lang}-[hash].js` : '[name]-[hash].js';
              },
            },
          },
        },
      },
);
