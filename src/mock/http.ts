import { HttpResponse, type HttpResponseResolver } from 'msw';
import type { z } from 'zod';
import { EngineError, type Actor } from '../engine/index.ts';
import { parse } from '../engine/input.ts';
import type { MockApi, StoredOutcome } from './api.ts';
import { FORMAT_PARAM, formatTimestamps, requestedFormat } from './timestamp-format.ts';

/**
 * The higher-order resolver every endpoint goes through: rate limit, auth, JSON body,
 * idempotency, error mapping and the headers every response carries. Handlers only say which
 * access they need and what to do with the engine.
 */

export type Access = 'none' | 'public' | 'owner';

export interface Call<Body = unknown> {
  request: Request;
  url: URL;
  params: Record<string, string>;
  actor: Actor;
  body: Body;
}

type Work<Body = unknown> = (call: Call<Body>) => Reply | Promise<Reply>;

export interface EndpointOptions {
  /** Bodies above this many bytes are refused before parsing (default 64 KB). */
  maxBodyBytes?: number;
}

export interface Reply {
  status?: number;
  data: unknown;
  meta?: Record<string, unknown>;
  /** A body that is not JSON (a graph's SVG picture), sent as it is instead of `{ data }`. */
  raw?: { body: string; contentType: string };
}

/** Bodies above this are refused before parsing: nothing a booking needs comes close. */
export const MAX_BODY_BYTES = 64 * 1024;
const EXPOSED_HEADERS = 'Date, Timekit-TestMode, Retry-After, Idempotent-Replayed';

export function corsHeaders(request: Request): Record<string, string> {
  return {
    'Access-Control-Allow-Origin': request.headers.get('Origin') ?? '*',
    'Access-Control-Expose-Headers': EXPOSED_HEADERS,
    Vary: 'Origin',
  };
}

/** `application/json`, with or without parameters such as `; charset=utf-8`. */
function isJson(request: Request): boolean {
  const type = request.headers.get('Content-Type') ?? '';
  return type.split(';')[0]!.trim().toLowerCase() === 'application/json';
}

/** The API's own origin, or one the developer named (`--mock-origin`, `SLOTKIT_MOCK_ORIGINS`). */
function mayControl(api: MockApi, request: Request): boolean {
  const origin = request.headers.get('Origin');
  if (origin === null) return true;
  return origin === new URL(request.url).origin || api.mockOrigins.has(origin);
}

function refusal(status: number, code: string, message: string) {
  // No CORS headers: a page of another origin cannot even read why.
  return HttpResponse.json({ error: { status, code, message } }, { status });
}

/**
 * In front of `/_mock/*`: those endpoints read every customer, reset and move time, and need no
 * key, so any page the developer visits could call them. Only requests without an Origin (curl,
 * tests) or from an allowed origin pass, and writes must say `application/json`, which a page
 * of another origin cannot send without a preflight. Returning nothing lets the request on.
 */
export function mockGuard(api: MockApi): HttpResponseResolver {
  return ({ request }) => {
    if (!mayControl(api, request)) {
      return refusal(
        403,
        'forbidden',
        `The origin ${request.headers.get('Origin')} may not use /_mock; allow it with --mock-origin or SLOTKIT_MOCK_ORIGINS.`,
      );
    }
    if (request.method === 'OPTIONS') {
      return new HttpResponse(null, {
        status: 204,
        headers: {
          ...corsHeaders(request),
          'Access-Control-Allow-Methods': 'GET, POST, PUT, OPTIONS',
          'Access-Control-Allow-Headers': 'Content-Type',
          'Access-Control-Max-Age': '600',
        },
      });
    }
    if ((request.method === 'POST' || request.method === 'PUT') && !isJson(request)) {
      return refusal(
        415,
        'unsupported_media_type',
        'Send the body as JSON with Content-Type: application/json.',
      );
    }
    return undefined;
  };
}

function baseHeaders(api: MockApi, request: Request): Record<string, string> {
  return {
    ...corsHeaders(request),
    // The engine's clock, not the host's: clients correct their countdowns with it, and in the
    // sandbox the engine's time may have been moved.
    Date: new Date(api.clock.now()).toUTCString(),
    'Timekit-TestMode': 'true',
    'Cache-Control': 'no-store',
  };
}

export function errorBody(error: EngineError) {
  return { error: error.toJSON() };
}

function failure(
  api: MockApi,
  request: Request,
  error: EngineError,
  extra: Record<string, string> = {},
) {
  return HttpResponse.json(errorBody(error), {
    status: error.status,
    headers: { ...baseHeaders(api, request), ...extra },
  });
}

/**
 * The key from `Authorization: Basic base64(user:key)` (Timekit clients put the key after the
 * colon), or from Appointedd's `X-API-KEY` header. Two headers naming different keys are refused:
 * which one a proxy or a client meant cannot be guessed.
 */
