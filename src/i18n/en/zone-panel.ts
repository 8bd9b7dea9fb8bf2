/**
 * English strings of the time-zone chooser's panel: part of `slotPicker` in every catalogue, but in
 * English they load with the panel (src/components/slot-picker/zone-chooser-panel.ts adds them),
 * not in the first paint.
 */
const number = (n: number, locale: string): string => new Intl.NumberFormat(locale).format(n);

export const zonePanel = {
  searchTimeZones: 'Search time zones',
  timeZonePlaceholder: 'City or zone name',
  timeZones: 'Time zones',
  currentTimeZone: 'current',
  timeZoneHint: 'Type a city or zone name, then choose with the arrow keys and Enter.',
  noTimeZoneMatch: (query: string): string => `No time zone matches “${query}”.`,
  moreTimeZones: (shown: number, total: number, locale: string): string =>
    `Showing ${number(shown, locale)} of ${number(total, locale)}. Keep typing to narrow the list.`,
};
