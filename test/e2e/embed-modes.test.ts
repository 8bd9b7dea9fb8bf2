import assert from 'node:assert/strict';
import { join } from 'node:path';
import { beforeEach, describe, test } from 'node:test';
import type { Page, Request } from 'playwright-core';
import {
  bookFirstSlot,
  expectSoon,
  heading,
  listBookings,
  pickFirstSlot,
  ROOT,
  scriptsLoaded,
  visit,
  widgetIn,
  embedSuite,
  strictCsp,
} from './embed-harness.ts';

/** The focused element's id (or tag), looking through shadow roots. */
const focused = (page: Page) =>
  page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active ? active.id || active.tagName.toLowerCase() : '';
  });

/** The open popup's dialog, once it is open. */
async function openDialog(page: Page) {
  const dialog = page.locator('slotkit-popup dialog[open]');
  await dialog.waitFor();
  return dialog;
}

const visitor = { name: 'Marty McFly', email: 'marty@example.test' };

/**
 * The popup and floating-button modes of dist/slotkit.iife.js on real pages: openers, the
 * dialog's keyboard and focus rules, preloading, the host API, a strict CSP and hostile CSS.
 */
describe('the script tag in popup and floating modes', () => {
  const suite = embedSuite({
    headers: (apiOrigin) => ({
      'popup-strict-csp.html': { 'Content-Security-Policy': strictCsp(apiOrigin) },
    }),
  });
  const { url } = suite;
  beforeEach(() => suite.api!.reset());

  test('an inline page does not load the popup code', async () => {
    await visit(
      suite.browser!,
      url('script-tag.html'),
      { screenshot: 'modes-inline' },
      async ({ page }) => {
        const widget = await widgetIn(page, '#booking');
        await heading(widget).filter({ hasText: 'Choose a time' }).waitFor();
        assert.ok(
          !(await scriptsLoaded(page)).includes('popup'),
          `!(await scriptsLoaded(page)).includes('popup')`,
        );
        assert.equal(await page.locator('slotkit-popup').count(), 0);
      },
    );
  });

  test('a button opens a modal dialog: focus in, page still, book, Escape, focus back', async () => {
    await visit(
      suite.browser!,
      url('popup.html'),
      { screenshot: 'modes-popup' },
      async ({ page }) => {
        await page.evaluate(() => {
          const seen: string[] = [];
          (window as any).seen = seen;
          (window as any).SlotkitBooking.on('booking-created', (event: any) =>
            seen.push(event.detail.booking.id),
          );
        });
        const inline = await widgetIn(page, '#booking');
        await heading(inline).filter({ hasText: 'Choose a time' }).waitFor();

        await page.locator('#haircut').focus();
        await page.keyboard.press('Enter');
        const dialog = await openDialog(page);
        assert.equal(await focused(page), 'dialog', 'focus moved into the dialog');
        assert.equal(await dialog.getAttribute('aria-label'), 'Booking');
        // Modal: the page behind is inert and does not scroll.
        assert.equal(
          await page.evaluate(() => getComputedStyle(document.documentElement).overflow),
          'hidden',
        );
        const widget = dialog.locator('slotkit-widget');
        await heading(widget).filter({ hasText: 'Choose a time' }).waitFor();
        // Tab stays inside, round and round: never the page's controls, nor the browser's.
        const stops = new Set<string>();
        for (let step = 0; step < 12; step += 1) {
          await page.keyboard.press(step % 4 === 3 ? 'Shift+Tab' : 'Tab');
          const where = await page.evaluate(() => document.activeElement?.tagName.toLowerCase());
          assert.equal(where, 'slotkit-popup', `Tab ${step + 1} stayed in the dialog`);
          stops.add(await focused(page));
        }
        assert.ok(stops.size >= 3, `Tab moved between controls: ${[...stops].join(', ')}`);
        // The dialog and all in it (the host page's own markup is the host's business).
        await page.addScriptTag({ path: join(ROOT, 'node_modules/axe-core/axe.min.js') });
        const violations = await page.evaluate(() =>
          (window as any).axe
            .run({ include: [['slotkit-popup']] }, { resultTypes: ['violations'] })
            .then((result: any) =>
              result.violations.map(
                (v: any) =>
                  `${v.id}: ${v.nodes.map((n: any) => JSON.stringify(n.target)).join(' ')}`,
              ),
            ),
        );
        assert.deepEqual(violations, [], 'axe with the dialog open');

        assert.equal(await bookFirstSlot(widget, visitor), 'confirmed');
        await expectSoon(
          async () => (await page.evaluate(() => (window as any).seen.length)) === 1,
        );

        await page.keyboard.press('Escape');
        await expectSoon(async () => !(await dialog.isVisible()));
        // The dialog's close event, which unlocks the page, is a queued task: the dialog can be
        // hidden a moment before it arrives.
        await expectSoon(
          async () =>
            (await page.evaluate(() => getComputedStyle(document.documentElement).overflow)) ===
            'visible',
        );
        assert.equal(await focused(page), 'haircut', 'focus returned to the opener');
        // The inline widget on the same page never moved.
        await heading(inline).filter({ hasText: 'Choose a time' }).waitFor();
        assert.equal(await page.locator('#booking > slotkit-widget').count(), 1);
      },
    );
    const mine = (await listBookings(suite.api!)).filter(
      (booking) => booking.customers[0]?.email === visitor.email,
    );
    assert.deepEqual(
      mine.map((booking) => booking.project_id),
      ['proj_barber'],
    );
  });

  test('two openers keep their own project, and the close button closes', async () => {
    await visit(
      suite.browser!,
      url('popup.html'),
      { screenshot: 'modes-two-openers' },
      async ({ page }) => {
        await page.locator('#yoga').click();
        let dialog = await openDialog(page);
        // The opener's data-app-key / data-project-id override the script tag's: yoga's classes.
        await heading(dialog.locator('slotkit-widget'))
          .filter({ hasText: 'Choose a class' })
          .waitFor();
        await dialog.locator('[part="close-button"]').click();
        await expectSoon(async () => !(await dialog.isVisible()));
        assert.equal(await focused(page), 'yoga');

        await page.locator('#haircut').click();
        dialog = await openDialog(page);
        await heading(dialog.locator('slotkit-widget'))
          .filter({ hasText: 'Choose a time' })
          .waitFor();
        assert.equal(await page.locator('slotkit-popup').count(), 2, 'one popup per opener');
      },
    );
  });

  test("an opener's data-prefill-name and -email reach the form in the popup and the booking", async () => {
    await visit(
      suite.browser!,
      url('popup-prefill.html'),
      { screenshot: 'modes-popup-prefill' },
      async ({ page }) => {
        await page.locator('#member').click();
        const dialog = await openDialog(page);
        const widget = dialog.locator('slotkit-widget');
        await pickFirstSlot(widget);
        await heading(widget).filter({ hasText: 'Your details' }).waitFor();
        const form = widget.locator('slotkit-customer-form');
        assert.equal(await form.locator('[name="name"]').inputValue(), 'Lorraine Baines');
        assert.equal(await form.locator('[name="email"]').inputValue(), 'lorraine@example.test');
        // A prefill is a start, not a lock: the visitor may still change it.
        await form.locator('[name="name"]').fill('Lorraine McFly');
        await form.locator('[part~="submit"]').click();
        await widget.locator('[part="result"]').waitFor();
      },
    );
    const booked = (await listBookings(suite.api!)).find(
      (booking) => booking.customers?.[0]?.email === 'lorraine@example.test',
    );
    assert.ok(booked, 'the booking exists');
    assert.equal(booked.customers[0].name, 'Lorraine McFly');
  });

  test('hovering an opener preloads: the dialog shows times without asking again', async () => {
    await visit(
      suite.browser!,
      url('popup.html'),
      { screenshot: 'modes-preload' },
      async ({ page }) => {
        const asked: string[] = [];
        // Only requests seen starting: the inline widget's own may have begun before.
        const pending = new Set<Request>();
        let settledAt = Date.now();
        const settle = (request: Request) => {
          if (pending.delete(request)) settledAt = Date.now();
        };
        page.on('request', (request) => {
          if (!request.url().includes('/availability')) return;
          asked.push(request.url());
          pending.add(request);
        });
        page.on('requestfinished', settle);
        page.on('requestfailed', settle);
        await page.locator('#haircut').hover();
        await expectSoon(() => asked.length > 0, 5000);
        const hidden = page.locator(
          'slotkit-popup slotkit-widget slotkit-slot-picker [role="grid"]',
        );
        await hidden.waitFor({ state: 'attached' });
        // The preload's own requests over and quiet for half a second (the page's other
        // traffic, e.g. lazy chunks on a loaded CI machine, does not matter here).
        await expectSoon(() => pending.size === 0 && Date.now() - settledAt > 500, 20_000);
        const before = asked.length;
        await page.locator('#haircut').click();
        const dialog = await openDialog(page);
        const day = dialog.locator('slotkit-slot-picker [role="grid"] td[aria-disabled="false"]');
        // Rendering may lag on a loaded machine; the request count below is the proof.
        await day.first().waitFor({ timeout: 3000 });
        assert.equal(asked.length, before, 'no availability request after the click');
      },
    );
  });

  test('open() settles with the booking, or null when closed; a closed popup keeps its place', async () => {
    await visit(
      suite.browser!,
      url('popup.html'),
      { screenshot: 'modes-open-promise' },
      async ({ page }) => {
        await page.evaluate(() => {
          (window as any).outcome = 'pending';
          (window as any).SlotkitBooking.open().then((booking: any) => {
            (window as any).outcome = booking;
          });
        });
        let dialog = await openDialog(page);
        let widget = dialog.locator('slotkit-widget');
        await pickFirstSlot(widget);
        await heading(widget).filter({ hasText: 'Your details' }).waitFor();
        await widget.locator('slotkit-customer-form [name="name"]').fill(visitor.name);
        await page.evaluate(() => (window as any).SlotkitBooking.close());
        await expectSoon(async () => (await page.evaluate(() => (window as any).outcome)) === null);

        // Reopened: the held time and what was typed are still there.
        const booking = page.evaluate(() => (window as any).SlotkitBooking.open());
        dialog = await openDialog(page);
        widget = dialog.locator('slotkit-widget');
        await heading(widget).filter({ hasText: 'Your details' }).waitFor();
        const form = widget.locator('slotkit-customer-form');
        assert.equal(await form.locator('[name="name"]').inputValue(), visitor.name);
        await form.locator('[name="email"]').fill(visitor.email);
        await form.locator('[part~="submit"]').click();
        const made = await booking;
        // The booking as events carry it: its id and state, no customer data (share-customer).
        assert.match(made.id, /\S/);
        assert.equal(made.customers, undefined);
        assert.equal(made.state, 'confirmed');
      },
    );
  });

  for (const width of [1280, 320]) {
    test(`the floating button at ${width} px: labelled, in its corner, above the page, opens the popup`, async () => {
      await visit(
        suite.browser!,
        url('floating.html'),
        { screenshot: `modes-floating-${width}` },
        async ({ page }) => {
          await page.setViewportSize({ width, height: 700 });
          const button = page.getByRole('button', { name: 'Book a haircut' });
          await button.waitFor();
          const box = (await button.boundingBox())!;
          assert.ok(box.x + box.width >= width - 32 && box.x + box.width <= width - 8, 'right');
          assert.ok(box.y + box.height >= 700 - 32 && box.y + box.height <= 700 - 8, 'bottom');
          if (width === 320) {
            // Compact: a 48 px round button, no wider than a thumb.
            assert.ok(box.width <= 56 && box.height <= 56, JSON.stringify(box));
          } else {
            assert.ok(await page.getByText('Book a haircut').isVisible(), 'words shown');
          }
          // Above the page's own fixed footer at the highest z-index.
          const top = await page.evaluate(
            ([x, y]) => document.elementFromPoint(x!, y!)?.tagName.toLowerCase(),
            [box.x + box.width / 2, box.y + box.height / 2],
          );
          assert.equal(top, 'slotkit-floating-button');
          // The brand colour, with text that reads on it (the widget's contrast rule).
          const colours = await button.evaluate((element) => {
            const style = getComputedStyle(element);
            return [style.backgroundColor, style.color];
          });
          assert.deepEqual(colours, ['rgb(250, 204, 21)', 'rgb(17, 24, 39)']);
          // Keyboard: Tab reaches it, with a visible focus ring; Enter opens the popup.
          for (let step = 0; step < 5 && (await focused(page)) !== 'button'; step += 1) {
            await page.keyboard.press('Tab');
          }
          assert.equal(await focused(page), 'button');
          const outline = await button.evaluate(
            (element) => getComputedStyle(element).outlineStyle,
          );
          assert.equal(outline, 'solid');
          await page.keyboard.press('Enter');
          const dialog = await openDialog(page);
          await heading(dialog.locator('slotkit-widget'))
            .filter({ hasText: 'Choose a time' })
            .waitFor();
          await page.keyboard.press('Escape');
          await expectSoon(async () => !(await dialog.isVisible()));
          // Focus returns on the dialog's close event, a queued task.
          await expectSoon(async () => (await focused(page)) === 'button');
        },
      );
    });
  }

  test('popup-strict-csp.html: opens and books with no CSP or Trusted Types violation', async () => {
    await visit(
      suite.browser!,
      url('popup-strict-csp.html'),
      { screenshot: 'modes-strict-csp' },
      async ({ page }) => {
        await page.locator('#open').click();
        const dialog = await openDialog(page);
        assert.equal(await bookFirstSlot(dialog.locator('slotkit-widget'), visitor), 'confirmed');
        await page.keyboard.press('Escape');
        await expectSoon(async () => !(await dialog.isVisible()));
      },
    );
  });

  test('popup-aggressive.html: z-index wars and `* { … }` rules do not reach the dialog', async () => {
    await visit(
      suite.browser!,
      url('popup-aggressive.html'),
      { screenshot: 'modes-aggressive' },
      async ({ page }) => {
        await page.locator('#open').click();
        const dialog = await openDialog(page);
        assert.ok(await dialog.isVisible(), 'the page hid every dialog; ours shows');
        const widget = dialog.locator('slotkit-widget');
        await heading(widget).filter({ hasText: 'Choose a time' }).waitFor();
        // The page's `* { color: red; text-transform: uppercase; ... !important }` stops outside.
        const text = await dialog.evaluate((element) => {
          const style = getComputedStyle(element);
          return [style.color, style.textTransform, style.letterSpacing, style.textAlign];
        });
        assert.notEqual(text[0], 'rgb(255, 0, 0)');
        assert.deepEqual(text.slice(1), ['none', 'normal', 'start']);
        // Real clicks: each control is the topmost element at its centre, above the banner.
        assert.equal(await bookFirstSlot(widget, visitor), 'confirmed');
        await dialog.locator('[part="close-button"]').click();
        await expectSoon(async () => !(await dialog.isVisible()));
        assert.equal(await focused(page), 'open');
        assert.equal(
          new URL(page.url()).pathname,
          '/popup-aggressive.html',
          'the link did not navigate',
        );
      },
    );
  });
});
