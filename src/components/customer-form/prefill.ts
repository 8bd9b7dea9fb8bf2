import { splitFullName, type FieldDefinition } from './fields.ts';
import type { FieldValue } from './validation.ts';

/**
 * Where a field's first value comes from: the owner's `values`, then the page address
 * (`?customer.email=...`), then the field's own `prefilled`; a read-only prefill wins over both.
 */

/** `?customer.email=...` in the page address prefills the field of that name. */
export const URL_PREFIX = 'customer.';
const TRUTHY = ['true', '1', 'on', 'yes'];

export function initialValue(
  field: FieldDefinition,
  values: Record<string, FieldValue | undefined>,
  fromUrl: Record<string, string>,
): FieldValue {
  const empty = field.type === 'checkbox' ? false : '';
  // A read-only prefill is the owner's decision: nothing from outside replaces it.
  if (field.readonly && field.prefilled !== undefined) return coerce(field, field.prefilled);
  const given = lookup(field, values) ?? lookup(field, fromUrl) ?? field.prefilled;
  return given === undefined ? empty : coerce(field, given);
}

/** A field's value in `source`; a split name's parts also come from a whole `name`. */
function lookup(field: FieldDefinition, source: Record<string, FieldValue | undefined>) {
  const own = source[field.name];
  if (own !== undefined) return acceptable(field, own);
  if (field.joinsInto && typeof source.name === 'string') {
    const [first, last] = splitFullName(source.name);
    return field.name === 'first_name' ? first : last;
  }
  return undefined;
}

/** A prefill for a drop-down must be one of its options; anything else is ignored. */
function acceptable(field: FieldDefinition, value: FieldValue): FieldValue | undefined {
  if (field.type !== 'select' || value === '') return value;
  return field.options?.some((option) => option.value === value) ? value : undefined;
}

function coerce(field: FieldDefinition, value: FieldValue): FieldValue {
  if (field.type === 'checkbox') {
    return value === true || (typeof value === 'string' && TRUTHY.includes(value.toLowerCase()));
  }
  return typeof value === 'string' ? value : '';
}

export function urlValues(): Record<string, string> {
  const values: Record<string, string> = {};
  const search = globalThis.location?.search ?? '';
  for (const [key, value] of new URLSearchParams(search)) {
    if (key.startsWith(URL_PREFIX)) values[key.slice(URL_PREFIX.length)] = value;
  }
  return values;
}
