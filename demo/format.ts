import { dateTimeFormat, formatRange } from '../src/lib/time/format.ts';
import { parseInstant } from '../src/lib/time/index.ts';

/** How the owner console writes times and names; English, as the sandbox is not the widget. */

export function formatWhen(start: string | undefined, end: string | undefined, zone: string) {
  const from = start ? parseInstant(start) : undefined;
  const to = end ? parseInstant(end) : undefined;
  if (from === undefined || to === undefined) return 'no time';
  return formatRange(from, to, zone, 'en');
}

/** "27 Nov, 09:00:05": log lines and emails happen seconds apart. */
export function formatMoment(iso: string, zone: string): string {
  const at = parseInstant(iso);
  if (at === undefined) return iso;
  return dateTimeFormat('en', zone, {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).format(at);
}

/** "cancel_by_owner" -> "Cancel by owner". */
export function humanize(name: string): string {
  const words = name.replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
