import type { Group } from '../../schemas/booking.ts';

/**
 * What a class row shows beyond its title and time, read from the group whatever the API gives:
 * the place (`event_info.where`, or a `place`/`location` on the class) and a price per seat
 * (`{ amount, currency }` in integer minor units, on the class or its `group_booking`). Absent
 * data shows nothing rather than a guess.
 */

export interface Money {
  /** Integer minor units: 1250 is 12.50 in EUR, 1250 yen in JPY. */
  amount: number;
  currency: string;
}

type Loose = Record<string, unknown> | undefined;

const isMoney = (value: unknown): value is Money =>
  typeof value === 'object' &&
  value !== null &&
  Number.isInteger((value as Money).amount) &&
  (value as Money).amount >= 0 &&
  typeof (value as Money).currency === 'string' &&
  /^[A-Za-z]{3}$/.test((value as Money).currency);

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() ? value.trim() : undefined;

export function placeOf(group: Group): string | undefined {
  const attributes = group.attributes as unknown as Loose;
  const event = attributes?.event_info as Loose;
  return text(event?.where) ?? text(attributes?.place) ?? text(attributes?.location);
}

export function priceOf(group: Group): Money | undefined {
  const attributes = group.attributes as unknown as Loose;
  const rules = attributes?.group_booking as Loose;
  const event = attributes?.event_info as Loose;
  for (const candidate of [attributes?.price, rules?.price, event?.price]) {
    if (isMoney(candidate)) return candidate;
  }
  return undefined;
}

/** Built once per locale and currency: building one costs as much as formatting a hundred. */
const priceFormats = new Map<string, Intl.NumberFormat>();

/** "DKK 120.00", "¥1,500", "120,00 kr."; `free` for a zero amount. */
export function formatPrice(money: Money, locale: string, free: string): string {
  if (money.amount === 0) return free;
  const key = `${locale}|${money.currency}`;
  let format = priceFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency: money.currency });
    priceFormats.set(key, format);
  }
  // The currency's own minor unit: 2 for EUR, 0 for JPY, 3 for KWD.
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(money.amount / 10 ** digits);
}
