import { defineConfig, type Plugin } from 'vite';

/**
 * Two builds from one config:
 * - `vite build` — the ESM package (dist/esm): `slotkit`, `slotkit/define`, `slotkit/mock`,
 *   dependencies left to the consumer's bundler.
 * - `vite build --mode embed` — the script-tag file (dist/slotkit.iife.js): everything inlined,
 *   no globals but `window.SlotkitBooking`.
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

export default defineConfig(({ mode }) =>
  mode === 'embed'
    ? {
        plugins: [noGlobals()],
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
          },
        },
      },
);
