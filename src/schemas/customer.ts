import * as z from 'zod/mini';
import { isValidTimeZone } from '../lib/time/index.ts';
import { CUSTOMER_LIMITS, customFieldCount } from './limits.ts';

/**
 * The customer a booking form sends. Messages are keys, not sentences: the form looks them up
 * in its locale (`customerMessages` lists every key it may meet). Limits match the engine's, so
 * what passes here is not refused later.
 */
export const customerMessages = [
  'required',
  'invalid',
  'too_long',
  'email',
  'timezone',
  'too_many_fields',
] as const;
export type CustomerMessage = (typeof customerMessages)[number];

export { CUSTOMER_LIMITS };

const text = (max: number) => z.string('invalid').check(z.trim(), z.maxLength(max, 'too_long'));

export const customerInput = z
  .catchall(
    z.object({
      // A check without a message of its own gives the schema's: blank is "required" too.
      name: z
        .string('required')
        .check(z.trim(), z.minLength(1), z.maxLength(CUSTOMER_LIMITS.name, 'too_long')),
      // Empty is "required", not "email": the first half of the pipe stops there.
      email: z.pipe(
        z
          .string('required')
          .check(z.trim(), z.minLength(1), z.maxLength(CUSTOMER_LIMITS.email, 'too_long')),
        z.email('email'),
      ),
      phone: z.optional(text(CUSTOMER_LIMITS.phone)),
      timezone: z.optional(z.string('invalid').check(z.refine(isValidTimeZone, 'timezone'))),
    }),
    // Custom fields from the project's customer_fields, as the form's inputs give them
    // (a checkbox gives a boolean). The union's message is the one a wrong value gets.
    z.union([text(CUSTOMER_LIMITS.custom), z.boolean()], 'invalid'),
  )
  .check(
    z.refine(
      (customer) => customFieldCount(customer) <= CUSTOMER_LIMITS.customFields,
      'too_many_fields',
    ),
  );
export type CustomerInput = z.input<typeof customerInput>;
export type Customer = z.output<typeof customerInput>;
