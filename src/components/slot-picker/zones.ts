import { supportedTimeZones, zoneName } from '../../lib/time/format.ts';
import { zoneCity } from './zone-chooser.ts';

/**
 * The time-zone search behind the chooser's combobox (zone-chooser-panel.ts): every IANA zone the browser knows, with a
 * city and a readable name to show and to match on.
 */

export interface ZoneEntry {
  id: string;
  /** "Los Angeles", from the id (Intl has no localized city names). */
  city: string;
  /** "Pacific Standard Time", in the locale. */
  name: string;
  /** Normalized id, city and name: what a query is matched against. */
  haystack: string;
}

export interface ZoneMatches {
  matches: ZoneEntry[];
  /** How many zones matched before the cap. */
  total: number;
}

/** Lower case, no accents, `_` and `/` as spaces: "São_Paulo" and "sao paulo" meet. */
export function normalize(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[_/]+/g, ' ').trim();
}

export function zoneEntry(id: string, locale: string, at: number): ZoneEntry {
  const city = zoneCity(id);
  const name = zoneName(id, locale, at);
  return { id, city, name, haystack: normalize(`${id} ${city} ${name}`) };
}

const entriesByLocale = new Map<string, ZoneEntry[]>();

/** All zones, built once per locale (a few dozen ms: one formatter per zone). */
export function zoneEntries(locale: string, at: number): ZoneEntry[] {
  let entries = entriesByLocale.get(locale);
  if (!entries) {
    entries = supportedTimeZones().map((id) => zoneEntry(id, locale, at));
    entriesByLocale.set(locale, entries);
  }
  return entries;
}

/**
 * Zones whose id, city or name contain every word of the query, those whose city starts with it
 * first; `pinned` ids (the current and the detected zone) lead when the query is empty.
 */
export function filterZones(
  entries: ZoneEntry[],
  query: string,
  pinned: string[],
  limit: number,
): ZoneMatches {
  const words = normalize(query).split(/\s+/).filter(Boolean);
  let found: ZoneEntry[];
  if (words.length === 0) {
    const first = [...new Set(pinned)].flatMap(
      (id) => entries.find((entry) => entry.id === id) ?? [],
    );
    found = [...first, ...entries.filter((entry) => !first.includes(entry))];
  } else {
    const phrase = words.join(' ');
    const rank = (entry: ZoneEntry): number => {
      const city = normalize(entry.city);
      if (city.startsWith(phrase)) return 0;
      if (city.split(' ').some((word) => word.startsWith(words[0]!))) return 1;
      return 2;
    };
    found = entries
      .filter((entry) => words.every((word) => entry.haystack.includes(word)))
      .map((entry, index) => ({ entry, index, rank: rank(entry) }))
      .sort((a, b) => a.rank - b.rank || a.index - b.index)
      .map(({ entry }) => entry);
  }
  return { matches: found.slice(0, limit), total: found.length };
}
