import { en } from './en/index.ts';

/** A catalogue: the English one's shape, with any language's strings and plural functions. */
export type Messages = typeof en;

const catalogues = new Map<string, Messages>([['en', en]]);

/** Lazy loaders for other locales, so an English-only page pays nothing for them. */
const loaders: Record<string, () => Promise<Messages>> = {};

export function supportedLocales(): string[] {
  return ['en', ...Object.keys(loaders)];
}

/** The best catalogue we have for a BCP 47 tag: "de-AT" -> "de", unknown -> undefined. */
export function matchLocale(tag: string): string | undefined {
  const lower = tag.toLowerCase();
  const all = supportedLocales();
  return (
    all.find((locale) => locale === lower) ?? all.find((locale) => locale === lower.split('-')[0])
  );
}

/** The catalogue if it is already loaded (English always is). */
export function messagesFor(locale: string): Messages | undefined {
  return catalogues.get(locale);
}

export async function loadMessages(locale: string): Promise<Messages> {
  const loaded = catalogues.get(locale);
  if (loaded) return loaded;
  const loader = loaders[locale];
  if (!loader) return en;
  const messages = await loader();
  catalogues.set(locale, messages);
  return messages;
}

export { en };
