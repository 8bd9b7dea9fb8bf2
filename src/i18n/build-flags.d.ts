/**
 * Set by vite.config.ts: `true` in the script-tag build (`--mode embed`), where catalogues other
 * than English are separate files beside the bundle, `false` in the ESM package build. Undefined
 * everywhere else (tests, the sandbox's dev server): read it as `typeof __SLOTKIT_EMBED__`.
 */
declare const __SLOTKIT_EMBED__: boolean | undefined;
