import { z } from 'zod';
import { CUSTOMER_LIMITS, customFieldCount } from '../schemas/limits.ts';
import { line, text, timeZone } from './input.ts';
import type { ProjectRecord } from './records.ts';

/**
 * The customer of a booking, checked against what its project requires. Timekit requires a
 * name and an email; Appointedd (seed 003) books "at minimum the first and last name", so a
 * project may say which fields it needs (`required_customer_fields`). A split name is joined
 * into `name`, which every email, listing and log line shows.
 */

export const CUSTOMER_FIELD_NAMES = ['name', 'first_name', 'last_name', 'email', 'phone'] as const;
export type RequiredCustomerField = (typeof CUSTOMER_FIELD_NAMES)[number];

/** Timekit's rule ("only name and email is required"): every project that says nothing. */
export const DEFAULT_REQUIRED_CUSTOMER_FIELDS: readonly RequiredCustomerField[] = ['name', 'email'];

/** Ways to say whom a booking is for; a project must require at least one. */
export const NAME_FIELDS: readonly RequiredCustomerField[] = ['name', 'first_name', 'last_name'];

// Seed 003 spells them `firstname` / `lastname`; Timekit-style snake case is the canonical form.
const ALIASES: Record<string, 'first_name' | 'last_name'> = {
  firstname: 'first_name',
  lastname: 'last_name',
};

const isEmail = (value: string) => z.email().safeParse(value).success;

// booking.js sends a multi-choice checkbox as an array of its chosen options. zod words a value
// that fits none of these "Invalid input": say what a custom field may hold instead.
const customFieldValue = z.union(
  [text(CUSTOMER_LIMITS.custom), z.number(), z.boolean(), z.null(), z.array(line(500)).max(50)],
  { error: 'must be text, a number, true or false, null, or a list of at most 50 lines' },
);

function nameField(required: boolean) {
  const field = line(CUSTOMER_LIMITS.name).trim();
  return required ? field.min(1, 'is required') : field.optional();
}

function emailField(required: boolean) {
  const field = z.string().trim().max(CUSTOMER_LIMITS.email);
  // Empty reads as "not given" where the project does not need an email.
  return required
    ? field.pipe(z.email({ message: 'must be an email address' }))
    : field
        .refine((value) => value === '' || isEmail(value), 'must be an email address')
        .optional();
}

function phoneField(required: boolean) {
  const field = line(CUSTOMER_LIMITS.phone).trim();
  return required ? field.min(1, 'is required') : field.optional();
}

/** The seed's spellings to ours, and `name` joined from its parts when only they are given. */
function normalise(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const customer: Record<string, unknown> = Object.fromEntries(
    Object.entries(value).map(([key, field]) =>
      // An alias only where the canonical field is not also given (that clash stays a custom field).
      Object.hasOwn(ALIASES, key) && !Object.hasOwn(value, ALIASES[key]!)
        ? [ALIASES[key]!, field]
        : [key, field],
    ),
  );
  const blank = (field: unknown) => typeof field !== 'string' || field.trim() === '';
  // Only a name left out or blank gives way to its parts: one of another kind is refused as such.
  const noName =
    customer.name === undefined || (typeof customer.name === 'string' && blank(customer.name));
  if (noName && (!blank(customer.first_name) || !blank(customer.last_name))) {
    customer.name = [customer.first_name, customer.last_name]
      .filter((part): part is string => !blank(part))
      .map((part) => part.trim())
      .join(' ');
  }
  return customer;
}

/** Drops optional fields given empty, so a stored customer has no `email: ""`. */
function withoutBlanks<T extends Record<string, unknown>>(customer: T): T {
  return Object.fromEntries(
    Object.entries(customer).filter(
      ([key, field]) => !(CUSTOMER_FIELD_NAMES as readonly string[]).includes(key) || field !== '',
    ),
  ) as T;
}

/**
 * A customer as its schema gives it: the fields every customer may have, then custom ones.
 * Written out (rather than inferred) so the published types hold no index signature that
 * contradicts the optional fields, which fails a consumer's type check without skipLibCheck.
 */
export interface ParsedCustomer {
  name: string;
  first_name?: string | undefined;
  last_name?: string | undefined;
  email?: string | undefined;
  phone?: string | undefined;
  voip?: string | undefined;
  timezone?: string | undefined;
  [custom: string]: z.output<typeof customFieldValue> | undefined;
}

const schemas = new Map<string, z.ZodType<ParsedCustomer>>();

function buildCustomerInput(required: ReadonlySet<string>): z.ZodType<ParsedCustomer> {
  return z.preprocess(
    normalise,
    z
      .object({
        name: nameField(required.has('name')),
        first_name: nameField(required.has('first_name')),
        last_name: nameField(required.has('last_name')),
        email: emailField(required.has('email')),
        phone: phoneField(required.has('phone')),
        voip: line(CUSTOMER_LIMITS.name).optional(),
        timezone: timeZone.optional(),
      })
      .catchall(customFieldValue)
      .refine((customer) => customFieldCount(customer) <= CUSTOMER_LIMITS.customFields, {
        message: `at most ${CUSTOMER_LIMITS.customFields} custom fields`,
      })
      .transform((customer) => {
        const kept = withoutBlanks(customer);
        // A project requires one of the name fields (project-settings.ts), so one is here.
        return { ...kept, name: kept.name ?? '' };
      }),
  );
}

/** The fields a project requires of its customers (Timekit's name and email by default). */
export function requiredCustomerFields(
  project: ProjectRecord | undefined,
): readonly RequiredCustomerField[] {
  return project?.required_customer_fields ?? DEFAULT_REQUIRED_CUSTOMER_FIELDS;
}

/**
 * The customer schema for a project (and fields a use needs besides, such as the waitlist's
 * email): every missing or bad field is reported at once.
 */
export function customerInputFor(
  project: ProjectRecord | undefined,
  also: readonly RequiredCustomerField[] = [],
): z.ZodType<ParsedCustomer> {
  const required = [...new Set([...requiredCustomerFields(project), ...also])];
  const key = [...required].sort().join(',');
  let schema = schemas.get(key);
  if (!schema) {
    schema = buildCustomerInput(new Set(required));
    schemas.set(key, schema);
  }
  return schema;
}
