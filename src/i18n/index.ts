/**
 * The catalogues: English (src/i18n/en/, the source) and eleven others loaded on demand. Of
 * English, the bundle holds what the first step and the widget show; the strings of an element
 * loaded later (form, countdown, class list) come with that element, which adds them through
 * its LocalizeController (`addEnglish`). To add a language: its code in locales.ts, a folder `<lang>/index.ts`
 * exporting `const <lang>: Messages` (from messages.ts, not from here: typed, so a missing key or
 * a wrong signature does not compile), and its line in `loaders` below; test/node/i18n checks
 * the rest.
 */
import { common } from './en/common.ts';
import { slotPicker } from './en/slot-picker.ts';
import { waitlist } from './en/waitlist.ts';
import { widget } from './en/widget.ts';
import { LOCALES, RTL_LOCALES, type Locale } from './locales.ts';
import type { Messages } from './messages.ts';

export type { Messages };

export type { Locale };

/**
 * English as far as it is loaded. Typed whole: a section is only read by the element that brought
 * it (a lazily loaded element adds its own before it first renders).
 */
const en = { common, slotPicker, waitlist, widget } as Messages;

/**
 * Adds English strings loaded after the first paint: an element's section, or the keys of a
 * section the first paint holds in part (the widget's steps after choosing). Idempotent.
 */
export function addEnglish(sections: { [K in keyof Messages]?: Partial<Messages[K]> }): void {
  for (const [name, strings] of Object.entries(sections)) {
    const key = name as keyof Messages;
    Object.assign(en, { [key]: { ...en[key], ...strings } });
  }
}

const catalogues = new Map<string, Messages>([['en', en]]);
const pending = new Map<string, Promise<Messages>>();
const failed = new Set<string>();

/**
 * Lazy loaders for other locales, so an English-only page pays nothing for them: one chunk per
 * locale, in the ESM package (left to the consumer's bundler) and beside the script tag alike.
 */
const loaders: Record<Exclude<Locale, 'en'>, () => Promise<Messages>> = {
  de: () => import('./de/index.ts').then((m) => m.de),
  fr: () => import('./fr/index.ts').then((m) => m.fr),
  es: () => import('./es/index.ts').then((m) => m.es),
  it: () => import('./it/index.ts').then((m) => m.it),
  nl: () => import('./nl/index.ts').then((m) => m.nl),
  da: () => import('./da/index.ts').then((m) => m.da),
  sv: () => import('./sv/index.ts').then((m) => m.sv),
  nb: () => import('./nb/index.ts').then((m) => m.nb),
  pt: () => import('./pt/index.ts').then((m) => m.pt),
  ja: () => import('./ja/index.ts').then((m) => m.ja),
  ar: () => import('./ar/index.ts').then((m) => m.ar),
};

/** Languages that borrow another's catalogue: Norwegian in general and Nynorsk read Bokmål. */
const ALIASES: ReadonlyMap<string, Locale> = new Map([
  ['no', 'nb'],
  ['nn', 'nb'],
]);

/** Every catalogue slotkit has, English first. */
export function supportedLocales(): string[] {
  return [...LOCALES];
}

function known(code: string): Locale | undefined {
  return LOCALES.find((locale) => locale === code) ?? ALIASES.get(code);
}

/**
 * The best catalogue we have for a BCP 47 tag: "de-AT" -> "de", "pt-BR" -> "pt",
 * "no"/"nb-NO" -> "nb", "ar-EG" -> "ar", unknown -> undefined. Case and `_` are forgiven.
 */
export function matchLocale(tag: string): Locale | undefined {
  if (typeof tag !== 'string') return undefined;
  const lower = tag.trim().toLowerCase().replaceAll('_', '-');
  if (!lower) return undefined;
  return known(lower) ?? known(lower.split('-')[0]!);
}

/** Whether a catalogue's script runs right to left. */
export function isRtl(locale: string): boolean {
  return RTL_LOCALES.some((rtl) => rtl === locale);
}

/** The catalogue if it is already loaded (English always is). */
export function messagesFor(locale: string): Messages | undefined {
  return catalogues.get(locale);
}

/**
 * Loads a catalogue once (concurrent callers share one request) and resolves with it; resolves
 * with English for an unknown locale or when loading fails (logged once per locale; a later
 * call tries again).
 */
export function loadMessages(locale: string): Promise<Messages> {
  const loaded = catalogues.get(locale);
  if (loaded) return Promise.resolve(loaded);
  const loader = Object.hasOwn(loaders, locale) ? loaders[locale as keyof typeof loaders] : null;
  if (!loader) return Promise.resolve(en);
  let promise = pending.get(locale);
  if (!promise) {
    promise = loader().then(
      (messages) => {
        catalogues.set(locale, messages);
        pending.delete(locale);
        return messages;
      },
      (error: unknown) => {
        pending.delete(locale);
        if (!failed.has(locale)) {
          failed.add(locale);
          console.error(`slotkit: could not load the "${locale}" strings; showing English.`, error);
        }
        return en;
      },
    );
    pending.set(locale, promise);
  }
  return promise;
}

export { en };
