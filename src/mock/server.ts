import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { getResponse } from 'msw';
import { createMockApi, type MockApi, type MockApiOptions } from './api.ts';
import { createHandlers } from './handlers.ts';

export interface HttpServerOptions extends MockApiOptions {
  port?: number;
  /** Loopback only: this is a mock with published keys. */
  host?: string;
}

export interface RunningServer {
  api: MockApi;
  url: string;
  close(): Promise<void>;
}

/** The same handlers as a real HTTP server, so curl, Postman or a widget on another origin can use the engine. */
export async function startHttpServer(options: HttpServerOptions = {}): Promise<RunningServer> {
  const api = createMockApi(options);
  const handlers = createHandlers(api);
  const host = options.host ?? '127.0.0.1';

  const server = createServer((incoming, outgoing) => {
    handle(incoming, outgoing).catch((error: unknown) => {
      console.error('[slotkit api]', error);
      if (!outgoing.headersSent) outgoing.writeHead(500, { 'Content-Type': 'application/json' });
      outgoing.end(
        JSON.stringify({
          error: { status: 500, code: 'internal_error', message: 'The mock server failed.' },
        }),
      );
    });
  });

  async function handle(incoming: IncomingMessage, outgoing: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const [name, value] of Object.entries(incoming.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    const method = incoming.method ?? 'GET';
    const request = new Request(
      new URL(incoming.url ?? '/', `http://${incoming.headers.host ?? host}`),
      {
        method,
        headers,
        ...(method === 'GET' || method === 'HEAD' ? {} : { body: Buffer.concat(chunks) }),
      },
    );
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
    outgoing.writeHead(response.status, Object.fromEntries(response.headers));
    outgoing.end(Buffer.from(await response.arrayBuffer()));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8787, host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    api,
    url: `http://${host}:${port}/v2`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
