/**
 * Requests sent before any client exists: the script tag starts a widget's first calls while
 * the rest of its code is still being evaluated, and the widget's client adopts each answer
 * when it sends the very same request (method, URL, headers, body), as if it had sent it.
 * Anything else (another project or key, a different month, a second taker, a late one) sends
 * its own request, so an early request can only make a call faster, never change its answer.
 *
 * A leaf (it imports nothing) so the script tag can evaluate it before Lit, zod and the widget.
 */

/** The answer to come, and when the request left (for the server clock's bounds). */
export type EarlyRequest = [response: Promise<Response>, sentAt: number];

/**
 * How long an unclaimed early request may still be adopted. A widget claims its first calls
 * within moments of the script's start; one made later (a popup opened a minute on, say) must
 * ask for itself, or it would show availability as it was when the page loaded.
 */
export const EARLY_REQUEST_TTL_MS = 10_000;

const pending = new Map<string, EarlyRequest>();

// transport.ts sends string bodies only.
const keyOf = (url: string, init: RequestInit) =>
  JSON.stringify([init.method, url, [...new Headers(init.headers)], init.body]);

/** Sends `init` to `url` now, for the first client that sends the same to claim. */
export function sendEarly(url: string, init: RequestInit): void {
  const key = keyOf(url, init);
  if (pending.has(key)) return;
  const early: EarlyRequest = [fetch(url, init), Date.now()];
  // Unclaimed, a failure is nobody's; a claimer sends its own instead (transport.ts).
  early[0].catch(() => undefined);
  pending.set(key, early);
  setTimeout(() => pending.get(key) === early && pending.delete(key), EARLY_REQUEST_TTL_MS);
}

/** The early request for exactly this one, taken (a second caller gets none), or undefined. */
export function claimEarly(url: string, init: RequestInit): EarlyRequest | undefined {
  const key = keyOf(url, init);
  const early = pending.get(key);
  pending.delete(key);
  return early;
}
