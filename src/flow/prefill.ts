import type { CustomerValues } from './state.ts';

/**
 * The form's starting values a host page passes (`prefill`): checked with the element's settings,
 * seeded into every new booking's form. Pure, so the widget, the embed and Node tests share it.
 */

/** Why a prefill setting is unusable, or undefined: an object of field name to text or yes/no. */
export function prefillProblem(prefill: unknown): string | undefined {
  if (prefill === undefined) return undefined;
  if (typeof prefill === 'string') {
    return `is not valid JSON; use an object of field name to value, e.g. {"name":"Ada","email":"ada@example.com"}.`;
  }
  if (typeof prefill !== 'object' || prefill === null || Array.isArray(prefill)) {
    return 'must be an object of field name to value, e.g. {"name":"Ada","email":"ada@example.com"}.';
  }
  for (const [name, value] of Object.entries(prefill)) {
    if (!['string', 'boolean', 'number'].includes(typeof value)) {
      return `.${name} must be text, a number or true/false.`;
    }
  }
  return undefined;
}

/** A checked prefill as the form's values (numbers as text). */
export function prefillValues(prefill: unknown): CustomerValues {
  if (prefillProblem(prefill) !== undefined || prefill === undefined) return {};
  const values: CustomerValues = {};
  for (const [name, value] of Object.entries(prefill as Record<string, unknown>)) {
    const given = typeof value === 'number' ? String(value) : (value as string | boolean);
    Object.defineProperty(values, name, { value: given, enumerable: true, writable: true });
  }
  return values;
}
