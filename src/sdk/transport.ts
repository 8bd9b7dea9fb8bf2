import * as z from 'zod/mini';
import { errorBody } from '../schemas/error.ts';
import type { ServerClock } from './clock.ts';
import type { EarlyRequest } from './early.ts';
import {
  SlotkitAbortError,
  SlotkitApiError,
  SlotkitError,
  SlotkitNetworkError,
  SlotkitSchemaError,
  SlotkitTimeoutError,
} from './errors.ts';

export interface TransportConfig {
  baseUrl: string;
  appKey: string;
  customerToken: string | undefined;
  fetch: typeof fetch;
  timeoutMs: number;
  headers: HeadersInit | undefined;
  retries: number;
  retryDelay: (attempt: number) => number;
  clock: ServerClock;
  /** Takes the script tag's early request for the same call (early.ts); the default fetch only. */
  claimEarly?: ((url: string, init: RequestInit) => EarlyRequest | undefined) | undefined;
}

export interface RequestSpec<T> {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** The route template, e.g. `GET /bookings/:id`: what errors report. */
  endpoint: string;
  path: string;
  query?: Record<string, string | undefined>;
  body?: unknown;
  /** The `{ data }` envelope's schema. */
  schema: z.ZodMiniType<{ data: T }>;
  /**
   * Safe to send again: a read (GET, or availability's POST query), an idempotent DELETE, or a
   * POST carrying an Idempotency-Key. Only these are retried, after a 5xx, a network error, or
   * a 429's Retry-After; any other write is sent once.
   */
  retry?: boolean;
  idempotencyKey?: string | undefined;
  customerToken?: string | undefined;
  signal?: AbortSignal | undefined;
}

/** 200 ms, 400 ms, 800 ms... capped at 2 s, each ±25 % so clients that failed together spread out. */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(200 * 2 ** (attempt - 1), 2000);
  return Math.round(base * (0.75 + random() * 0.5));
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const stop = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', stop);
      resolve();
    }, ms);
    signal.addEventListener('abort', stop);
  });
}

/** Delta-seconds or an HTTP date (read against the server's clock). */
function retryAfterSeconds(header: string | null, serverNow: number): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (header.trim() !== '' && Number.isFinite(seconds)) return Math.max(0, seconds);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - serverNow) / 1000));
}

/**
 * The longest `Retry-After` a call waits out by itself. Longer, and the caller gets the 429 at
 * once (with `retryAfter`) to tell the visitor, rather than a spinner that seems stuck.
 */
export const MAX_RETRY_AFTER_MS = 5000;

const isRateLimited = (error: SlotkitError): error is SlotkitApiError =>
  error instanceof SlotkitApiError && error.status === 429;

const isRetryable = (error: SlotkitError) =>
  error instanceof SlotkitNetworkError || (error instanceof SlotkitApiError && error.status >= 500);

export function buildUrl(baseUrl: string, path: string, query: RequestSpec<unknown>['query']) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value !== undefined) search.set(name, value);
  }
  const qs = search.toString();
  return `${baseUrl.replace(/\/+$/, '')}${path}${qs ? `?${qs}` : ''}`;
}

/**
 * One call: timeout over all attempts, the caller's signal, retries with backoff for what is safe
 * to repeat, and the response checked against its schema.
 */