function keyFrom(request: Request): string | undefined {
  const basic = basicKey(request.headers.get('Authorization'));
  const plain = request.headers.get('X-API-KEY')?.trim();
  if (basic !== undefined && plain !== undefined && basic !== plain) {
    throw new EngineError(
      'unauthorized',
      'Authorization and X-API-KEY name different keys; send one of them.',
    );
  }
  return basic ?? plain;
}

function basicKey(header: string | null): string | undefined {
  if (!header) return undefined;
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (!match) return '';
  let decoded: string;
  try {
    decoded = atob(match[1]!);
  } catch {
    return '';
  }
  const colon = decoded.indexOf(':');
  return colon === -1 ? decoded : decoded.slice(colon + 1);
}

function authenticate(api: MockApi, request: Request, url: URL, access: Access): Actor {
  if (access === 'none') return { role: 'owner' };
  const key = keyFrom(request);
  if (key === undefined) {
    throw new EngineError(
      'unauthorized',
      'Authorization is required: Basic base64(":" + key), or the key in X-API-KEY.',
    );
  }
  const actor = api.actorFor(key);
  if (!actor) throw new EngineError('unauthorized', 'The key is not valid for this API.');
  if (access === 'owner' && actor.role !== 'owner') {
    throw new EngineError(
      'forbidden',
      'This endpoint needs the owner key; a widget key may not use it.',
    );
  }
  const token = request.headers.get('X-Customer-Token') ?? url.searchParams.get('customer_token');
  return actor.role === 'public' && token ? { ...actor, customerToken: token } : actor;
}

