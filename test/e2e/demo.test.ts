/**
 * The built sandbox, end to end: `vite build` of demo/ through Vite's JS API (never stale),
 * served under a sub-path (/sandbox/) by a tiny static server, driven in Chromium. A visitor
 * books a yoga class in the widget, the owner cancels that class in the console, and the widget
 * shows the change; the state survives a reload. Run: node --import tsx --test test/e2e/demo.test.ts
 */
import assert from 'node:assert/strict';
import { mkdirSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { buildDemoInto } from './demo-build.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SUB_PATH = '/sandbox/';
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.json': 'application/json',
};

let outDir: string;
let server: Server;
let origin: string;
let browser: Browser;
/** Every path the static server could not find: a relative URL gone wrong shows up here. */
const notFound: string[] = [];

/** Serves `dir` under /sandbox/ only, as a static host serving the site from a sub-path would. */
function serve(dir: string): Promise<Server> {
  const site = createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path === SUB_PATH.slice(0, -1)) {
      response.writeHead(301, { Location: SUB_PATH }).end();
      return;
    }
    let relative = path.startsWith(SUB_PATH) ? decodeURIComponent(path.slice(SUB_PATH.length)) : '';
    if (path === SUB_PATH || relative.endsWith('/')) relative += 'index.html';
    const file = normalize(join(dir, relative));
    try {
      if (!path.startsWith(SUB_PATH) || !file.startsWith(dir + sep)) throw new Error('outside');
      const body = await readFile(file);
      response.writeHead(200, {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Cache-Control': 'no-store',
      });
      response.end(body);
    } catch {
      notFound.push(path);
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
    }
  });
  return new Promise((done) => site.listen(0, '127.0.0.1', () => done(site)));
}

before(async () => {
  outDir = await buildDemoInto('slotkit-demo-');
  server = await serve(outDir);
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // A plain .mjs script without types: imported by URL.
  const finder = pathToFileURL(join(ROOT, 'scripts/find-chromium.mjs')).href;
  const { ensureChromium } = (await import(finder)) as { ensureChromium(): string };
  browser = await chromium.launch({
    executablePath: ensureChromium(),
    headless: true,
    args: FLAGS,
  });
});

