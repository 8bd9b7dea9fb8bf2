import assert from 'node:assert/strict';
import { beforeEach, describe, test } from 'node:test';
import { VERSION } from '../../src/version.ts';
import { attribute, sourceLabel } from '../../bench/compare/breakdown.ts';
import {
  bookFirstClass,
  bookFirstSlot,
  fillAndSubmit,
  lostFiles,
  partsAlert,
  pickFirstSlot,
  heading,
  listBookings,
  visit,
  widgetIn,
  scriptsLoaded,
  TAGS,
  embedSuite,
} from './embed-harness.ts';

/**
 * dist/slotkit.iife.js as sites use it: the snippet, a booking.js v3 config, two snippets on one
 * page, the async queue, and what it leaves on `window`. Each page fails its test on any console
 * error or warning, uncaught error or CSP violation.
 */
describe('the script-tag build on real pages', () => {
  const suite = embedSuite();
  const { url } = suite;
  beforeEach(() => suite.api!.reset());

  test('the script registers the widget and loads nothing else on a page without config', async () => {
    await visit(
      suite.browser!,
      url('blank.html'),
      { screenshot: 'registered' },
      async ({ page }) => {
        await page.addScriptTag({ url: '/slotkit.iife.js' });
        await page.waitForFunction(() => customElements.get('slotkit-widget') !== undefined);
        // The inner elements come with the steps that show them (widget/parts.ts).
        const defined = await page.evaluate(
          (tags) => tags.filter((tag) => customElements.get(tag)),
          TAGS,
        );
        assert.deepEqual(defined, ['slotkit-widget']);
        assert.deepEqual(await scriptsLoaded(page), ['slotkit.iife.js']);
        assert.equal(await page.locator('slotkit-widget').count(), 0);
      },
    );
  });

  test("the script's source map still points at the sources after it became a classic script", () => {
    const code = String(suite.bundle!.get('slotkit.iife.js'));
    const map = JSON.parse(String(suite.bundle!.get('slotkit.iife.js.map'))) as {
      sources: string[];
      mappings: string;
    };
    const owner = attribute(code, map);
    const sourceOf = (text: string) => {
      const at = code.indexOf(text);
      assert.ok(at > 0, `the script has no "${text}"`);
      return sourceLabel(map.sources[owner[at]!] ?? '(none)');
    };
    assert.equal(sourceOf('SlotkitBooking.init: expected a config'), 'src/embed.ts');
    assert.equal(sourceOf('the steps after booking'), 'src/components/widget/parts.ts');
  });

  test('script-tag.html: the plain snippet books an instant haircut end to end', async () => {
    const before = await listBookings(suite.api!);
    await visit(
      suite.browser!,
      url('script-tag.html'),
      { screenshot: 'script-tag' },
      async ({ page }) => {
        const widget = await widgetIn(page, '#booking');
        await heading(widget).filter({ hasText: 'Choose a time' }).waitFor();
        await widget.locator('slotkit-slot-picker td[aria-disabled="false"]').first().waitFor();
        // A 1:1 project's first paint: the script and the time picker, no class list.
        const loaded = await scriptsLoaded(page);
        assert.ok(loaded.includes('slot-picker'), loaded.join(', '));
        assert.ok(!loaded.includes('class-list'), loaded.join(', '));
        const state = await bookFirstSlot(widget, {
          name: 'Marty McFly',
          email: 'marty@example.test',
        });
        assert.equal(state, 'confirmed');
        assert.match((await heading(widget).textContent())!, /You are booked/);
      },
    );
    const now = await listBookings(suite.api!);
    const added = now.filter((booking) => !before.some((old) => old.id === booking.id));
    assert.equal(added.length, 1, JSON.stringify(added));
    assert.equal(added[0].state, 'confirmed');
    assert.equal(added[0].graph, 'instant');
    assert.equal(added[0].project_id, 'proj_barber');
    assert.equal(added[0].customers[0].email, 'marty@example.test');
    // The barber's only confirmed booking is the one just made.
    assert.deepEqual(
      now
        .filter((booking) => booking.project_id === 'proj_barber' && booking.state === 'confirmed')
        .map((booking) => booking.id),
      [added[0].id],
    );
  });

  test('below-the-fold.html: mounting neither moves focus nor scrolls the host page', async () => {
    await visit(
      suite.browser!,
      url('below-the-fold.html'),
      { screenshot: 'below-the-fold' },
      async ({ page }) => {
        const widget = await widgetIn(page, '#booking');
        await heading(widget).filter({ hasText: 'Choose a time' }).waitFor();
        await widget
          .locator('slotkit-slot-picker td[aria-disabled="false"]')
          .first()
          .waitFor({ state: 'attached' });
        assert.deepEqual(
          await page.evaluate(() => [document.activeElement?.localName, window.scrollY]),
          ['body', 0],
          'focus and scroll position after the widget rendered',
        );
      },
    );
  });

  test('booking-js-config.html: a booking.js v3 config books a yoga class, callbacks in booking.js order', async () => {
    let bookingId: string | null = null;
    await visit(
      suite.browser!,
      url('booking-js-config.html'),
      { screenshot: 'booking-js-config' },
      async ({ page }) => {
        const widget = await widgetIn(page, '#bookingjs');
        await heading(widget).filter({ hasText: 'Choose a class' }).waitFor();
        const state = await bookFirstClass(widget, {
          name: 'Lorraine Baines',
          email: 'lorraine@example.test',
        });
        assert.equal(state, 'confirmed');
        const log = page.locator('#callbacks');
        bookingId = await log.getAttribute('data-booking-id');
        assert.equal(await log.getAttribute('data-booking-state'), 'confirmed');
        // booking.js v3 in group mode with its confirm page (src/booking/widget.js,
        // helpers/template.js, pages/booking.js): render, slots, booking page, form, create.
        // It fires clickTimeslot only with disable_confirm_page, and its slots-started hook is
        // spelled `GetBookingSlotsStarted`, so a site's getBookingSlotsStarted never ran there.
        assert.deepEqual((await log.getAttribute('data-calls'))!.split(' '), [
          'renderStarted',
          'getBookingSlotsStarted',
          'renderCompleted',
          'getBookingSlotsSuccessful',
          'showBookingPage',
          'submitBookingForm',
          'createBookingStarted',
          'createBookingSuccessful',
        ]);
      },
    );
    const seat = (await listBookings(suite.api!)).find((booking) => booking.id === bookingId);
    assert.ok(seat, `booking ${bookingId} is listed`);
    assert.equal(seat.state, 'confirmed');
    assert.equal(seat.graph, 'group_customer');
    assert.equal(seat.customers[0].email, 'lorraine@example.test');
    const group = await suite.api!.call('GET', `/bookings/groups/${seat.related.owner_booking_id}`);
    assert.equal(group.data.attributes.group_booking.current_seats, 1);
  });

  test('two-widgets.html: two projects, one file loaded twice, registered once, independent', async () => {
    await visit(
      suite.browser!,
      url('two-widgets.html'),
      { screenshot: 'two-widgets', instrument: true },
      async ({ page, traces }) => {
        const barber = await widgetIn(page, '#barber');
        const yoga = await widgetIn(page, '#yoga');
        await heading(barber).filter({ hasText: 'Choose a time' }).waitFor();
        await heading(yoga).filter({ hasText: 'Choose a class' }).waitFor();
        const bookButtons = yoga.locator(
          'slotkit-class-list [part~="book-button"]:not([disabled])',
        );
        await bookButtons.first().waitFor();
        const classes = await bookButtons.count();

        // A third copy, after the fact: still the first namespace and the first classes.
        const first = await page.evaluateHandle(() => ({
          widget: customElements.get('slotkit-widget'),
          namespace: (window as any).SlotkitBooking,
        }));
        await page.addScriptTag({ url: '/slotkit.iife.js' });
        assert.equal(
          await page.evaluate(
            (seen) =>
              seen.widget === customElements.get('slotkit-widget') &&
              seen.namespace === (window as any).SlotkitBooking,
            first,
          ),
          true,
        );
        assert.equal(await page.evaluate(() => (window as any).SlotkitBooking.version), VERSION);
        assert.equal(await page.locator('slotkit-widget').count(), 2);
        const defined = traces.filter((trace) => trace.startsWith('define '));
        assert.ok(defined.includes('define slotkit-widget'), traces.join('\n'));
        assert.equal(new Set(defined).size, defined.length, `each tag defined once: ${defined}`);
        assert.deepEqual(
          traces.filter((trace) => trace === 'SlotkitBooking assigned'),
          ['SlotkitBooking assigned'],
        );

        // Booking in one leaves the other where it was.
        const state = await bookFirstSlot(barber, {
          name: 'Biff Tannen',
          email: 'biff@example.test',
        });
        assert.equal(state, 'confirmed');
        assert.equal(await heading(yoga).textContent(), 'Choose a class');
        assert.equal(await yoga.locator('[role="alert"], [part="notice"]').count(), 0);
        assert.equal(await bookButtons.count(), classes);

        const seat = await bookFirstClass(yoga, {
          name: 'George McFly',
          email: 'george@example.test',
        });
        assert.equal(seat, 'confirmed');
        assert.equal(
          await barber.locator('[part="result"]').getAttribute('data-state'),
          'confirmed',
        );
      },
    );
    const bookings = await listBookings(suite.api!);
    const by = (email: string) =>
      bookings.filter((booking) => booking.customers[0]?.email === email);
    assert.deepEqual(
      by('biff@example.test').map((booking) => [booking.project_id, booking.state]),
      [['proj_barber', 'confirmed']],
    );
    assert.deepEqual(
      by('george@example.test').map((booking) => [booking.project_id, booking.state]),
      [['proj_yoga', 'confirmed']],
    );
  });

  test('a part that fails to load: the widget says so, and Try again loads it', async () => {
    const lost = lostFiles(/\/embed\/class-list-[\w-]+\.js$/);
    await visit(
      suite.browser!,
      url('queued-init.html'),
      { screenshot: 'part-failed', prepare: lost.prepare },
      async ({ page, problems }) => {
        const widget = await widgetIn(page, '#classes');
        await heading(widget).filter({ hasText: 'Choose a class' }).waitFor();
        const alert = await partsAlert(widget);
        assert.equal(
          problems.filter((problem) => problem.text.includes('could not load <slotkit-class-list>'))
            .length,
          1,
          JSON.stringify(problems),
        );
        lost.heal();
        await alert.getByRole('button', { name: 'Try again' }).click();
        await widget.locator('slotkit-class-list [part~="book-button"]').first().waitFor();
        assert.equal(await alert.count(), 0);
        // Focus went to the step's heading with the button, not to <body>.
        assert.equal(
          await page.evaluate(() => document.activeElement?.tagName.toLowerCase()),
          'slotkit-widget',
        );
        problems.length = 0;
      },
    );
  });

  test('the result step fails to load after booking: the booking is kept and Try again shows it', async () => {
    const lost = lostFiles(/\/embed\/after-booking-[\w-]+\.js$/);
    await visit(
      suite.browser!,
      url('script-tag.html'),
      { screenshot: 'steps-failed', prepare: lost.prepare },
      async ({ page, problems }) => {
        const widget = await widgetIn(page, '#booking');
        await pickFirstSlot(widget);
        await fillAndSubmit(widget, { name: 'Lorraine Baines', email: 'lorraine@example.test' });
        await heading(widget).filter({ hasText: 'You are booked' }).waitFor();
        const alert = await partsAlert(widget);
        lost.heal();
        await alert.getByRole('button', { name: 'Try again' }).click();
        const result = widget.locator('[part="result"]');
        await result.waitFor();
        assert.equal(await result.getAttribute('data-state'), 'confirmed');
        assert.ok(
          problems.some((problem) => problem.text.includes('the steps after booking')),
          `problems.some((problem) => problem.text.includes('the steps after booking'))`,
        );
        problems.length = 0;
      },
    );
    const booked = (await listBookings(suite.api!)).filter(
      (booking) => booking.customers[0]?.email === 'lorraine@example.test',
    );
    assert.equal(booked.length, 1);
  });

  test('the hold and booking schemas fail to load: choosing a time says so, and choosing again books', async () => {
    const lost = lostFiles(/\/embed\/later-schemas-[\w-]+\.js$/);
    await visit(
      suite.browser!,
      url('script-tag.html'),
      { screenshot: 'schemas-failed', prepare: lost.prepare },
      async ({ page, problems }) => {
        const widget = await widgetIn(page, '#booking');
        await pickFirstSlot(widget);
        await widget
          .locator('[part="notice"]')
          .filter({ hasText: 'could not reach the booking service' })
          .waitFor();
        lost.heal();
        const state = await bookFirstSlot(widget, {
          name: 'Marty McFly',
          email: 'marty@example.test',
        });
        assert.equal(state, 'confirmed');
        problems.length = 0;
      },
    );
  });

  test('the code of the hold and the form fails to load: choosing a time says so, keeps the time chosen, and choosing it again books', async () => {
    const lost = lostFiles(/\/embed\/holding-[\w-]+\.js$/);
    await visit(
      suite.browser!,
      url('script-tag.html'),
      { screenshot: 'holding-failed', prepare: lost.prepare },
      async ({ page, problems }) => {
        const widget = await widgetIn(page, '#booking');
        await pickFirstSlot(widget);
        await widget
          .locator('[part="notice"]')
          .filter({ hasText: 'could not reach the booking service' })
          .waitFor();
        // Still choosing, the time the visitor clicked still marked as chosen.
        await heading(widget).filter({ hasText: 'Choose a time' }).waitFor();
        const chosen = widget.locator('slotkit-slot-picker [role="option"][aria-selected="true"]');
        assert.equal(await chosen.count(), 1);
        lost.heal();
        await chosen.click();
        await heading(widget).filter({ hasText: 'Your details' }).waitFor();
        await fillAndSubmit(widget, { name: 'Biff Tannen', email: 'biff@example.test' });
        const result = widget.locator('[part="result"]');
        await result.waitFor();
        assert.equal(await result.getAttribute('data-state'), 'confirmed');
        problems.length = 0;
      },
    );
  });

  test('queued-init.html: calls queued before the async script loads are run', async () => {
    await visit(
      suite.browser!,
      url('queued-init.html'),
      { screenshot: 'queued-init' },
      async ({ page }) => {
        const widget = await widgetIn(page, '#classes');
        await heading(widget).filter({ hasText: 'Choose a class' }).waitFor();
        await widget
          .locator('slotkit-class-list [part~="book-button"]:not([disabled])')
          .first()
          .waitFor();
        // A group graph in the config: the class list comes with the script, the picker never.
        const loaded = await scriptsLoaded(page);
        assert.ok(loaded.includes('class-list'), loaded.join(', '));
        assert.ok(!loaded.includes('slot-picker'), loaded.join(', '));
        // The stub was replaced by the real namespace.
        assert.deepEqual(
          await page.evaluate(() => {
            const namespace = (window as any).SlotkitBooking;
            return [namespace.version, typeof namespace.q.push, Array.isArray(namespace.q)];
          }),
          [VERSION, 'function', false],
        );
      },
    );
  });

  test('blank.html: loading and using the suite.bundle! adds nothing to window but SlotkitBooking', async () => {
    await visit(suite.browser!, url('blank.html'), { screenshot: 'globals' }, async ({ page }) => {
      const snapshot = () =>
        page.evaluate(() => ({
          keys: Object.keys(window),
          names: Object.getOwnPropertyNames(window),
          symbols: Object.getOwnPropertySymbols(window).map(String),
        }));
      const diff = (
        from: Awaited<ReturnType<typeof snapshot>>,
        to: Awaited<ReturnType<typeof snapshot>>,
      ) => ({
        keys: to.keys.filter((name) => !from.keys.includes(name)),
        names: to.names.filter((name) => !from.names.includes(name)),
        symbols: to.symbols.filter((name) => !from.symbols.includes(name)),
        removed: from.names.filter((name) => !to.names.includes(name)),
      });
      const only = {
        keys: ['SlotkitBooking'],
        names: ['SlotkitBooking'],
        symbols: [],
        removed: [],
      };
      const blank = await snapshot();
      await page.addScriptTag({ url: '/slotkit.iife.js' });
      assert.deepEqual(diff(blank, await snapshot()), only, 'after loading');

      // Lazy code paths too: render, fetch, pick a day, open the time-zone popover.
      await page.evaluate(
        (baseUrl) =>
          (window as any).SlotkitBooking.init({
            target: '#booking',
            appKey: 'widget_test_barber',
            projectId: 'proj_barber',
            baseUrl,
          }),
        suite.api!.server.url,
      );
      const picker = (await widgetIn(page, '#booking')).locator('slotkit-slot-picker');
      await picker.locator('[role="grid"] td[aria-disabled="false"]').first().click();
      await picker.locator('[role="listbox"] [role="option"]').first().waitFor();
      await picker.locator('[part~="timezone-button"]').click();
      await picker.locator('[part~="timezone-search"]').waitFor();
      assert.deepEqual(diff(blank, await snapshot()), only, 'after using it');
    });
  });
});
