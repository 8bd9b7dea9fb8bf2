import assert from 'node:assert/strict';
import { beforeEach, describe, test } from 'node:test';
import {
  bookFirstSlot,
  expectSoon,
  heading,
  listBookings,
  visit,
  widgetIn,
  embedSuite,
  strictCsp,
} from './embed-harness.ts';

/** Pages that make embedding hard: a strict CSP with Trusted Types, and a hostile stylesheet. */
describe('the script-tag build on hostile pages', () => {
  const suite = embedSuite({
    headers: (apiOrigin) => ({
      'strict-csp.html': { 'Content-Security-Policy': strictCsp(apiOrigin) },
    }),
  });
  const { url } = suite;
  beforeEach(() => suite.api!.reset());

  test('strict-csp.html: renders and books with no CSP or Trusted Types violation', async () => {
    await visit(
      suite.browser!,
      url('strict-csp.html'),
      { screenshot: 'strict-csp' },
      async ({ page, problems }) => {
        const widget = await widgetIn(page, '#booking');
        await heading(widget).filter({ hasText: 'Choose a time' }).waitFor();
        // Every chunk arrives through import(), the time-zone chooser's positioning code too:
        // allowed by script-src 'self', no Trusted Types sink. The panel opens under its button.
        const picker = widget.locator('slotkit-slot-picker');
        await picker.locator('[part~="timezone-button"]').click();
        const search = picker.locator('[part~="timezone-search"]');
        await search.waitFor();
        await expectSoon(async () => {
          const button = await picker.locator('[part~="timezone-button"]').boundingBox();
          const panel = await picker.locator('[part~="popover"]').boundingBox();
          if (!button || !panel) return false;
          // Anchored to its button: right below it, or flipped right above it.
          const below = Math.abs(panel.y - (button.y + button.height)) <= 8;
          const above = Math.abs(panel.y + panel.height - button.y) <= 8;
          return below || above;
        });
        // Fetched on idle after the first render, so the first open does not wait for it.
        assert.ok(
          await page.evaluate(() =>
            performance
              .getEntriesByType('resource')
              .some((entry) => /\/embed\/floating-entry-[\w-]+\.js$/.test(entry.name)),
          ),
          'embed/floating-entry-*.js was loaded',
        );
        await search.press('Escape');
        const state = await bookFirstSlot(widget, {
          name: 'Marty McFly',
          email: 'marty@example.test',
        });
        assert.equal(state, 'confirmed');

        // The policy is in force and violations are seen: an inline <style> is refused.
        assert.equal(problems.length, 0, JSON.stringify(problems));
        await page.evaluate(() => {
          const style = document.createElement('style');
          style.textContent = 'body { background: rgb(255, 0, 0) }';
          document.head.append(style);
        });
        await expectSoon(() =>
          problems.some((problem) =>
            problem.text.startsWith('[e2e] securitypolicyviolation style-src-elem'),
          ),
        );
        assert.equal(
          await page.evaluate(() => getComputedStyle(document.body).backgroundColor),
          'rgba(0, 0, 0, 0)',
        );
        problems.length = 0;
      },
    );
    const mine = (await listBookings(suite.api!)).filter(
      (booking) => booking.customers[0]?.email === 'marty@example.test',
    );
    assert.deepEqual(
      mine.map((booking) => [booking.project_id, booking.state]),
      [['proj_barber', 'confirmed']],
    );
  });

  test('aggressive-css.html: every control stays visible and clickable, and a booking completes', async () => {
    await visit(
      suite.browser!,
      url('aggressive-css.html'),
      { screenshot: 'aggressive-css' },
      async ({ page }) => {
        const widget = await widgetIn(page, '#booking');
        await heading(widget).filter({ hasText: 'Choose a time' }).waitFor();
        // The page's `button { display: none !important }` really does hide its own button.
        assert.equal(await page.locator('body > button').isVisible(), false);
        // Real clicks: Playwright waits for each control to be visible, stable, enabled and
        // the topmost element at its centre.
        const state = await bookFirstSlot(widget, {
          name: 'Marty McFly',
          email: 'marty@example.test',
        });
        assert.equal(state, 'confirmed');
        for (const button of await widget.locator('.actions button').all()) {
          assert.ok(await button.isVisible(), 'result actions shown');
        }
      },
    );
  });

  test("aggressive-css.html: the page's inherited text styles stop at the widget", async () => {
    await visit(
      suite.browser!,
      url('aggressive-css.html'),
      { screenshot: 'aggressive-css-text' },
      async ({ page }) => {
        const widget = await widgetIn(page, '#booking');
        await heading(widget).filter({ hasText: 'Choose a time' }).waitFor();
        const text = (selector: string) =>
          widget
            .locator(selector)
            .first()
            .evaluate((element) => {
              const style = getComputedStyle(element);
              return {
                color: style.color,
                fontFamily: style.fontFamily,
                textTransform: style.textTransform,
                letterSpacing: style.letterSpacing,
                rightAligned: style.textAlign === 'right',
              };
            });
        const clean = {
          color: 'rgb(31, 41, 55)', // --slotkit-color-text's default
          fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
          textTransform: 'none',
          letterSpacing: 'normal',
          rightAligned: false,
        };
        // The slot picker's own text is clean: the page's rules cannot reach into the
        // widget's shadow root. The widget's own text inherits from its host element, where the
        // page's `*` rules beat the element's `:host` rules.
        assert.deepEqual(await text('slotkit-slot-picker [part~="month-heading"]'), clean);
        assert.deepEqual(await text('[data-step-heading]'), clean, 'the step heading');
      },
    );
  });
});
