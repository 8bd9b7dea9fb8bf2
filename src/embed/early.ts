/**
 * A widget's first two calls (the project's config and this month's days), sent by the script
 * tag as soon as it knows them: from its own `data-*` attributes before the rest of the script
 * is even evaluated (embed.ts imports this module first, so the bundle runs it first), or from
 * `SlotkitBooking.init` before the widget's files and setup. The widget's client adopts each
 * answer when it sends the very same request (sdk/early.ts) and validates it as its own.
 *
 * Only for settings whose first calls are known for sure: any other key (resources,
 * availability, a group graph, remote config off, a booking to manage, ...) leaves the widget
 * to ask for itself. Only leaves are imported: evaluating this first pulls no Lit or zod ahead.
 */
import { ONE_TO_ONE_GRAPHS } from '../flow/graphs.ts';
import { detectTimeZone } from '../lib/time/format.ts';
import { addDaysToDate, localDate, wallTimeToInstant } from '../lib/time/index.ts';
import { sendEarly } from '../sdk/early.ts';
import { isBookingJs } from './init-config.ts';
import { optionsFromData } from './options.ts';

/** App key, project id, base URL, time zone: as the widget's settings will hold them. */
export type FirstCalls = [string, string, string | undefined, string | undefined];

/** The keys (slotkit's or booking.js's) that change nothing in the first calls but these. */
const KNOWN =
  /^(appKey|projectId|baseUrl|timeZone|graph|target|el|theme|brandColor|mode|app_key|project_id|api_base_url|ui)$/;

/** The first calls `config` (slotkit's own or booking.js's) makes for sure, else undefined. */
export function firstCallsOf(config: object): FirstCalls | undefined {
  const c = config as Record<string, unknown> & { ui?: { timezone?: unknown } };
  const ui = c.ui ?? {};
  const api = c.api_base_url;
  const calls = isBookingJs(config)
    ? // As booking-js-config.ts translates them.
      [
        c.app_key,
        c.project_id,
        typeof api == 'string' && api && `${api.replace(/\/?$/, '/')}v2`,
        ui.timezone,
      ]
    : [c.appKey, c.projectId, c.baseUrl, c.timeZone];
  const known =
    Object.keys(c).every((key) => KNOWN.test(key)) &&
    Object.keys(ui).every((key) => key === 'timezone') &&
    (c.mode ?? 'inline') === 'inline' &&
    ONE_TO_ONE_GRAPHS.includes((c.graph ?? 'instant') as 'instant');
  // Key and project given; base URL and zone given, or left out.
  const given = calls.every((v, i) => (typeof v == 'string' ? v : i > 1 && v === undefined));
  return known && given ? (calls as FirstCalls) : undefined;
}

/**
 * Sends the calls as the widget's client will (URL, headers, body alike, byte for byte): the
 * config first, then the days, whose month needs the zone (Intl's first use, tens of ms).
 */
export function sendFirstCalls([appKey, projectId, baseUrl = '/v2', zone]: FirstCalls): void {
  try {
    // As the widget resolves its baseUrl and the transport joins paths.
    const base = new URL(baseUrl, location.href).href.replace(/\/+$/, '');
    const headers = { Accept: 'application/json', Authorization: `Basic ${btoa(`:${appKey}`)}` };
    sendEarly(`${base}/projects/embed/${encodeURIComponent(projectId)}`, {
      method: 'GET',
      headers,
    });
    // A manage or waitlist link in the address: the widget opens on that, not on the days.
    if (/[?&]slotkit_/.test(location.search)) return;
    const timeZone = zone ?? detectTimeZone();
    const month = localDate(Date.now(), timeZone);
    const first = (date: string) =>
      new Date(wallTimeToInstant(`${date.slice(0, 7)}-01`, '00:00', timeZone)).toISOString();
    sendEarly(`${base}/availability/dates`, {
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        project_id: projectId,
        from: first(month),
        to: first(addDaysToDate(`${month.slice(0, 7)}-01`, 32)),
        output_timezone: timeZone,
      }),
    });
  } catch {
    // A bad base URL, key or zone: the widget sends nothing and names the setting.
  }
}

/**
 * The script tag's own settings, before Lit and the widget are evaluated. Not for a second copy
 * of the script (or a page that defined the element otherwise): its widget is another copy's
 * element, whose client claims from that copy's early requests.
 */
const script = document.currentScript;
if (script instanceof HTMLScriptElement && !customElements.get('slotkit-widget')) {
  const first = firstCallsOf(optionsFromData(script.dataset));
  if (first) sendFirstCalls(first);
}
