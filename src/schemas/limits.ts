/**
 * The limits and field names the engine enforces and the forms check before sending, in one
 * table. Plain constants, no schema library: the engine validates with classic zod, the widget
 * with zod/mini, and both read their numbers from here, so what a form passes the API accepts.
 */

/** The customer's own fields; any other key is a custom field from the project's form. */
export const CUSTOMER_FIELDS = ['name', 'email', 'phone', 'voip', 'timezone'] as const;

export const CUSTOMER_LIMITS = {
  name: 200,
  email: 254,
  phone: 40,
  /** A custom field's text. */
  custom: 5000,
  customFields: 30,
};

/**
 * `custom_data` on a booking: the host page's campaign parameters (utm_*) and others it names.
 * Small on purpose: it is the visitor's data, sent with a public key.
 */
export const CUSTOM_DATA_LIMITS = { keys: 20, key: 40, value: 200 };

/** How many custom fields a customer object carries (its keys beyond CUSTOMER_FIELDS). */
export function customFieldCount(customer: object): number {
  const own: readonly string[] = CUSTOMER_FIELDS;
  return Object.keys(customer).filter((key) => !own.includes(key)).length;
}
