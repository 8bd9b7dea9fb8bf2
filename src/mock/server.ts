import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import { getResponse } from 'msw';
import { createMockApi, type MockApi, type MockApiOptions } from './api.ts';
import { DataFile } from './data-file.ts';
import { MAX_SNAPSHOT_BYTES } from './handlers/mock-control.ts';
import { createHandlers } from './routes.ts';
import { WebhookDeliverer, type DelivererOptions } from './webhook-delivery.ts';

export interface HttpServerOptions extends MockApiOptions {
  port?: number;
  /** Loopback only: this is a mock with published keys. */
  host?: string;
  /** Keep the data in this file across restarts (loaded at start, written after each change). */
  dataFile?: string;
  /** How registered webhooks are sent (timeout, polling); tests pass `pollMs: 0` and call flush(). */
  webhookDelivery?: DelivererOptions;
}

export interface RunningServer {
  api: MockApi;
  url: string;
  /** Sends the engine's due webhook deliveries; a real server really delivers them. */
  deliverer: WebhookDeliverer;
  close(): Promise<void>;
}

/** How often the data file catches deadlines that passed while nobody asked. */
const IDLE_SAVE_MS = 5000;

const isWrite = (method: string) => !['GET', 'HEAD', 'OPTIONS'].includes(method);

function jsonError(
  outgoing: ServerResponse,
  status: number,
  code: string,
  message: string,
  details?: Array<{ path: string; message: string }>,
) {
  outgoing.writeHead(status, { 'Content-Type': 'application/json' });
  outgoing.end(
    JSON.stringify({ error: { status, code, message, ...(details ? { details } : {}) } }),
  );
}

/**
 * The most any endpoint reads (a snapshot). The handlers refuse less per endpoint, but only once
 * the server has the whole body, and a page of any origin may POST text/plain here without a
 * preflight: past this the server stops keeping what arrives, so one fetch cannot fill its memory.
 */
const MAX_REQUEST_BYTES = MAX_SNAPSHOT_BYTES;

/** The whole body, or undefined (the rest drained unread) once it is declared or grows over the cap. */
function readCapped(
  incoming: IncomingMessage,
): Promise<ReturnType<typeof Buffer.concat> | undefined> {
  return new Promise((resolve, reject) => {
    const over = () => {
      incoming.off('data', keep);
      incoming.resume();
      resolve(undefined);
    };
    const chunks: Buffer[] = [];
    let size = 0;
    const keep = (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > MAX_REQUEST_BYTES) over();
      else chunks.push(chunk);
    };
    if (Number(incoming.headers['content-length']) > MAX_REQUEST_BYTES) return over();
    incoming.on('data', keep);
    incoming.on('end', () => resolve(Buffer.concat(chunks)));
    incoming.on('error', reject);
  });
}

function bodyTooLarge(outgoing: ServerResponse) {
  const mb = MAX_REQUEST_BYTES / (1024 * 1024);
  jsonError(outgoing, 422, 'validation_failed', `The request body is over ${mb} MB.`, [
    { path: '(body)', message: `must be at most ${mb} MB (${MAX_REQUEST_BYTES} bytes)` },
  ]);
}

/**
 * The Host values this server answers to. Anything else is refused, so a page whose own name
 * was re-pointed at 127.0.0.1 (DNS rebinding) cannot reach the API as a same-origin caller.
 * On port 80 a browser sends the name alone. Exported for its test: port 80 is not for a test
 * to bind.
 */
export function ownHosts(host: string, port: number): Set<string> {
  const name = host.includes(':') ? `[${host}]` : host;
  const hosts = [`${name}:${port}`, `localhost:${port}`];
  if (port === 80) hosts.push(name, 'localhost');
  return new Set(hosts);
}

/**
 * Node's request headers as fetch's. Node hands a repeated header as one joined string, except
 * `set-cookie` (an array), which is joined the way fetch joins a repeated header. Exported for
 * its test: no endpoint reads a header Node leaves as an array.
 */
export function fetchHeaders(incoming: IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

/** The same handlers as a real HTTP server, so curl, Postman or a widget on another origin can use the engine. */
export async function startHttpServer(options: HttpServerOptions = {}): Promise<RunningServer> {
  const api = createMockApi(options);
  const handlers = createHandlers(api);
  const host = options.host ?? '127.0.0.1';
  const data = options.dataFile ? new DataFile(options.dataFile, api) : undefined;
  data?.load();
  let hosts = new Set<string>();

  const server = createServer((incoming, outgoing) => {
    handle(incoming, outgoing).catch((error: unknown) => {
      console.error('[slotkit api]', error);
      // The status and a Content-Length may be out already: ending here would leave the client
      // waiting for the rest of a body that will not come. Cut, the client knows it failed.
      if (outgoing.headersSent) outgoing.destroy();
      else jsonError(outgoing, 500, 'internal_error', 'The mock server failed.');
    });
  });

  async function handle(incoming: IncomingMessage, outgoing: ServerResponse) {
    const hostHeader = (incoming.headers.host ?? '').toLowerCase();
    if (!hosts.has(hostHeader)) {
      incoming.resume();
      jsonError(
        outgoing,
        421,
        'misdirected_request',
        `This server answers only as ${[...hosts].join(' or ')}, not "${hostHeader}".`,
      );
      return;
    }
    const body = await readCapped(incoming);
    if (body === undefined) {
      bodyTooLarge(outgoing);
      return;
    }
    const headers = fetchHeaders(incoming.headers);
    // A server's request always has both (only a client's response lacks them).
    const method = incoming.method!;
    const request = new Request(new URL(incoming.url!, `http://${hostHeader}`), {
      method,
      headers,
      ...(method === 'GET' || method === 'HEAD' ? {} : { body }),
    });
    api.clients.set(request, incoming.socket.remoteAddress ?? 'unknown');
    const response =
      (await getResponse(handlers, request)) ??
      Response.json(
        {
          error: {
            status: 404,
            code: 'not_found',
            message: `No endpoint ${method} ${new URL(request.url).pathname}`,
          },
        },
        { status: 404 },
      );
    // Saved before the answer goes out: what a client was told happened is on disk.
    data?.saveIfChanged(isWrite(method) && response.ok);
    outgoing.writeHead(response.status, Object.fromEntries(response.headers));
    outgoing.end(Buffer.from(await response.arrayBuffer()));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8787, host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port!;
  hosts = ownHosts(host, port);
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}/v2`;
  // Emails' decision links point at this server, whatever port it got.
  api.engine.setDecisionPage(`${url}/decisions`);
  const idleSave = data && setInterval(() => saveQuietly(data), IDLE_SAVE_MS).unref();
  const deliverer = new WebhookDeliverer(api.engine, options.webhookDelivery);
  deliverer.start();
  return {
    api,
    deliverer,
    url,
    close: () =>
      new Promise<void>((resolve, reject) => {
        clearInterval(idleSave);
        deliverer.stop();
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function saveQuietly(data: DataFile): void {
  try {
    data.saveIfChanged();
  } catch (error) {
    console.error(`[slotkit api] could not save ${data.path}:`, error);
  }
}
