import * as z from 'zod/mini';
import { parseInstant } from '../lib/time/index.ts';

/**
 * Building blocks every wire shape uses. Objects are `z.object` (unknown keys are dropped, never
 * refused): the server may add fields without breaking a widget already deployed, and the
 * inferred types stay exact instead of gaining an `unknown` index signature.
 *
 * Checks are written as `refine` and maps as `catchall` on purpose: zod/mini then bundles one
 * check class and no record type, about 2 KB gzip less in the widget.
 */

const check = <T>(test: (value: T) => boolean) => z.refine<T>(test);

/** An instant as the API sends it: RFC 3339 with an offset; kept as a string, checked strictly. */
export const instant = z.string().check(check((text) => parseInstant(text) !== undefined));

/** A calendar day, yyyy-MM-dd. */
export const isoDate = z.string().check(check((text) => /^\d{4}-\d{2}-\d{2}$/.test(text)));

export const id = z.string().check(check((text) => text.length > 0));

export const count = z.number().check(check((n) => Number.isInteger(n) && n >= 0));

/** One of a fixed set of strings, typed as their union. */
export const oneOf = <const T extends readonly string[]>(values: T) =>
  z.custom<T[number]>((value) => values.includes(value as string));

/** A JSON object used as a map: `{ [key]: value }`. */
export const dict = <T extends z.ZodMiniType>(value: T) => z.catchall(z.object({}), value);

export const resource = z.object({ id, name: z.string(), timezone: z.string() });
export type Resource = z.infer<typeof resource>;

/** The success envelope: `{ data }`, lists may add `meta`. */
export const envelope = <T extends z.ZodMiniType>(data: T) => z.object({ data });
