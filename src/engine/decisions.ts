import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { OWNER, sameSecret } from './access.ts';
import { projectOf, type EngineContext } from './context.ts';
import { runAction } from './machine.ts';
import type { BookingRecord } from './records.ts';
import { eventOf, iso, possibleActions } from './views.ts';

/**
 * The owner's one-click decisions from a confirm_decline email. A link names a signed token:
 * booking, action and expiry, HMAC-SHA256 with the project's own secret. The engine runs in
 * Node and in the browser and is synchronous, so the HMAC is @noble/hashes (WebCrypto's is
 * async only). A token is single-use because its action leaves the state it needs: once the
 * request is decided, both links answer "already decided" and change nothing.
 */

export const DECISION_ACTIONS = ['confirm', 'decline'] as const;
export type DecisionAction = (typeof DECISION_ACTIONS)[number];

/** How long a decision link works. */
export const DECISION_LINK_LIFETIME_MS = 7 * 24 * 3_600_000;

/** Where the links point; `npm run api` and tests set the server's own address. */
export const DEFAULT_DECISION_PAGE = 'http://localhost:8787/v2/decisions';

interface TokenClaims {
  booking: string;
  action: DecisionAction;
  expires: number;
}

export type DecisionCheck =
  | { ok: true; booking: BookingRecord; action: DecisionAction; expires: number }
  | { ok: false; reason: 'invalid' | 'expired' | 'decided'; booking?: BookingRecord };

export function decisionLinks(
  context: EngineContext,
  booking: BookingRecord,
): Record<DecisionAction, string> {
  const expires = context.now() + DECISION_LINK_LIFETIME_MS;
  const link = (action: DecisionAction) =>
    `${context.pages.decisions}/${signToken(context, booking, { booking: booking.id, action, expires })}`;
  return { confirm: link('confirm'), decline: link('decline') };
}

/** Checks a token without changing anything: what the GET page shows. */
export function checkDecision(context: EngineContext, token: string): DecisionCheck {
  const [payload, signature] = token.split('.');
  const claims = payload && signature ? readClaims(payload) : undefined;
  const booking = claims ? context.store.bookings.get(claims.booking) : undefined;
  if (!claims || !booking) return { ok: false, reason: 'invalid' };
  if (!sameSecret(signature!, sign(secretOf(context, booking), payload!)))
    return { ok: false, reason: 'invalid' };
  if (context.now() > claims.expires) return { ok: false, reason: 'expired', booking };
  const graph = context.graphs.get(booking.graph);
  if (!possibleActions(graph, booking.state).includes(claims.action))
    return { ok: false, reason: 'decided', booking };
  return { ok: true, booking, action: claims.action, expires: claims.expires };
}

/** Applies a valid token's decision as the owner; a refused one changes nothing. */
export function applyDecision(context: EngineContext, token: string): DecisionCheck {
  const check = checkDecision(context, token);
  if (!check.ok) return check;
  const booking = context.store.editBooking(check.booking.id);
  runAction(context, booking, check.action, { actor: OWNER, body: {}, pending: {} });
  return { ...check, booking };
}

/** What the decision page may show: enough to decide, nothing a forwarded link should leak. */
export interface DecisionView {
  outcome: 'ready' | 'applied' | DecisionRefusal;
  action?: DecisionAction;
  booking?: {
    id: string;
    state: string;
    what: string;
    start?: string;
    end?: string;
    customer?: string;
  };
  /** Until when the link works (ready only). */
  expires_at?: string;
}
type DecisionRefusal = Extract<DecisionCheck, { ok: false }>['reason'];

export function decisionView(
  context: EngineContext,
  check: DecisionCheck,
  applied = false,
): DecisionView {
  const booking = check.booking;
  const event = booking ? eventOf(booking, context.views) : undefined;
  const summary = booking && {
    id: booking.id,
    state: booking.state,
    what: event?.what ?? 'booking',
    ...(event ? { start: iso(event.start), end: iso(event.end) } : {}),
    ...(booking.customers[0] ? { customer: booking.customers[0].name } : {}),
  };
  if (!check.ok) return { outcome: check.reason, ...(summary ? { booking: summary } : {}) };
  return {
    outcome: applied ? 'applied' : 'ready',
    action: check.action,
    ...(summary ? { booking: summary } : {}),
    ...(applied ? {} : { expires_at: iso(check.expires) }),
  };
}

function signToken(context: EngineContext, booking: BookingRecord, claims: TokenClaims): string {
  const payload = base64Url(JSON.stringify(claims));
  return `${payload}.${sign(secretOf(context, booking), payload)}`;
}

function sign(secret: string, payload: string): string {
  return bytesToHex(hmac(sha256, utf8ToBytes(secret), utf8ToBytes(payload)));
}

/** The project's signing secret, made on first use (older snapshots have none). */
function secretOf(context: EngineContext, booking: BookingRecord): string {
  const project = projectOf(context, booking);
  // Bookings outside a project (the owner's own) sign with the engine's fallback secret.
  const holder = project ?? context.pages;
  holder.decision_secret ??= randomSecret();
  return holder.decision_secret;
}

export function randomSecret(): string {
  const bytes = new Uint8Array(32);
  crypto.getRandomValues(bytes);
  return bytesToHex(bytes);
}

function readClaims(payload: string): TokenClaims | undefined {
  try {
    const claims = JSON.parse(fromBase64Url(payload)) as Partial<TokenClaims>;
    if (
      typeof claims.booking === 'string' &&
      typeof claims.expires === 'number' &&
      (DECISION_ACTIONS as readonly string[]).includes(claims.action ?? '')
    )
      return claims as TokenClaims;
  } catch {
    // Not base64 or not JSON: an invalid link like any other.
  }
  return undefined;
}

function base64Url(text: string): string {
  const binary = Array.from(utf8ToBytes(text), (byte) => String.fromCharCode(byte)).join('');
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder().decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
}
