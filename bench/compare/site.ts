/**
 * The web site both widgets are embedded in, for `npm run bench:compare`: one static server on
 * 127.0.0.1 with two pages, `/slotkit.html` (slotkit's script tag and `SlotkitBooking.init`) and
 * `/booking-js.html` (Timekit's booking.js v3, unmodified). Scripts, styles and SVGs are
 * gzipped once at start-up (level 9, as a CDN precompresses) and sent with
 * `Content-Encoding: gzip`; fonts and images as they are. Nothing is cached.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join } from 'node:path';
import { constants, gzipSync } from 'node:zlib';

const require = createRequire(import.meta.url);
/** booking.js v3's prebuilt files: booking.min.js, booking.min.css, fonts, images. */
export const BOOKING_JS_BUILD = join(
  dirname(require.resolve('timekit-booking/package.json')),
  'public/build',
);

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};
/** What a CDN compresses; woff/woff2/png are compressed formats already. */
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.map', '.svg']);

interface Asset {
  body: Buffer;
  type: string;
  gzip: boolean;
}

export interface Site {
  origin: string;
  /** Raw and gzipped bytes of a served file, for the report. */
  sizes(name: string): { raw: number; gzip: number } | undefined;
  close(): Promise<void>;
}

/** The same booking.js-style config object, given to both widgets. */
export type InitConfig = Record<string, unknown>;

const json = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

function slotkitPage(config: InitConfig): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Hill Valley Barbers: slotkit</title>
    <link rel="icon" href="data:," />
  </head>
  <body>
    <div id="bookingjs"></div>
    <script src="/slotkit.iife.js"></script>
    <script>SlotkitBooking.init(${json(config)});</script>
  </body>
</html>`;
}

function bookingJsPage(config: InitConfig): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Hill Valley Barbers: booking.js v3</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="/booking.min.css" />
  </head>
  <body>
    <div id="bookingjs"></div>
    <script src="/booking.min.js"></script>
    <script>new TimekitBooking().init(${json(config)});</script>
  </body>
</html>`;
}

export async function startSite(options: {
  /** The in-memory embed build: `slotkit.iife.js`, `embed/*.js` (and their maps). */
  slotkit: Map<string, string | Uint8Array>;
  slotkitConfig: InitConfig;
  bookingJsConfig: InitConfig;
}): Promise<Site> {
  const assets = new Map<string, Asset>();
  const add = (name: string, content: string | Uint8Array) => {
    const ext = extname(name);
    const raw = Buffer.from(content);
    const gzip = COMPRESSIBLE.has(ext);
    assets.set(name, {
      body: gzip ? gzipSync(raw, { level: constants.Z_BEST_COMPRESSION }) : raw,
      type: TYPES[ext] ?? 'application/octet-stream',
      gzip,
    });
  };
  const rawSizes = new Map<string, number>();
  const addCounted = (name: string, content: string | Uint8Array) => {
    rawSizes.set(name, Buffer.byteLength(content));
    add(name, content);
  };
  for (const [name, content] of options.slotkit) addCounted(name, content);
  for (const name of readdirSync(BOOKING_JS_BUILD)) {
    if (TYPES[extname(name)]) addCounted(name, readFileSync(join(BOOKING_JS_BUILD, name)));
  }
  add('slotkit.html', slotkitPage(options.slotkitConfig));
  add('booking-js.html', bookingJsPage(options.bookingJsConfig));
  add('blank.html', '<!doctype html><html lang="en"><title>blank</title><body></body></html>');

  const server = createServer((request, response) => {
    const name = new URL(request.url ?? '/', 'http://site.test').pathname.slice(1);
    const asset = assets.get(name);
    if (!asset) {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end(`no ${name}`);
      return;
    }
    response.writeHead(200, {
      'Content-Type': asset.type,
      'Content-Length': asset.body.length,
      'Cache-Control': 'no-store',
      ...(asset.gzip ? { 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' } : {}),
    });
    response.end(asset.body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    sizes: (name) => {
      const raw = rawSizes.get(name);
      const asset = assets.get(name);
      return raw === undefined || !asset ? undefined : { raw, gzip: asset.body.length };
    },
    close: () =>
      new Promise<void>((done, fail) => {
        server.closeAllConnections();
        server.close((error) => (error ? fail(error) : done()));
      }),
  };
}
