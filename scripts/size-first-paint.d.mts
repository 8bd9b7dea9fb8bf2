// Types for size-first-paint.mjs, which `npm run size` runs as plain JavaScript.
export declare const FIRST_PAINT_BUDGET: { oneToOne: number; group: number };
export declare const FIRST_STEPS: ReadonlyArray<{ label: string; chooser: RegExp; budget: number }>;
export declare function gzipSize(code: string | Uint8Array): number;
export declare function firstPaints(
  files: ReadonlyMap<string, string | Uint8Array>,
): Array<{ label: string; files: string[]; gzip: number; budget: number }>;
export declare const ESM_DEFINE_BUDGET: number;
export declare function withStaticImports(
  files: ReadonlyMap<string, string | Uint8Array>,
  name: string,
  seen?: Set<string>,
): Set<string>;
export declare function esmDefine(files: ReadonlyMap<string, string | Uint8Array>): {
  files: string[];
  gzip: number;
  budget: number;
};
