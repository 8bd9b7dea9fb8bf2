import * as z from 'zod/mini';
import { customerInput } from '../../schemas/customer.ts';
import type { FieldDefinition } from './fields.ts';

/**
 * The form's schema, built from its fields: the shared customer schema's rules for name and
 * email, the same style of rule (trim, required, the API's length limit) for the rest. Messages
 * are keys; the element turns them into sentences in the visitor's language.
 */

export type FieldValue = string | boolean;
export type FieldValues = Record<string, FieldValue>;

/** What can be wrong with one field. `too_long` and `email` are the shared schema's keys. */
export type ErrorKey = 'required' | 'invalid' | 'too_long' | 'email' | 'tel' | 'choice';
const ERROR_KEYS: readonly string[] = ['required', 'invalid', 'too_long', 'email', 'tel', 'choice'];

/** Digits with the usual separators and an optional leading +; at least three digits. */
const TEL = /^\+?[\d\s().\-/]*$/;
const telLike = (value: string) => value === '' || (TEL.test(value) && /\d.*\d.*\d/.test(value));

const shared = customerInput.shape;

function textSchema(field: FieldDefinition): z.ZodMiniType<unknown, string> {
  const name = field.joinsInto ?? field.name;
  // The shared rules for the fields the API itself checks, so both refuse the same things.
  // An optional part of a split name (the project needs only the other) takes the generic rule.
  if (name === 'name' && field.required) return withMax(shared.name, field.maxLength);
  // An optional email (the project needs none) takes the generic rule: empty, or an email.
  if (field.name === 'email' && field.required) return withMax(shared.email, field.maxLength);
  const checks: z.core.$ZodCheck<string>[] = [z.trim()];
  if (field.required) checks.push(z.minLength(1, 'required'));
  checks.push(z.maxLength(field.maxLength, 'too_long'));
  if (field.type === 'tel') checks.push(z.refine(telLike, 'tel'));
  if (field.type === 'email')
    checks.push(z.refine((value) => value === '' || isEmail(value), 'email'));
  return z.string('invalid').check(...checks);
}

const emailSchema = z.email('email');
const isEmail = (value: string) => emailSchema.safeParse(value).success;

/** An owner's limit below the API's: one more check after the shared rule. */
function withMax(schema: z.ZodMiniType<unknown, string>, max: number) {
  return z.pipe(schema, z.string().check(z.maxLength(max, 'too_long')));
}

function fieldSchema(field: FieldDefinition): z.ZodMiniType {
  if (field.type === 'checkbox') {
    return z
      .boolean('invalid')
      .check(z.refine((checked) => checked || !field.required, 'required'));
  }
  if (field.type === 'select') {
    const values = (field.options ?? []).map((option) => option.value);
    return z.string('invalid').check(
      z.refine((value) => value !== '' || !field.required, 'required'),
      z.refine((value) => value === '' || values.includes(value), 'choice'),
    );
  }
  return textSchema(field);
}

/** One schema for the whole form, keyed by field name (split names by their two parts). */
export function buildSchema(fields: readonly FieldDefinition[]) {
  return z.object(Object.fromEntries(fields.map((field) => [field.name, fieldSchema(field)])));
}

export type FormSchema = ReturnType<typeof buildSchema>;

/** The first problem of each invalid field, by field name, in field order. */
export function validate(schema: FormSchema, values: FieldValues): Map<string, ErrorKey> {
  const errors = new Map<string, ErrorKey>();
  const result = schema.safeParse(values);
  if (result.success) return errors;
  for (const issue of result.error.issues) {
    const name = issue.path[0];
    if (typeof name !== 'string' || errors.has(name)) continue;
    errors.set(name, ERROR_KEYS.includes(issue.message) ? (issue.message as ErrorKey) : 'invalid');
  }
  return errors;
}
