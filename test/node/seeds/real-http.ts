import { ManualClock } from '../../../src/engine/index.ts';
import { startHttpServer, type RunningServer } from '../../../src/mock/server.ts';
import { basic, KEYS, NOW } from '../mock/harness.ts';

export { KEYS, NOW };

export interface HttpCall {
  key?: string | null;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface HttpResult {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed JSON body, when it is JSON. */
  body: any;
}

/** `npm run api`'s server on a free loopback port, on the demo data and a manual clock. */
export async function startRealApi() {
  const clock = new ManualClock(NOW);
  const server: RunningServer = await startHttpServer({ port: 0, clock, seed: 'demo' });
  async function call(method: string, path: string, options: HttpCall = {}): Promise<HttpResult> {
    const key = options.key === undefined ? KEYS.owner : options.key;
    const headers: Record<string, string> = {
      ...(key === null ? {} : { Authorization: basic(key) }),
      ...(options.body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...options.headers,
    };
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers,
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    });
    const text = await response.text();
    const json = (response.headers.get('Content-Type') ?? '').includes('json');
    return {
      status: response.status,
      headers: response.headers,
      text,
      body: json && text ? JSON.parse(text) : undefined,
    };
  }
  return { api: server.api, clock, call, close: () => server.close() };
}

export type RealApi = Awaited<ReturnType<typeof startRealApi>>;
