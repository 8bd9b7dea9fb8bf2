import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const repo = fileURLToPath(new URL('..', import.meta.url));
const ownSources = [`${repo}src/`, `${repo}demo/`];

/**
 * package.json's `sideEffects` names only the package's entry files, so a bundler drops every
 * other bare import in this package as dead code: the sandbox's `import './sandbox-app.ts'`
 * (which registers its elements) would vanish. The sandbox bundles sources, so it marks its
 * own and src/'s modules as having side effects again.
 */
function keepSourceSideEffects(): Plugin {
  return {
    name: 'sandbox-keep-source-side-effects',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (!resolved || resolved.external) return resolved;
      return ownSources.some((dir) => resolved.id.startsWith(dir))
        ? { ...resolved, moduleSideEffects: true }
        : resolved;
    },
  };
}

/**
 * The sandbox: `npm run demo` serves it, `npm run build:demo` writes a static site to
 * dist-demo/. `base: './'` keeps every asset URL relative, so the site works from any static
 * host and any sub-path; the page finds the service worker and the mock API relative to itself.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  // MSW's worker script must be served next to the page (its scope has to cover it).
  publicDir: '../public',
  plugins: [keepSourceSideEffects()],
  build: {
    outDir: '../dist-demo',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // The sandbox carries the whole engine and MSW on purpose; the widget's own budget is elsewhere.
    chunkSizeWarningLimit: 1024,
  },
});
