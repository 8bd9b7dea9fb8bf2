/**
 * The built sandbox keeps its state across reloads at a realistic size (300 bookings with their
 * logs, far past the 64 KB that used to be lost), and a saved state that cannot be loaded is
 * kept and offered for download, never deleted. Run:
 * node --import tsx --test test/e2e/demo-persist.test.ts
 */
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { DEMO_KEYS } from '../../src/engine/index.ts';
import { buildDemoInto } from './demo-build.ts';
import { launchBrowser } from './embed-harness.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};
/** Where the sandbox's state lives: IndexedDB, database and store named by persist.ts. */
const DATABASE = 'slotkit-sandbox:/';

let outDir: string;
let server: Server;
let origin: string;
let browser: Browser;

before(async () => {
  outDir = await buildDemoInto('slotkit-demo-persist-');
  server = createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const file = normalize(join(outDir, path.endsWith('/') ? `${path}index.html` : path));
    try {
      if (!file.startsWith(outDir + sep)) throw new Error('outside');
      const body = await readFile(file);
      response.writeHead(200, {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Cache-Control': 'no-store',
      });
      response.end(body);
    } catch {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  server?.closeAllConnections();
  await new Promise((done) => server?.close(done));
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

async function openSandbox(init?: string) {
  const context = await browser.newContext({ locale: 'en-US', acceptDownloads: true });
  if (init) await context.addInitScript({ content: init });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning')
      problems.push(`console.${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  await page.goto(`${origin}/`);
  await page.locator('slotkit-widget').waitFor();
  return { page, problems, close: () => context.close() };
}

/** The saved snapshot's bookings and its size in JSON, read from IndexedDB as the page stored it. */
function savedState(page: Page): Promise<{ bookings: number; bytes: number } | null> {
  return page.evaluate(
    (name) =>
      new Promise((resolve) => {
        const open = indexedDB.open(name);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('state')) return resolve(null);
          const get = db.transaction('state').objectStore('state').get('snapshot');
          get.onsuccess = () => {
            const snapshot = get.result;
            db.close();
            resolve(
              snapshot
                ? {
                    bookings: snapshot.store.bookings.length,
                    bytes: JSON.stringify(snapshot).length,
                  }
                : null,
            );
          };
        };
      }),
    DATABASE,
  );
}

test('a sandbox with 300 new bookings survives a reload', async () => {
  const { page, problems, close } = await openSandbox();
  try {
    // 300 classes through the page's own API (the service worker), as the owner makes them.
    const made = await page.evaluate(async (ownerKey) => {
      const auth = `Basic ${btoa(`:${ownerKey}`)}`;
      const day = 86_400_000;
      const first = Math.ceil(Date.now() / day) * day + 2 * day;
      let created = 0;
      for (let index = 0; index < 300; index++) {
        const start = first + index * 3_600_000;
        const response = await fetch('v2/bookings', {
          method: 'POST',
          headers: { Authorization: auth, 'Content-Type': 'application/json' },
          body: JSON.stringify({
            graph: 'group_owner',
            project_id: 'proj_yoga',
            resource_id: 'res_doc',
            settings: { max_seats: 4 },
            ignore_capacity: true,
            event: {
              start: new Date(start).toISOString(),
              end: new Date(start + 1_800_000).toISOString(),
              what: `Reload class ${index}`,
            },
          }),
        });
        if (response.status === 201) created++;
      }
      return created;
    }, DEMO_KEYS.owner);
    assert.equal(made, 300);

    // Any change in the console saves the state: move the clock a little.
    await page.getByRole('button', { name: '+5 min' }).click();
    await page.waitForFunction(
      async (name) => {
        const state = await new Promise<number>((resolve) => {
          const open = indexedDB.open(name);
          open.onsuccess = () => {
            const get = open.result.transaction('state').objectStore('state').get('snapshot');
            get.onsuccess = () => resolve(get.result?.store.bookings.length ?? 0);
          };
        });
        return state >= 300;
      },
      DATABASE,
      { polling: 200 },
    );
    const saved = await savedState(page);
    assert.ok(saved && saved.bookings >= 300, JSON.stringify(saved));
    assert.ok(saved.bytes > 64 * 1024, `the state is ${saved.bytes} bytes, past the old 64 KB`);

    await page.reload();
    await page.locator('slotkit-widget').waitFor();
    await page.locator('sandbox-booking-list li.booking').first().waitFor();
    assert.equal(await page.getByText('could not be loaded').count(), 0);
    const listed = await page.evaluate(async (ownerKey) => {
      const response = await fetch('v2/bookings?graph=group_owner', {
        headers: { Authorization: `Basic ${btoa(`:${ownerKey}`)}` },
      });
      const { data } = await response.json();
      return data.filter((booking: { attributes: { event_info?: { what: string } } }) =>
        booking.attributes.event_info?.what.startsWith('Reload class '),
      ).length;
    }, DEMO_KEYS.owner);
    assert.equal(listed, 300, 'every booking is back after the reload');
    assert.deepEqual(problems, [], 'no console errors or warnings');
  } finally {
    await close();
  }
});

test('a saved state that cannot be loaded is kept, offered for download, and discarded only when asked', async () => {
  const legacyKey = 'slotkit-sandbox:/:snapshot';
  const broken = '{"version":1,"store":"not a store"';
  // Only before the page's first load: as an earlier sandbox version left it in localStorage.
  const init = `if (!sessionStorage.getItem('seeded')) {
    sessionStorage.setItem('seeded', '1');
    localStorage.setItem(${JSON.stringify(legacyKey)}, ${JSON.stringify(broken)});
  }`;
  const { page, problems, close } = await openSandbox(init);
  try {
    const note = page.getByText('The saved sandbox state could not be loaded');
    await note.waitFor();
    assert.match(await note.innerText(), /It is kept, not deleted/);
    // The sandbox runs on the demo data meanwhile.
    await page.locator('sandbox-booking-list li.booking').first().waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download the saved state (JSON)' }).click(),
    ]);
    assert.equal(download.suggestedFilename(), 'slotkit-sandbox-state.json');
    assert.equal(readFileSync((await download.path())!, 'utf8'), broken, 'exactly what was saved');

    // Still there after a reload (the fresh state's saves did not overwrite it).
    await page.reload();
    await note.waitFor();
    await page.getByRole('button', { name: 'Discard it' }).click();
    await note.waitFor({ state: 'detached' });
    await page.reload();
    await page.locator('sandbox-booking-list li.booking').first().waitFor();
    assert.equal(await note.count(), 0, 'gone once discarded');
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});
