import { posix } from 'node:path';
import minifyHtmlLiterals from '@lit-labs/rollup-plugin-minify-html-literals';
import MagicString from 'magic-string';
import { defineConfig, type Plugin, type Rollup } from 'vite';

/**
 * Two builds from one config:
 * - `vite build` — the ESM package (dist/esm): `slotkit`, `slotkit/define`, `slotkit/popup`,
 *   `slotkit/mock`,
 *   dependencies left to the consumer's bundler.
 * - `vite build --mode embed` — the script tag: dist/slotkit.iife.js, one classic script with
 *   what every first paint needs, and beside it dist/embed/, ES module chunks of the rest, each
 *   loaded when a step needs it (time picker, class list, form, countdown, time-zone
 *   positioning, each locale); every dependency bundled; no globals but `window.SlotkitBooking`.
 * `npm run demo` (`vite demo`) reads demo/vite.config.ts instead.
 */

/**
 * Keeps the embed's dependencies off `window`: zod parks its config and registry on globalThis
 * and Lit pushes version arrays and a metadata map there. In the embed they become module locals.
 */
function noGlobals(): Plugin {
  return {
    name: 'slotkit-no-globals',
    transform(code, id) {
      if (/zod\/v4\/core\/(core|registries)\.js(\?|$)/.test(id)) {
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

/**
 * Our stylesheets ship as strings inside Lit's `css` templates, which no minifier reads: drop
 * their comments, and inside each css`` template the line breaks and the spaces around
 * `{ } ; , :` (a space elsewhere can be a descendant combinator, so it stays), about a tenth of
 * each sheet's gzip. The code around the templates is left to the minifier.
 */
function compactCss(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\s*([{};,])\s*/g, '$1')
    .replace(/:\s+/g, ':')
    .replace(/;}/g, '}');
}

/** The literal text of each css`` template in `code` (between its `${}` holes), compacted. */
function compactCssTemplates(code: string): string {
  let out = '';
  let at = 0;
  for (let start = code.indexOf('css`'); start !== -1; start = code.indexOf('css`', at)) {
    out += code.slice(at, start + 4);
    let i = start + 4;
    let text = '';
    while (i < code.length && code[i] !== '`') {
      if (code.startsWith('${', i)) {
        // A hole: copied as it is, up to its matching brace.
        out += compactCss(text);
        text = '';
        let depth = 0;
        const from = i;
        do {
          if (code[i] === '{') depth++;
          else if (code[i] === '}') depth--;
          i++;
        } while (depth > 0 && i < code.length);
        out += code.slice(from, i);
      } else {
        text += code[i++];
      }
    }
    out += compactCss(text);
    at = i;
  }
  return out + code.slice(at);
}

function compactStyles(): Plugin {
  return {
    name: 'slotkit-compact-styles',
    transform(code, id) {
      if (!/\/src\/(components|embed)\/[\w-]+\/[\w-]+\.styles\.ts$/.test(id)) return null;
      return { code: compactCssTemplates(code.replace(/\/\*[\s\S]*?\*\//g, '')), map: null };
    },
  };
}

/**
 * Lit's html`` templates keep the source's indentation and line breaks, which no JS minifier may
 * touch: the Lit team's plugin (html-minifier-next and lightningcss) compacts the static parts,
 * never the expressions. `conservativeCollapse` leaves one space wherever there was whitespace,
 * so text beside inline elements keeps its gap, and <pre> or <textarea> are left as they are.
 * ~0.3 KB gzip of a 1:1 first paint, ~0.4 KB of a group project's.
 */
function compactTemplates(): Plugin {
  return minifyHtmlLiterals({
    filter: (id) => /\/src\/.+\.ts$/.test(id) && !id.includes('/node_modules/'),
    failOnError: true,
    options: { minifyOptions: { conservativeCollapse: true } },
    // Typed against Rollup's plugin context; it calls only this.warn and this.error.
  }) as unknown as Plugin;
}

/**
 * Vite wraps every dynamic import of an app build in its preload helper (`__vitePreload`, which
 * adds <link rel=modulepreload> tags and fires `vite:preloadError`), even with
 * `build.modulePreload: false`, where it preloads nothing. The embed writes no tags into the host
 * page and handles a failed import itself: the helper becomes a plain call of the import
 * (0.7 KB gzip of the first paint). Replacing the helper's module rather than editing each call
 * keeps the script's source map right.
 */
function noPreloadHelper(): Plugin {
  return {
    name: 'slotkit-no-preload-helper',
    transform(_code, id) {
      if (!id.endsWith('vite/preload-helper.js')) return null;
      // Vite wraps each import as `__vitePreload(() => import(...), deps, import.meta.url)`.
      return { code: 'export const __vitePreload = (load) => load();', map: null };
    },
  };
}

/** The query that marks a module of the later steps' copy of zod (laterZod). */
const LATER_ZOD = '?slotkit-later-zod';

/** zod's $constructor and config: one module both copies share (it is in the script whole). */
const SHARED_ZOD = /\/zod\/v4\/core\/core\.js$/;

/**
 * Gives the modules loaded after the first paint a copy of zod of their own. Rollup puts a
 * module into one chunk whole, so with one copy every schema kind and check any later step
 * uses (email, pipe, nullable, trim, length checks, async parsing) sat in the script, though
 * only the form and the booking's schemas read them: 0.9 KB gzip of the first paint. The
 * script's copy now holds what its first responses need; the later copy (6 KB) comes with the
 * later-schemas chunk the client fetches when idle. Schemas of the two copies nest safely: zod
 * recognises a schema by its traits (`_zod.traits`), never by its class.
 */
function laterZod(isLater: (id: string) => boolean): Plugin {
  return {
    name: 'slotkit-later-zod',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer) return null;
      const fromLater =
        importer.endsWith(LATER_ZOD) || (isLater(importer) && !/\/node_modules\//.test(importer));
      if (!fromLater) return null;
      const inZod = importer.endsWith(LATER_ZOD) && source.startsWith('.');
      if (!inZod && !/^zod(\/|$)/.test(source)) return null;
      const resolved = await this.resolve(source, importer.replace(LATER_ZOD, ''), {
        ...options,
        skipSelf: true,
      });
      if (!resolved || SHARED_ZOD.test(resolved.id)) return resolved;
      return { ...resolved, id: resolved.id + LATER_ZOD };
    },
  };
}

/** The query that marks the popup's own copy of the class list's English (popupCopy). */
const POPUP_COPY = '?slotkit-popup-copy';

/**
 * The class list's English (src/i18n/en/class-list.ts) is read by the class list and by the
 * popup's floating button (its "Book"). Shared by two chunks, it became a file of its own that a
 * group project's first paint fetched beside the class list: ~0.3 KB gzip more than the same
 * strings inside the class list's chunk (one file more, its strings gzipped apart). The popup
 * gets a copy of its own instead: the module is only strings, so either copy adds the same
 * English (src/i18n/index.ts, addEnglish).
 */
function popupCopy(): Plugin {
  return {
    name: 'slotkit-popup-copy',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || !/\/src\/embed\/popup\//.test(importer)) return null;
      if (!source.endsWith('/i18n/en/class-list.ts')) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved && { ...resolved, id: resolved.id + POPUP_COPY };
    },
  };
}

/** `a as b, c` (an import or export list) as [['a', 'b'], ['c', 'c']]. */
function bindings(list = ''): Array<[string, string]> {
  return list
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
    .map((item) => {
      const [first, second = first] = item.split(/\s+as\s+/);
      return [first!, second!];
    });
}

/** Where the script tag's core keeps the exports its chunks import (under its own URL). */
const CORES = `globalThis.SlotkitBooking[Symbol.for("slotkit.cores")]`;

/**
 * Makes the script tag's entry chunk, slotkit.iife.js, a classic script, while the chunks
 * beside it in embed/ stay ES modules. A page names one file, and that file holds the whole first
 * paint: a small loader importing an ES module core would cost a phone one more round trip.
 *
 * - The entry's code runs inside a function; its dynamic imports and `import.meta` resolve
 *   against the script's own URL (a classic script's `import()` resolves against the page's).
 * - What the chunks import from it is handed over through the one global, keyed by that URL,
 *   `SlotkitBooking[Symbol.for("slotkit.cores")][url]`, so two copies never mix.
 * - Each chunk's `import {…} from "../slotkit.iife.js"` becomes a read of those exports.
 */
function classicCore(): Plugin {
  return {
    name: 'slotkit-classic-core',
    renderChunk(code, chunk) {
      const edit = new MagicString(code);
      if (chunk.isEntry) {
        const exported = /\nexport\s*\{([^}]*)\};?\s*$/.exec(code);
        const fields = bindings(exported?.[1]).map(
          ([local, name]) => `${JSON.stringify(name)}: ${local}`,
        );
        for (const meta of code.matchAll(/\bimport\.meta\b/g)) {
          edit.overwrite(meta.index, meta.index + meta[0].length, '__slotkitMeta');
        }
        for (const call of code.matchAll(/\bimport\((["'`])(\.{1,2}\/[^"'`]+)\1\)/g)) {
          edit.overwrite(
            call.index,
            call.index + call[0].length,
            `import(new URL(${call[1]}${call[2]}${call[1]}, __slotkitMeta.url).href)`,
          );
        }
        if (exported) {
          edit.overwrite(
            exported.index,
            code.length,
            `\n(${CORES} ??= {})[__slotkitMeta.url] ??= { ${fields.join(', ')} };`,
          );
        }
        edit.prepend(
          '(function () {\n' +
            'const __slotkitMeta = { url: (document.currentScript instanceof HTMLScriptElement' +
            ' ? document.currentScript.src : location.href).split(/[?#]/)[0] };\n',
        );
        edit.append('\n})();\n');
        const left = /^\s*(import|export)\b[^(.]/m.exec(edit.toString());
        if (left) throw new Error(`slotkit.iife.js keeps a module statement: ${left[0]}`);
      } else {
        const entry = posix.relative(posix.dirname(chunk.fileName), 'slotkit.iife.js');
        for (const statement of code.matchAll(
          /\bimport\s*(?:\{([^}]*)\}\s*from\s*)?(["'])([^"']*slotkit\.iife\.js)\2;?/g,
        )) {
          if (statement[3] !== entry) {
            throw new Error(`${chunk.fileName} imports ${statement[3]}, not ${entry}`);
          }
          const names = bindings(statement[1]).map(([name, local]) => `${name}: ${local}`);
          edit.overwrite(
            statement.index,
            statement.index + statement[0].length,
            names.length
              ? `const { ${names.join(', ')} } = ${CORES}[new URL("${entry}", import.meta.url).href];`
              : '',
          );
        }
        if (/\bfrom\s*["'][^"']*slotkit\.iife\.js/.test(edit.toString())) {
          throw new Error(`${chunk.fileName}: an import of slotkit.iife.js was left as it was`);
        }
      }
      return { code: edit.toString(), map: edit.generateMap({ hires: true }) };
    },
    generateBundle(_options, bundle) {
      // The minifier drops "use strict" as redundant in a module; a classic script needs it.
      const entry = bundle['slotkit.iife.js'];
      if (entry?.type !== 'chunk') throw new Error('the embed build made no slotkit.iife.js');
      entry.code = `"use strict";\n${entry.code}`;
      // One line more at the top: its map (written from this one) starts a line later.
      if (entry.map) entry.map.mappings = `;${entry.map.mappings}`;
    },
  };
}

/** The elements the widget imports the first time a step needs one (widget/parts.ts). */
const PARTS = ['slot-picker', 'class-list', 'customer-form', 'countdown'];
const PART_MODULE = new RegExp(String.raw`/src/components/(${PARTS.join('|')})/`);

/** Our modules that neither an entry, a part, the engine nor the mock own. */
const SHARED_UI = (id: string) =>
  /\/src\//.test(id) &&
  !PART_MODULE.test(id) &&
  !/\/src\/(engine|mock)\/|\/src\/(index|define)\.ts$/.test(id);

/**
 * What the picker and the class list share in their first paint (the time-zone button and the
 * calendar's icons): in the script itself, rather than a third file each chooser must fetch.
 */
const CHOOSER_CORE =
  /\/src\/components\/slot-picker\/(zone-chooser(\.styles)?|icons|calendar)\.ts$/;

/** The embed's modules loaded after the first paint, or only by some flows. */
const LATER = new RegExp(
  [
    PART_MODULE.source,
    String.raw`/src/components/widget/(after-booking(\.styles)?|waitlist|callbacks|steps/details)\.ts`,
    String.raw`/src/flow/(waitlist|after-booking|holding|forward)\.ts`,
    String.raw`/src/lib/calendar-file\.ts`,
    // The response schemas of the later steps (src/sdk/later-schemas.ts) and the form's.
    String.raw`/src/sdk/later-schemas\.ts`,
    String.raw`/src/schemas/(booking|hold|waitlist|graph|customer)\.ts`,
    String.raw`/src/components/shared/contrast\.ts`,
    String.raw`/src/i18n/(?!en/)[a-z]+/`,
    // English strings of the elements loaded later come with them (src/i18n/index.ts).
    String.raw`/src/i18n/en/(customer-form|countdown|class-list|widget-after|waitlist-after|zone-panel)\.ts`,
    String.raw`/src/controllers/(popover|floating-entry|floating|countdown)\.ts`,
    String.raw`/node_modules/@floating-ui/`,
    // Lit's repeat directive: only the class list uses it.
    String.raw`/node_modules/(lit|lit-html)/directives/repeat\.js`,
    String.raw`/src/embed/popup/`,
    // booking.js configs are translated only on pages that give one (src/embed.ts).
    String.raw`/src/embed/booking-js-config\.ts`,
  ].join('|'),
);

/**
 * Chunk names under `dir`: each lazily loaded catalogue named after its language, each part
 * after its element, and code the entries share (no module of its own to be named after)
 * called `shared`.
 */
function chunkNames(dir: string) {
  return (chunk: Rollup.PreRenderedChunk) => {
    if (!chunk.facadeModuleId) {
      // English strings that two lazy parts share (the class list's, read by the popup's button).
      if (chunk.moduleIds.every((id) => id.includes('/src/i18n/en/'))) {
        return `${dir}en-[name]-[hash].js`;
      }
      return PARTS.includes(chunk.name) ? `${dir}[name]-[hash].js` : `${dir}shared-[hash].js`;
    }
    const lang = /\/i18n\/([a-z]+)\/index\.ts$/.exec(chunk.facadeModuleId)?.[1];
    return lang ? `${dir}locales/${lang}-[hash].js` : `${dir}[name]-[hash].js`;
  };
}

export default defineConfig(({ mode }) =>
  mode === 'embed'
    ? {
        plugins: [
          laterZod((id) => LATER.test(id) && !CHOOSER_CORE.test(id)),
          popupCopy(),
          compactTemplates(),
          noGlobals(),
          compactStyles(),
          noPreloadHelper(),
          classicCore(),
        ],
        // Chunks import each other relative to themselves, wherever the files are hosted.
        base: './',
        publicDir: false,
        build: {
          outDir: 'dist',
          // The first build of `npm run build`: no chunk of an earlier build stays beside the script.
          emptyOutDir: true,
          sourcemap: true,
          target: 'es2022',
          // Terser's three passes take ~0.15 KB gzip more off the first paint than the default
          // minifier (oxc) does; only safe transforms, so the code means what the source says.
          minify: 'terser',
          terserOptions: {
            ecma: 2020,
            module: true,
            toplevel: true,
            compress: { passes: 3 },
            format: { comments: false },
          },
          // No <link rel=modulepreload> written into the host page's <head>.
          modulePreload: false,
          rollupOptions: {
            input: 'src/embed.ts',
            // The entry exports nothing of its own: it is the core the chunks import from.
            preserveEntrySignatures: false,
            output: {
              format: 'es',
              entryFileNames: 'slotkit.iife.js',
              chunkFileNames: chunkNames('embed/'),
              // Everything but the later parts goes into the entry, the script a page names.
              codeSplitting: {
                groups: [
                  {
                    name: 'core',
                    test: (id) =>
                      !id.endsWith(LATER_ZOD) && (!LATER.test(id) || CHOOSER_CORE.test(id)),
                  },
                ],
              },
            },
          },
        },
      }
    : {
        plugins: [compactStyles()],
        publicDir: false,
        build: {
          outDir: 'dist/esm',
          sourcemap: true,
          target: 'es2022',
          lib: {
            entry: {
              index: 'src/index.ts',
              define: 'src/define.ts',
              popup: 'src/popup.ts',
              mock: 'src/mock/index.ts',
            },
            formats: ['es'],
          },
          rollupOptions: {
            // The consumer's bundler resolves (and dedupes) these.
            external: [/^lit/, /^@lit\//, /^zod/, /^@floating-ui\//, /^msw/, /^rrule/, /^node:/],
            output: {
              chunkFileNames: chunkNames(''),
              // Each part a chunk of its own, as in the embed. `slotkit` exports every element's
              // class, so without this they all share the entries' chunk and the widget's
              // import() of a part cannot split anything; with it, a consumer's bundler that
              // drops unused exports keeps the widget's parts loading on demand.
              codeSplitting: {
                groups: [
                  // A group's chunk takes the modules it imports along, so what parts share
                  // is grouped first: src/lib with the mock (which must load no element), the
                  // rest with the widget (which must not load a part to get its strings).
                  { name: 'shared', test: /\/src\/lib\//, priority: 3 },
                  // Not the later steps, catalogues and popup: like the embed, they stay
                  // chunks of their own that the widget imports when it needs them.
                  { name: 'shared', test: (id) => SHARED_UI(id) && !LATER.test(id), priority: 2 },
                  {
                    debugName: 'parts',
                    test: PART_MODULE,
                    name: (id) => PART_MODULE.exec(id)?.[1] ?? null,
                    priority: 1,
                  },
                ],
              },
            },
          },
        },
      },
);
