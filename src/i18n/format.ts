/**
 * What the catalogues share to write counts: plural categories from `Intl.PluralRules`, digits
 * from `Intl.NumberFormat`, each built on first use and cached. A language's plural forms are
 * picked by its own rules (Arabic has six categories, Japanese one); digits follow the visitor's
 * full locale when a message is given one.
 */

/** One plural form; `n` is the count already formatted for the locale. */
export type PluralForm = (n: string) => string;

/** The forms a language uses; `other` is required, the rest fall back to it. */
export type PluralForms = { other: PluralForm } & Partial<
  Record<Exclude<Intl.LDMLPluralRule, 'other'>, PluralForm>
>;

/** Intl's objects are slow to build: each one once per kind, locale and options (`key`). */
const built = new Map<string, Intl.PluralRules | Intl.NumberFormat>();
function once<T extends Intl.PluralRules | Intl.NumberFormat>(key: string, make: () => T): T {
  let made = built.get(key) as T | undefined;
  if (!made) {
    made = make();
    built.set(key, made);
  }
  return made;
}

const rulesFor = (lang: string) => once(`plural|${lang}`, () => new Intl.PluralRules(lang));

/** `count` with the locale's digits and grouping ("1.234" in de, "١٬٢٣٤" in ar-EG). */
export function formatNumber(count: number, locale: string): string {
  return once(`number|${locale}`, () => {
    try {
      return new Intl.NumberFormat(locale);
    } catch {
      // A tag Intl cannot read: the digits matter less than never throwing into the page.
      return new Intl.NumberFormat();
    }
  }).format(count);
}

/**
 * The form of `forms` that `lang`'s plural rules pick for `count`, given the formatted number.
 * `locale` (defaults to `lang`) only chooses the digits, e.g. "ar-EG" for Arabic-Indic ones.
 */
export function plural(count: number, lang: string, forms: PluralForms, locale = lang): string {
  const form = forms[rulesFor(lang).select(count)] ?? forms.other;
  return form(formatNumber(count, locale));
}

/**
 * A booking state as words: the catalogue's name for it, else the API's id made readable
 * ("awaiting_payment" -> "awaiting payment") so a state added later still shows something.
 */
export function stateName(state: string, names: Readonly<Record<string, string>>): string {
  return Object.hasOwn(names, state) ? names[state]! : state.replaceAll('_', ' ');
}

/**
 * The booking states a visitor can see on their own booking, for each catalogue's `state()`.
 * A type, so a catalogue that forgets one fails to compile.
 */
export type BookingStateNames = Record<
  | 'awaiting_verification'
  | 'verification_expired'
  | 'tentative'
  | 'confirmed'
  | 'declined'
  | 'paid'
  | 'unpaid'
  | 'cancelled'
  | 'cancelled_by_customer'
  | 'cancelled_by_owner'
  | 'rescheduled_by_customer'
  | 'completed',
  string
>;

/** "5 Minuten", "1 minute": a count with a unit word, inflected by Intl for the locale. */
export function formatUnit(
  count: number,
  unit: 'minute' | 'second' | 'hour',
  locale: string,
): string {
  return once(
    `unit|${locale}|${unit}`,
    () => new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }),
  ).format(count);
}

/**
 * An amount in integer minor units ("2500" USD) as the locale writes money ("$25.00",
 * "25,00 $"); the currency's own decimals (0 for JPY) say where the unit is.
 */
export function formatMoney(amount: number, currency: string, locale: string): string {
  const format = once(
    `money|${locale}|${currency}`,
    () => new Intl.NumberFormat(locale, { style: 'currency', currency }),
  );
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(amount / 10 ** digits);
}

/** "45 min", "1 hr", "1 t." in the locale's words (Intl's units; nothing hand-written). */
export function formatMinutes(minutes: number, locale: string): string {
  const hours = minutes % 60 === 0;
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: hours ? 'hour' : 'minute',
    unitDisplay: 'short',
  }).format(hours ? minutes / 60 : minutes);
}