after(async () => {
  await browser?.close();
  server?.closeAllConnections();
  await new Promise((done) => server?.close(done));
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

/** A fresh browser profile (no service worker, no saved state) on the sandbox page. */
async function openSandbox(
  init?: string,
): Promise<{ page: Page; problems: string[]; close(): Promise<void> }> {
  const context = await browser.newContext({
    locale: 'en-US',
    timezoneId: 'America/New_York',
    viewport: { width: 1280, height: 900 },
  });
  if (init) await context.addInitScript({ content: init });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') {
      problems.push(`console.${message.type()}: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  await page.goto(`${origin}${SUB_PATH}`);
  await page.locator('slotkit-widget').waitFor();
  return { page, problems, close: () => context.close() };
}

test('a yoga booking, then the owner cancels the class: the widget shows it, and it survives a reload', async () => {
  const { page, problems, close } = await openSandbox();
  try {
    await page.getByLabel('Project', { exact: true }).selectOption('proj_yoga');
    const widget = page.locator('slotkit-widget');

    // The visitor books the first class.
    await widget
      .getByRole('button', { name: /^Book / })
      .first()
      .click();
    await widget.getByLabel('Name').fill('Marty McFly');
    await widget.getByLabel(/^e-?mail/i).fill('marty@example.com');
    await widget.getByRole('button', { name: 'Book', exact: true }).click();
    // The result step's heading says the outcome in the visitor's words.
    const outcome = widget.locator('[data-step-heading]');
    await outcome.filter({ hasText: 'You are booked' }).waitFor();

    // The owner's console lists the seat booking, newest first.
    const cards = page.locator('sandbox-booking-list li.booking');
    const seat = cards.first();
    assert.match(await seat.innerText(), /Marty McFly/);
    assert.equal(await seat.getAttribute('data-state'), 'confirmed');

    // The owner goes to the class and cancels it, with a message for the customers.
    await seat.getByRole('button', { name: 'Go to its class' }).click();
    const groupClass = page.locator('sandbox-booking-list li.booking[aria-current="true"]');
    assert.match(await groupClass.innerText(), /group_owner/);
    assert.match(await groupClass.innerText(), /1 of 20 seats taken/);
    await groupClass.locator('button[data-action="cancel"]').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Message to the customer (optional)').fill('Doc is stuck in 1885.');
    await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();

    // The class and the seat are cancelled, and the widget, refreshed, says so.
    await page
      .locator('sandbox-booking-list li.booking[aria-current="true"][data-state="cancelled"]')
      .waitFor();
    await outcome.filter({ hasText: 'The host cancelled this booking' }).waitFor();
    assert.equal(
      await cards.filter({ hasText: 'Marty McFly' }).getAttribute('data-state'),
      'cancelled_by_owner',
    );
    // The customer was told, with the owner's message.
    const email = page
      .locator('sandbox-outbox-list li')
      .filter({ hasText: 'Class cancelled' })
      .filter({ hasText: 'marty@example.com' });
    await email.locator('summary').click();
    assert.match(await email.locator('pre').innerText(), /Doc is stuck in 1885\./);
    // The audit log of the class tells the story.
    assert.match(
      await page.locator('sandbox-booking-timeline ol').innerText(),
      /Class was cancelled by/,
    );

    // A reload puts the saved snapshot back before the widget mounts.
    await page.reload();
    await page.locator('slotkit-widget').waitFor();
    const again = page
      .locator('sandbox-booking-list li.booking')
      .filter({ hasText: 'Marty McFly' });
    await again.waitFor();
    assert.equal(await again.getAttribute('data-state'), 'cancelled_by_owner');
    assert.equal(await page.getByLabel('Project', { exact: true }).inputValue(), 'proj_yoga');

    assert.deepEqual(notFound, [], 'every URL the page asked for exists under the sub-path');
    assert.deepEqual(problems, [], 'no console errors or warnings');
  } finally {
    await close();
  }
});

/** The visitor asks the consultant (confirm_decline) for the first free time; returns the widget. */
async function requestConsultation(page: Page, name: string, email: string): Promise<Locator> {
  await page.getByLabel('Project', { exact: true }).selectOption('proj_consultant');
  const widget = page.locator('slotkit-widget');
  await widget.locator('td[data-date].available').first().click();
  await widget.locator('li[role="option"]').first().click();
  await widget.getByLabel('Name').fill(name);
  await widget.getByLabel(/^e-?mail/i).fill(email);
  await widget.getByRole('button', { name: 'Request booking', exact: true }).click();
  return widget;
}

test('a consultant request, confirmed by the owner in the console: the widget shows it booked', async () => {
  const { page, problems, close } = await openSandbox();
  try {
    const widget = await requestConsultation(page, 'Lorraine Baines', 'lorraine@example.com');
    // The result step's heading says the outcome in the visitor's words.
    const outcome = widget.locator('[data-step-heading]');
    await outcome.filter({ hasText: 'host will confirm' }).waitFor();

    const request = page.locator('sandbox-booking-list li.booking').first();
    assert.equal(await request.getAttribute('data-state'), 'tentative');
    await request.locator('button[data-action="confirm"]').click();
    await page
      .locator('sandbox-booking-list li.booking[data-state="confirmed"]')
      .filter({ hasText: 'Lorraine Baines' })
      .waitFor();
    // The visitor's view follows the owner's decision.
    await outcome.filter({ hasText: 'You are booked' }).waitFor();
    const email = page
      .locator('sandbox-outbox-list li')
      .filter({ hasText: 'Booking confirmed' })
      .filter({ hasText: 'lorraine@example.com' });
    assert.equal(await email.count(), 1);
    assert.deepEqual(problems, [], 'no console errors or warnings');
  } finally {
    await close();
  }
});

// A saved state that cannot be loaded: test/e2e/demo-persist.test.ts (kept and offered, not cleared).

/** axe on the sandbox's own markup (the widget has its own accessibility tests). */
const AXE = `axe
  .run(
    { exclude: [['sandbox-app', 'sandbox-visitor-panel', 'slotkit-widget']] },
    { resultTypes: ['violations'] },
  )
  .then((result) =>
    result.violations.map(
      (violation) =>
        violation.id + ': ' + violation.nodes.map((node) => JSON.stringify(node.target)).join(' '),
    ),
  )`;

/** The id of the element that has focus, looking through shadow roots. */
const FOCUSED = `(() => {
  let active = document.activeElement;
  while (active && active.shadowRoot && active.shadowRoot.activeElement) {
    active = active.shadowRoot.activeElement;
  }
  return active ? active.id || active.tagName.toLowerCase() : '';
})()`;

test("the owner's email links, used from the outbox by keyboard: confirmed, then already decided", async () => {
  const { page, problems, close } = await openSandbox();
  try {
    const widget = await requestConsultation(page, 'George McFly', 'george@example.com');
    const outcome = widget.locator('[data-step-heading]');
    await outcome.filter({ hasText: 'host will confirm' }).waitFor();

    // The owner's email: the one with Confirm / Decline buttons beside its links.
    const email = page
      .locator('sandbox-outbox-list li')
      .filter({ has: page.locator('button[data-decision="confirm"]') });
    assert.equal(await email.count(), 1, 'one owner email with decision links');
    await email.locator('summary').click();
    const confirm = email.getByRole('button', { name: 'Confirm as the owner' });
    const decline = email.getByRole('button', { name: 'Decline as the owner' });
    await confirm.focus();
    await page.keyboard.press('Enter');
    await email.getByRole('status').filter({ hasText: 'Confirm: done' }).waitFor();

    // The console and the widget follow, and the customer is told.
    await page
      .locator('sandbox-booking-list li.booking[data-state="confirmed"]')
      .filter({ hasText: 'George McFly' })
      .waitFor();
    await outcome.filter({ hasText: 'You are booked' }).waitFor();
    await page
      .locator('sandbox-outbox-list li')
      .filter({ hasText: 'Booking confirmed' })
      .filter({ hasText: 'george@example.com' })
      .waitFor();

    // The other link of the same email now changes nothing.
    await decline.focus();
    await page.keyboard.press('Space');
    await email.getByRole('status').filter({ hasText: 'Decline: already decided' }).waitFor();
    assert.equal(
      await page
        .locator('sandbox-booking-list li.booking')
        .filter({ hasText: 'George McFly' })
        .getAttribute('data-state'),
      'confirmed',
    );
    await page.addScriptTag({ path: join(ROOT, 'node_modules/axe-core/axe.min.js') });
    assert.deepEqual(await page.evaluate(AXE), [], 'axe, with the outcomes shown');
    // Chromium logs every non-2xx fetch: the refused second decision is the one expected.
    assert.deepEqual(
      problems,
      [
        'console.error: Failed to load resource: the server responded with a status of 409 (Conflict)',
      ],
      'no other console errors or warnings',
    );
  } finally {
    await close();
  }
});

test("an owner's email link used after its week is over: expired, and nothing changes", async () => {
  const { page, problems, close } = await openSandbox();
  try {
    const widget = await requestConsultation(page, 'Lorraine Baines', 'lorraine@example.com');
    await widget.locator('[data-step-heading]').filter({ hasText: 'host will confirm' }).waitFor();
    const booking = page
      .locator('sandbox-booking-list li.booking')
      .filter({ hasText: 'Lorraine Baines' });
    await booking.waitFor();

    // A decision link lives 7 days: move the engine clock 8 days on (the clock panel's own
    // control endpoint; its buttons go a day at a time), then wait for the panel to show it.
    const clock = page.locator('sandbox-clock-panel time');
    const start = Date.parse((await clock.getAttribute('datetime')) ?? '');
    await page.evaluate(async () => {
      const url = new URL('v2/_mock/clock', document.baseURI);
      const body = JSON.stringify({ advance: '8 days' });
      const headers = { 'Content-Type': 'application/json' };
      if (!(await fetch(url, { method: 'POST', headers, body })).ok) throw new Error('clock');
    });
    await page.getByRole('button', { name: '+5 min', exact: true }).click();
    const eightDays = start + 8 * 24 * 3_600_000;
    for (
      let tries = 0;
      Date.parse((await clock.getAttribute('datetime')) ?? '') < eightDays;
      tries++
    ) {
      assert.ok(tries < 100, 'the clock panel shows 8 days on');
      await page.waitForTimeout(100);
    }
    const stateBefore = await booking.getAttribute('data-state');

    const email = page
      .locator('sandbox-outbox-list li')
      .filter({ has: page.locator('button[data-decision="confirm"]') })
      .filter({ hasText: 'lorraine@example.com' });
    await email.locator('summary').click();
    await email.getByRole('button', { name: 'Confirm as the owner' }).click();
    await email.getByRole('status').filter({ hasText: 'Confirm: expired' }).waitFor();
    assert.equal(await booking.getAttribute('data-state'), stateBefore, 'the link changed nothing');
    assert.notEqual(stateBefore, 'confirmed');
    assert.deepEqual(
      problems,
      ['console.error: Failed to load resource: the server responded with a status of 410 (Gone)'],
      'no other console errors or warnings',
    );
  } finally {
    await close();
  }
});

test('the sandbox is accessible in light and dark, keyboard-reachable, and stacks at 320 px', async () => {
  const { page, problems, close } = await openSandbox();
  try {
    // Tab from the top of the page reaches the first switch.
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(FOCUSED), 'project');

    // A selected booking: its log and its highlighted state in the graph are checked too.
    await page.locator('sandbox-booking-list li.booking h4 button').first().click();
    await page.locator('sandbox-graph-diagram .node.current').waitFor();
    await page.addScriptTag({ path: join(ROOT, 'node_modules/axe-core/axe.min.js') });
    for (const theme of ['Light', 'Dark']) {
      await page.getByRole('radio', { name: theme, exact: true }).check();
      assert.deepEqual(await page.evaluate(AXE), [], `axe, ${theme} theme`);
    }

    await page.setViewportSize({ width: 320, height: 800 });
    assert.ok(
      await page.evaluate(() => document.documentElement.scrollWidth <= 320),
      'nothing sticks out sideways at 320 px',
    );
    const visitor = (await page.locator('section.visitor').boundingBox())!;
    const owner = (await page.locator('section.owner').boundingBox())!;
    assert.ok(owner.y >= visitor.y + visitor.height, 'the owner console stacks below the widget');
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test('the embed mode control: inline, a popup from a button, the floating button', async () => {
  const { page, problems, close } = await openSandbox();
  const shots = join(ROOT, 'test-results/demo');
  mkdirSync(shots, { recursive: true });
  try {
    const panel = page.locator('sandbox-visitor-panel');
    const dialog = page.locator('slotkit-popup dialog[open]');
    const dialogHeading = dialog.locator('slotkit-widget [data-step-heading]');

    // Popup: the host page's button opens the widget in a modal dialog; Escape gives focus back.
    await page.getByRole('radio', { name: 'Popup from a button' }).check();
    await panel.locator('slotkit-widget').waitFor({ state: 'detached' });
    await panel.getByRole('button', { name: 'Book now' }).click();
    await dialogHeading.filter({ hasText: 'Choose a class' }).waitFor();
    await dialog.locator('slotkit-class-list [part~="book-button"]').first().waitFor();
    await page.screenshot({ path: join(shots, 'embed-popup.png') });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    assert.equal(await page.evaluate(FOCUSED), 'demo-opener', 'focus back on the opener');

    // Floating: a labelled button in the corner opens the same dialog.
    await page.getByRole('radio', { name: 'Floating button' }).check();
    const floating = page.locator('slotkit-floating-button [part="button"]');
    await floating.waitFor();
    assert.ok((await floating.textContent())!.trim().length > 0, 'the button says what it does');
    const box = (await floating.boundingBox())!;
    assert.ok(box.x + box.width > 1280 - 80 && box.y + box.height > 900 - 80, 'bottom corner');
    await floating.click();
    await dialogHeading.filter({ hasText: 'Choose a class' }).waitFor();
    await dialog.locator('slotkit-class-list [part~="book-button"]').first().waitFor();
    await page.screenshot({ path: join(shots, 'embed-floating.png') });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    // Inline again: the widget is back in the panel and the floating button is gone.
    await page.getByRole('radio', { name: 'Inline' }).check();
    await panel.locator('slotkit-widget').waitFor();
    await page.locator('slotkit-floating-button').waitFor({ state: 'detached' });
    await page.screenshot({ path: join(shots, 'embed-inline.png') });
    await page.addScriptTag({ path: join(ROOT, 'node_modules/axe-core/axe.min.js') });
    assert.deepEqual(await page.evaluate(AXE), [], 'axe');
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});
