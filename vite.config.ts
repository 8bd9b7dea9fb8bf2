import { defineConfig } from 'vite';

// Library build of the side-effect-free ESM entry. `npm run demo` (`vite demo`) does not read
// this file: Vite looks for its config in the root it is given.
export default defineConfig({
  build: {
    lib: {
      entry: 'src/index.ts',
      formats: ['es'],
      fileName: 'slotkit',
    },
    sourcemap: true,
  },
});