function sizeLabel(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MB` : `${bytes / 1024} KB`;
}

function tooLarge(maxBytes: number): EngineError {
  const message = `must be at most ${sizeLabel(maxBytes)} (${maxBytes} bytes)`;
  return new EngineError('validation_failed', `The request body is over ${sizeLabel(maxBytes)}.`, [
    { path: '(body)', message },
  ]);
}

/**
 * The raw text (for idempotency) and parsed JSON of a body; an empty body reads as `{}`, so a
 * bodyless PUT works, while a literal `null` stays null for the endpoint's schema to refuse.
 */
async function readBody(
  request: Request,
  maxBytes: number,
): Promise<{ text: string; json: unknown }> {
  if (request.method === 'GET' || request.method === 'DELETE' || request.method === 'HEAD') {
    return { text: '', json: undefined };
  }
  // A declared length over the cap is refused without reading a byte.
  if (Number(request.headers.get('Content-Length')) > maxBytes) throw tooLarge(maxBytes);
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (bytes.byteLength > maxBytes) throw tooLarge(maxBytes);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new EngineError('validation_failed', 'The request body is not valid UTF-8.', [
      { path: '(body)', message: 'must be UTF-8 encoded JSON' },
    ]);
  }
  if (text.trim() === '') return { text, json: {} };
  try {
    return { text, json: JSON.parse(text) };
  } catch {
    throw new EngineError('validation_failed', 'The request body is not valid JSON.', [
      { path: '(body)', message: 'must be valid JSON' },
    ]);
  }
}

/**
 * Checks the body against the endpoint's schema before the work runs, so a malformed request is
 * refused whole (422 with a detail per field) and changes nothing. The work gets the body as
 * sent: the engine reads its own fields (and converts instants) from it.
 */
export function withBody<S extends z.ZodType>(schema: S, work: Work<z.input<S>>): Work {
  return (call) => {
    parse(schema, call.body);
    return work(call as Call<z.input<S>>);
  };
}

/**
 * Refuses query parameters the endpoint does not read (a typo would otherwise be ignored
 * silently), naming them and the ones it reads. `customer_token` is read by authentication,
 * `OutputTimestampFormat` by the response's formatting (timestamp-format.ts).
 */
export function withQuery(names: readonly string[], work: Work): Work {
  const allowed = new Set([
    ...names,
    ...names.map((name) => `${name}[]`),
    'customer_token',
    FORMAT_PARAM,
  ]);
  return (call) => {
    const unknown = [...new Set(call.url.searchParams.keys())].filter((name) => !allowed.has(name));
    if (unknown.length) {
      const reads = `this endpoint reads ${names.join(', ') || 'no query parameters'}`;
      throw new EngineError(
        'validation_failed',
        `Unknown query parameter(s): ${unknown.join(', ')}; ${reads}.`,
        unknown.map((name) => ({ path: `query.${name}`, message: `is not known; ${reads}` })),
      );
    }
    return work(call);
  };
}

export function endpoint(
  api: MockApi,
  access: Access,
  work: Work,
  options: EndpointOptions = {},
): HttpResponseResolver {
  return async ({ request, params }) => {
    const url = new URL(request.url);
    try {
      const sentKey = keyFrom(request);
      const key = sentKey ?? 'anonymous';
      const wait = api.limiter.take(api.keyClass(sentKey), api.clientOf(request), Date.now());
      if (wait > 0) {
        return failure(
          api,
          request,
          new EngineError('rate_limited', `Too many requests; retry in ${wait} s.`),
          {
            'Retry-After': String(wait),
          },
        );
      }
      const actor = authenticate(api, request, url, access);
      // Checked before the work, so a format the mock cannot write changes nothing.
      const output = requestedFormat(request, url);
      const written = (json: unknown) => (output ? formatTimestamps(json, output) : json);
      const { text, json } = await readBody(request, options.maxBodyBytes ?? MAX_BODY_BYTES);
      const idempotencyKey =
        request.method === 'POST' ? request.headers.get('Idempotency-Key') : null;
      const cacheKey = idempotencyKey ? `${key}|${url.pathname}|${idempotencyKey}` : undefined;
      if (cacheKey) {
        if (idempotencyKey!.length > 200) {
          throw new EngineError('validation_failed', 'Idempotency-Key is over 200 characters.');
        }
        const stored = api.recall(cacheKey);
        if (stored && stored.body !== text) {
          throw new EngineError(
            'conflict',
            'This Idempotency-Key was used with a different body; use a new key.',
          );
        }
        // Parallel retries with one key wait for the first request's answer instead of booking twice.
        const first = stored && (await stored.result);
        if (first) {
          return HttpResponse.json(written(first.json) as never, {
            status: first.status,
            headers: { ...baseHeaders(api, request), 'Idempotent-Replayed': 'true' },
          });
        }
      }
      const settle = cacheKey ? api.reserve(cacheKey, text) : undefined;
      let outcome: StoredOutcome;
      try {
        const reply = await work({
          request,
          url,
          params: params as Record<string, string>,
          actor,
          body: json,
        });
        if (reply.raw) {
          settle?.(undefined);
          return new HttpResponse(reply.raw.body, {
            status: reply.status ?? 200,
            headers: { ...baseHeaders(api, request), 'Content-Type': reply.raw.contentType },
          });
        }
        outcome = {
          status: reply.status ?? 200,
          json: { data: reply.data, ...(reply.meta ? { meta: reply.meta } : {}) },
        };
      } catch (error) {
        // A refusal is the answer to this request: a retry with the same key gets it again.
        // Anything unexpected is not remembered, so a retry runs afresh.
        settle?.(
          error instanceof EngineError
            ? { status: error.status, json: errorBody(error) }
            : undefined,
        );
        throw error;
      }
      settle?.(outcome);
      return HttpResponse.json(written(outcome.json) as never, {
        status: outcome.status,
        headers: baseHeaders(api, request),
      });
    } catch (error) {
      if (error instanceof EngineError) return failure(api, request, error);
      console.error('[slotkit mock] unexpected error', error);
      return HttpResponse.json(
        {
          error: {
            status: 500,
            code: 'internal_error',
            message: 'The mock API failed unexpectedly; see the console.',
          },
        },
        { status: 500, headers: baseHeaders(api, request) },
      );
    }
  };
}

/** `a,b` or repeated `a&a` query values as one list. */
export function listParam(url: URL, name: string): string[] | undefined {
  const values = [
    ...url.searchParams.getAll(name),
    ...url.searchParams.getAll(`${name}[]`),
  ].flatMap((value) => value.split(','));
  const cleaned = values.map((value) => value.trim()).filter(Boolean);
  return cleaned.length ? cleaned : undefined;
}

export function param(url: URL, name: string): string | undefined {
  return url.searchParams.get(name) ?? undefined;
}

/** Only the query parameters that are set, so the engine's schema sees undefined, not null. */
export function defined<T extends Record<string, unknown>>(fields: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(fields).filter(([, value]) => value !== undefined),
  ) as Partial<T>;
}

const SEARCH_FIELDS: Record<string, string> = {
  'project.id': 'project_id',
  project_id: 'project_id',
  'resource.id': 'resource_id',
  resource_id: 'resource_id',
  graph: 'graph',
  state: 'state',
};

/**
 * Timekit's `search=field:value` (several joined with `;`), as timekit-sdk and booking.js send it;
 * anything else is free text.
 */
export function searchFilters(search: string | undefined): Record<string, string | undefined> {
  if (!search) return {};
  const filters: Record<string, string | undefined> = {};
  const text: string[] = [];
  for (const part of search.split(';')) {
    const match = /^\s*([\w.]+):(.+)$/.exec(part);
    // Own keys only: `search=constructor:x` is free text, not a filter named after a prototype.
    const field =
      match && Object.hasOwn(SEARCH_FIELDS, match[1]!) ? SEARCH_FIELDS[match[1]!] : undefined;
    if (field) filters[field] = match![2]!.trim();
    else if (part.trim()) text.push(part.trim());
  }
  if (text.length) filters.text = text.join(' ');
  return filters;
}
