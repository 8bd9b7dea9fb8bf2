import { regexes } from 'zod';
import { isValidTimeZone } from '../lib/time/index.ts';
import { CUSTOMER_LIMITS } from '../schemas/limits.ts';
import type { RequiredCustomerField } from './customer-input.ts';
import { LIMITS, textProblem, type CreateBookingBody } from './input.ts';

/**
 * A short way through the two parses every sign-up pays for: the create body's shape and its
 * customer. zod spent tens of microseconds on each, most of a sign-up's cost, to accept bodies
 * that are almost always the same few plain fields. Each function here answers exactly what
 * the zod schema answers (same values, same key order) for the bodies it recognises, and
 * undefined for anything else, which then goes through zod as before: every refusal, with its
 * field and message, still comes from the schema. quick-input.test.ts holds the two together.
 */

/** A JSON object: what the quick paths read (anything else, zod reads). */
function plainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

/** `line(max)` (with `.min(1)` for ids): the length counted before anything is trimmed. */
function isLine(value: unknown, max: number): value is string {
  return (
    typeof value === 'string' &&
    value.length >= 1 &&
    value.length <= max &&
    textProblem(value, false) === undefined
  );
}

const isId = (value: unknown): value is string => isLine(value, 100);

function isSeats(value: unknown): value is number {
  return (
    typeof value === 'number' && Number.isSafeInteger(value) && value >= 1 && value <= LIMITS.seats
  );
}

/** `relatedInput`'s answer for an object of valid fields, in its key order. */
function quickRelated(value: unknown): CreateBookingBody['related'] | undefined {
  if (!plainObject(value)) return undefined;
  const related: NonNullable<CreateBookingBody['related']> = {};
  let fields = 0;
  if (Object.hasOwn(value, 'owner_booking_id')) {
    if (!isId(value.owner_booking_id)) return undefined;
    related.owner_booking_id = value.owner_booking_id;
    fields += 1;
  }
  if (Object.hasOwn(value, 'seats')) {
    if (!isSeats(value.seats)) return undefined;
    related.seats = value.seats;
    fields += 1;
  }
  // Any other key is a strict object's refusal: zod words it.
  return Object.keys(value).length === fields ? related : undefined;
}

// createBookingShape's keys in its own order (zod answers in shape order), with the quick check
// of each; a field missing here (settings, custom_data, the owner's attributes) goes through zod.
type Check = (value: unknown) => boolean;
const anything: Check = () => true;
const isBoolean: Check = (value) => typeof value === 'boolean';
const SHAPE: ReadonlyArray<readonly [keyof CreateBookingBody, Check]> = [
  ['graph', isId],
  ['action', isId],
  ['event', anything],
  ['customer', anything],
  ['related', (value) => quickRelated(value) !== undefined],
  ['resource_id', isId],
  ['project_id', isId],
  ['reservation_id', isId],
  ['ignore_capacity', isBoolean],
  ['confirm', isBoolean],
];
const SHAPE_KEYS = new Set<string>(SHAPE.map(([key]) => key));

/** `createBookingShape`'s answer for a body of plain valid fields; undefined means "ask zod". */
export function quickCreateShape(known: Record<string, unknown>): CreateBookingBody | undefined {
  const keys = Object.keys(known);
  for (const key of keys) if (!SHAPE_KEYS.has(key) || known[key] === undefined) return undefined;
  const shape: Record<string, unknown> = {};
  for (const [key, check] of SHAPE) {
    if (!Object.hasOwn(known, key)) continue;
    const value = known[key];
    if (!check(value)) return undefined;
    shape[key] = key === 'related' ? quickRelated(value) : value;
  }
  return shape.graph === undefined ? undefined : (shape as CreateBookingBody);
}

/** A customer as the project's schema stores it: name first, then the other fields given. */
export interface QuickCustomer {
  name: string;
  email?: string;
  phone?: string;
  timezone?: string;
}

const QUICK_CUSTOMER_KEYS = new Set(['name', 'email', 'phone', 'timezone']);
const EMAIL = regexes.email;

/**
 * The customer schema's answer (customerInputFor) for a customer of name, email, phone and
 * time zone, each given and valid; undefined for anything else (aliases, split names, custom
 * fields, blanks), which zod reads as before.
 */
export function quickCustomer(
  value: unknown,
  required: readonly RequiredCustomerField[],
): QuickCustomer | undefined {
  if (!plainObject(value)) return undefined;
  const keys = Object.keys(value);
  for (const key of keys) if (!QUICK_CUSTOMER_KEYS.has(key)) return undefined;
  // A required field that is missing is a refusal; a required split name is zod's to check.
  for (const field of required)
    if (field !== 'name' && !Object.hasOwn(value, field)) return undefined;
  const { name, email, phone, timezone } = value;
  // line(max).trim(): the length and the characters are checked before trimming.
  if (!isLine(name, CUSTOMER_LIMITS.name)) return undefined;
  const customer: QuickCustomer = { name: name.trim() };
  if (customer.name === '') return undefined;
  if (email !== undefined) {
    // trim().max(): here the length is counted after trimming.
    if (typeof email !== 'string') return undefined;
    const trimmed = email.trim();
    if (trimmed === '' || trimmed.length > CUSTOMER_LIMITS.email || !EMAIL.test(trimmed))
      return undefined;
    customer.email = trimmed;
  }
  if (phone !== undefined) {
    if (!isLine(phone, CUSTOMER_LIMITS.phone)) return undefined;
    const trimmed = phone.trim();
    if (trimmed === '') return undefined;
    customer.phone = trimmed;
  }
  if (timezone !== undefined) {
    if (typeof timezone !== 'string' || timezone.length > 64 || !isValidTimeZone(timezone))
      return undefined;
    customer.timezone = timezone;
  }
  // Every key given was read above: nothing undefined slipped through as a present key.
  return keys.length === Object.keys(customer).length ? customer : undefined;
}
