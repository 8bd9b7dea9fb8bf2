import { createClient, type ClientOptions } from '../../../src/sdk/index.ts';

export const BASE_URL = 'https://api.slotkit.test/v2';
export const APP_KEY = 'widget_test_barber';

export interface Call {
  url: string;
  method: string;
  headers: Headers;
  body: string | undefined;
  signal: AbortSignal | undefined;
}

/** What the fake server does for one request: answer, fail like fetch does, or hang. */
export type Reply = Error | ((call: Call) => Response | Promise<Response>);

type Headers_ = Record<string, string> | (() => Record<string, string>);

/** A JSON response; a new one per request, since a body can be read only once. */
export function json(status: number, body: unknown, headers: Headers_ = {}): Reply {
  return () =>
    new Response(JSON.stringify(body), {
      status,
      headers: {
        'Content-Type': 'application/json',
        ...(typeof headers === 'function' ? headers() : headers),
      },
    });
}

export const ok = (data: unknown, headers?: Headers_) => json(200, { data }, headers);

/** Hangs until the request's signal aborts, then rejects with its reason, as fetch does. */
export const hang: Reply = ({ signal }) =>
  new Promise((_, reject) => {
    signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
  });

/** fetch rejects with a TypeError when the network fails. */
export const networkDown = () => new TypeError('fetch failed');

/** A fetch that plays the replies in order (the last one repeats) and records every request. */
export function fakeFetch(...replies: Reply[]) {
  const calls: Call[] = [];
  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const call: Call = {
      url: String(input),
      method: init.method ?? 'GET',
      headers: new Headers(init.headers),
      body: typeof init.body === 'string' ? init.body : undefined,
      signal: init.signal ?? undefined,
    };
    calls.push(call);
    const reply = replies[Math.min(calls.length - 1, replies.length - 1)];
    if (reply === undefined) throw new Error('fakeFetch: no reply scripted');
    if (reply instanceof Error) throw reply;
    return reply(call);
  };
  return { fetch: fetch as typeof globalThis.fetch, calls };
}

/** A client on the fake fetch; retries wait 0 ms unless a test says otherwise. */
export function clientWith(replies: Reply[], options: Partial<ClientOptions> = {}) {
  const fake = fakeFetch(...replies);
  const client = createClient({
    baseUrl: BASE_URL,
    appKey: APP_KEY,
    fetch: fake.fetch,
    retryDelay: () => 0,
    ...options,
  });
  return { client, calls: fake.calls };
}

/** Runs `promise` expecting a rejection and returns the error, for assertions on its fields. */
export async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail, and it succeeded');
}