export async function send<T>(config: TransportConfig, spec: RequestSpec<T>): Promise<T> {
  const { endpoint, signal: caller } = spec;
  if (caller?.aborted) throw new SlotkitAbortError(endpoint, caller.reason);

  // One controller for timeout and caller alike: the reason tells them apart afterwards.
  const controller = new AbortController();
  const forward = () => controller.abort(caller?.reason);
  caller?.addEventListener('abort', forward);
  const timer = setTimeout(() => controller.abort(), config.timeoutMs);
  const stopped = () =>
    caller?.aborted
      ? new SlotkitAbortError(endpoint, caller.reason)
      : new SlotkitTimeoutError(endpoint, config.timeoutMs);

  const headers = new Headers(config.headers);
  headers.set('Accept', 'application/json');
  headers.set('Authorization', `Basic ${btoa(`:${config.appKey}`)}`);
  const token = spec.customerToken ?? config.customerToken;
  if (token) headers.set('X-Customer-Token', token);
  if (spec.idempotencyKey) headers.set('Idempotency-Key', spec.idempotencyKey);
  if (spec.body !== undefined) headers.set('Content-Type', 'application/json');
  // Serialised once: a retry must send the very same bytes for its Idempotency-Key to match.
  const init = {
    method: spec.method,
    headers,
    signal: controller.signal,
    body: JSON.stringify(spec.body), // undefined, no body, for a request without one
  };
  const url = buildUrl(config.baseUrl, spec.path, spec.query);

  const startedAt = Date.now();
  // A 429 is waited out once: a second one means the server is still busy, so the caller decides.
  let waitedForRateLimit = false;
  try {
    for (let attempt = 0; ; attempt++) {
      let failure: SlotkitError;
      try {
        return await attemptOnce(config, spec, url, init);
      } catch (error) {
        if (controller.signal.aborted) throw stopped();
        if (!(error instanceof SlotkitError)) throw error;
        failure = error;
      }
      let delay: number;
      if (isRateLimited(failure)) {
        delay = (failure.retryAfter ?? 1) * 1000;
        const timeLeft = config.timeoutMs - (Date.now() - startedAt);
        if (!spec.retry || waitedForRateLimit || delay > Math.min(MAX_RETRY_AFTER_MS, timeLeft))
          throw failure;
        waitedForRateLimit = true;
      } else {
        if (!spec.retry || attempt >= config.retries || !isRetryable(failure)) throw failure;
        delay = config.retryDelay(attempt + 1);
      }
      try {
        await sleep(delay, controller.signal);
      } catch {
        throw stopped();
      }
    }
  } finally {
    clearTimeout(timer);
    caller?.removeEventListener('abort', forward);
  }
}

async function attemptOnce<T>(
  config: TransportConfig,
  spec: RequestSpec<T>,
  url: string,
  init: RequestInit & { signal: AbortSignal },
): Promise<T> {
  const { endpoint } = spec;
  let text: string;
  let response: Response;
  try {
    let sentAt: number;
    [response, sentAt] = await fetchOrAdopt(config, url, init);
    config.clock.observe(response.headers.get('Date'), sentAt, Date.now());
    text = await response.text();
    // An adopted answer's body is not cut off by the signal, as fetch's own would be.
    if (init.signal.aborted) throw init.signal.reason;
  } catch (cause) {
    throw new SlotkitNetworkError(endpoint, cause);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // An empty or non-JSON body reads as none: the status alone speaks.
  }
  if (!response.ok) {
    const parsed = errorBody.safeParse(json);
    const error = parsed.success ? parsed.data.error : undefined;
    throw new SlotkitApiError(
      endpoint,
      response.status,
      error?.code ?? 'http_error',
      error?.message ?? `${endpoint}: HTTP ${response.status}`,
      error?.details,
      retryAfterSeconds(response.headers.get('Retry-After'), config.clock.now()),
    );
  }
  const parsed = spec.schema.safeParse(json);
  if (!parsed.success) throw new SlotkitSchemaError(endpoint, parsed.error.issues);
  return parsed.data.data;
}

/**
 * The script tag's early request for this very call when there is one, else a fetch. An early
 * request that failed is sent again as the client's own, so a failure surfaces exactly as the
 * client's own would (retries, errors); an aborted call stops waiting for it at once.
 */
async function fetchOrAdopt(
  config: TransportConfig,
  url: string,
  init: RequestInit & { signal: AbortSignal },
): Promise<[response: Response, sentAt: number]> {
  const early = config.claimEarly?.(url, init);
  const { signal } = init;
  if (early) {
    try {
      const response = await new Promise<Response>((resolve, reject) => {
        signal.addEventListener('abort', () => reject(signal.reason));
        early[0].then(resolve, reject);
      });
      return [response, early[1]];
    } catch (error) {
      if (signal.aborted) throw error;
    }
  }
  const sentAt = Date.now();
  return [await config.fetch(url, init), sentAt];
}
