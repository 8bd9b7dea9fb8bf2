import { supportedLocales } from '../src/i18n/index.ts';
import { detectTimeZone } from '../src/lib/time/format.ts';
import { isValidTimeZone } from '../src/lib/time/index.ts';
import { PROJECTS } from './projects.ts';
import { isScenario, type Scenario } from './scenarios.ts';
import { DEFAULT_BRAND, THEMES, isHexColour, type Theme } from './theme.ts';

/** How the sandbox's host page embeds the widget (issue 16's three modes). */
export const EMBED_MODES = [
  { id: 'inline', label: 'Inline' },
  { id: 'popup', label: 'Popup from a button' },
  { id: 'floating', label: 'Floating button' },
] as const;

export type EmbedModeId = (typeof EMBED_MODES)[number]['id'];

/** The sandbox's switches; they survive a reload. */
export interface Settings {
  project: string;
  embed: EmbedModeId;
  locale: string;
  timeZone: string;
  theme: Theme;
  brand: string;
  scenario: Scenario;
}

/** A few zones far apart, and the visitor's own first. */
export function timeZoneChoices(): string[] {
  const zones = [
    'America/Los_Angeles',
    'America/New_York',
    'UTC',
    'Europe/London',
    'Europe/Copenhagen',
    'Asia/Kolkata',
    'Asia/Tokyo',
    'Australia/Sydney',
  ];
  const detected = detectTimeZone();
  return [detected, ...zones.filter((zone) => zone !== detected)];
}

export function defaultSettings(): Settings {
  return {
    project: 'proj_yoga',
    embed: 'inline',
    locale: supportedLocales()[0] ?? 'en',
    timeZone: detectTimeZone(),
    theme: 'light',
    brand: DEFAULT_BRAND,
    scenario: 'normal',
  };
}

/** Whatever was saved, field by field: anything unknown falls back to its default. */
export function parseSettings(saved: unknown): Settings {
  const value = (typeof saved === 'object' && saved !== null ? saved : {}) as Record<
    string,
    unknown
  >;
  const defaults = defaultSettings();
  const pick = <T>(key: keyof Settings, ok: (candidate: unknown) => boolean): T =>
    (ok(value[key]) ? value[key] : defaults[key]) as T;
  return {
    project: pick('project', (id) => PROJECTS.some((project) => project.id === id)),
    embed: pick('embed', (mode) => EMBED_MODES.some((entry) => entry.id === mode)),
    locale: pick('locale', (locale) => supportedLocales().includes(locale as string)),
    timeZone: pick('timeZone', (zone) => typeof zone === 'string' && isValidTimeZone(zone)),
    theme: pick('theme', (theme) => THEMES.some((entry) => entry.id === theme)),
    brand: pick('brand', isHexColour),
    scenario: pick('scenario', isScenario),
  };
}
