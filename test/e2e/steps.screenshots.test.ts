/**
 * Every step a visitor sees, in English, Swedish (long words), Arabic and Japanese, at a phone's
 * and a desktop's width:
 * test-results/steps/<step>-<locale>-<width>.png (git-ignored), for a person to look at. Each
 * step also asserts what a visitor would notice: its heading is shown, neither the page nor
 * anything inside the widget scrolls sideways or is clipped, the widget runs right to left in Arabic, and nothing was logged as an error; the
 * details and the result also check the layout a visitor reads (facts listed, inputs at a
 * readable measure, Book and Back on one row, the success mark, the reference under its label).
 * Steps are found by their elements and parts, never by English wording, so a reworded
 * heading does not break the walk. One browser, one page per locale, resized for each width.
 * Run: node --import tsx --test test/e2e/steps.screenshots.test.ts
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test, type TestContext } from 'node:test';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import {
  KEYS,
  ROOT,
  buildEmbed,
  heading,
  launchBrowser,
  startApi,
  startSite,
  widgetIn,
  type Api,
  type Site,
} from './embed-harness.ts';

const OUT = join(ROOT, 'test-results/steps');
const LOCALES = ['en', 'sv', 'ar', 'ja'];
const WIDTHS = [320, 1280];
const VISITOR = { name: 'Ada Lovelace', email: 'ada@example.com' };

/** Where a control is on the page (it must be visible). */
async function box(locator: Locator) {
  const found = await locator.boundingBox();
  assert.ok(found, 'the element is shown');
  return found;
}

/**
 * Elements inside the widget (through every shadow root) whose content is wider than they are,
 * or that stick out of the widget on either side: a visitor would see it clipped or scrolling.
 */
function sidewaysProblems(host: Element): string[] {
  const box = host.getBoundingClientRect();
  const problems: string[] = [];
  // A loop, not a nested function: tsx names nested functions with a helper the page lacks.
  const roots: ShadowRoot[] = [host.shadowRoot!];
  for (let root = roots.pop(); root; root = roots.pop()) {
    for (const element of root.querySelectorAll('*')) {
      if (element.shadowRoot) roots.push(element.shadowRoot);
      // Text for screen readers only is clipped to 1 px on purpose.
      if (element.closest('.visually-hidden')) continue;
      // The zone chooser's panel is position: fixed in the top layer, placed against the viewport.
      if (getComputedStyle(element).position === 'fixed') continue;
      const rect = element.getBoundingClientRect();
      if (rect.width === 0 && rect.height === 0) continue;
      const name = `<${element.localName} class="${element.getAttribute('class') ?? ''}">`;
      if (rect.left < box.left - 0.5 || rect.right > box.right + 0.5) {
        problems.push(`${name} spans ${rect.left.toFixed(1)}-${rect.right.toFixed(1)}`);
      }
      if (element.clientWidth > 0 && element.scrollWidth > element.clientWidth + 1) {
        problems.push(`${name} is ${element.scrollWidth} px wide in ${element.clientWidth}`);
      }
    }
  }
  return problems;
}

let browser: Browser | undefined;
let api: Api | undefined;
let site: Site | undefined;

before(async () => {
  const [bundle, startedApi, launched] = await Promise.all([
    buildEmbed(),
    startApi(),
    launchBrowser(),
  ]);
  api = startedApi;
  browser = launched;
  site = await startSite({ bundle, apiOrigin: api.origin });
  mkdirSync(OUT, { recursive: true });
});
after(async () => {
  await browser?.close();
  await site?.close();
  await api?.close();
});

/** Mounts the script tag on a blank page, as a site would, and returns the widget. */
async function mount(page: Page, appKey: string, projectId: string, locale: string) {
  await page.goto(`${site!.origin}/blank.html`);
  await page.evaluate(
    ({ appKey, projectId, locale, baseUrl }) => {
      const script = document.createElement('script');
      script.src = '/slotkit.iife.js';
      Object.assign(script.dataset, { appKey, projectId, locale, baseUrl, target: '#booking' });
      document.head.append(script);
    },
    { appKey, projectId, locale, baseUrl: `${api!.origin}/v2` },
  );
  return widgetIn(page, '#booking');
}

for (const locale of LOCALES) {
  // One walk per locale; each step is looked at in every width by resizing the page, as a
  // visitor turning a tablet would: half the walks, the same photographs and checks.
  describe(`the steps in ${locale}`, () => {
    let context: BrowserContext;
    let page: Page;
    let widget: Locator;
    const problems: string[] = [];

    before(async () => {
      await api!.reset();
      context = await browser!.newContext({
        locale,
        timezoneId: 'America/New_York',
        viewport: { width: WIDTHS[0]!, height: 900 },
        // Skeletons hold still: what is photographed is what was asserted.
        reducedMotion: 'reduce',
      });
      page = await context.newPage();
      page.setDefaultTimeout(10_000);
      page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning') {
          problems.push(`${message.type()}: ${message.text()}`);
        }
      });
      page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
      widget = await mount(page, KEYS.barber, 'proj_barber', locale);
    });
    after(() => context?.close());

    /**
     * Reaches the step once (at the first width), then in each width, as a subtest: what every
     * step must show, the step's own `look`, and its picture (taken even when one failed).
     */
    async function check(
      t: TestContext,
      step: string,
      reached: () => Promise<unknown>,
      look: (width: number) => Promise<unknown> = async () => {},
    ): Promise<void> {
      await page.setViewportSize({ width: WIDTHS[0]!, height: 900 });
      await reached();
      for (const width of WIDTHS) {
        await t.test(`${width} px`, async () => {
          await page.setViewportSize({ width, height: 900 });
          try {
            const title = heading(widget);
            await title.waitFor({ state: 'visible' });
            assert.notEqual((await title.innerText()).trim(), '', `${step}: the heading is empty`);
            const section = widget.locator('section.widget');
            assert.equal(await section.getAttribute('dir'), locale === 'ar' ? 'rtl' : 'ltr');
            assert.equal(await section.getAttribute('lang'), locale);
            const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
            assert.ok(scrollWidth <= width, `${step}: the page scrolls sideways (${scrollWidth})`);
            assert.deepEqual(await widget.evaluate(sidewaysProblems), [], `${step}: clipped`);
            await look(width);
            assert.deepEqual(problems, [], `${step}: the page reported problems`);
          } finally {
            // As tall as the page rather than fullPage: content-visibility: auto leaves what is
            // below the viewport unpainted in a full-page capture.
            const height = await page.evaluate(() => document.documentElement.scrollHeight);
            await page.setViewportSize({ width, height: Math.max(900, height) });
            await page.screenshot({ path: join(OUT, `${step}-${locale}-${width}.png`) });
          }
        });
      }
    }

    const picker = () => widget.locator('slotkit-slot-picker');
    const form = () => widget.locator('slotkit-customer-form');
    const result = () => widget.locator('[part="result"]');

    test('choose: the calendar and a day’s times', (t) =>
      check(t, 'choose', async () => {
        await picker().locator('[role="grid"] td[aria-disabled="false"]').first().click();
        await picker().locator('[role="listbox"] [role="option"]').first().waitFor();
      }));

    test('details: the form with the chosen time', (t) =>
      check(
        t,
        'details',
        async () => {
          await picker().locator('[role="listbox"] [role="option"]').first().click();
          await form().locator('[name="email"]').waitFor();
        },
        async () => {
          // The summary's facts are a list (each said on its own), not words run together.
          const facts = widget.locator('[part="summary"] li');
          assert.ok((await facts.count()) >= 2, 'the summary lists its facts');
          // Inputs at a readable measure, not a desktop's full width.
          const input = await box(form().locator('[name="email"]'));
          assert.ok(input.width <= 34 * 16 + 1, `the e-mail input is ${input.width} px wide`);
          // Book and Back on one row (at 320 px too), Book first in reading order.
          const book = await box(form().locator('[part~="submit"]'));
          const back = await box(form().locator('[slot="actions"]'));
          assert.equal(Math.round(back.y), Math.round(book.y), 'Book and Back share a row');
          const bookFirst = locale === 'ar' ? back.x < book.x : book.x < back.x;
          assert.ok(bookFirst, 'Book comes first in the reading direction');
        },
      ));

    test('result: after booking', (t) =>
      check(
        t,
        'result',
        async () => {
          await form().locator('[name="name"]').fill(VISITOR.name);
          await form().locator('[name="email"]').fill(VISITOR.email);
          await form().locator('[part~="submit"]').click();
          await result().waitFor();
        },
        async () => {
          // The success mark sits beside the heading and is hidden from screen readers.
          const mark = widget.locator('.mark');
          assert.equal(await mark.getAttribute('aria-hidden'), 'true');
          const [markBox, titleBox] = [await box(mark), await box(heading(widget))];
          assert.ok(
            markBox.y < titleBox.y + titleBox.height && titleBox.y < markBox.y + markBox.height,
            'the mark is on the line of the heading',
          );
          // The reference under its label, in at most two lines (it broke over five beside it).
          const label = await box(result().locator('dt').first());
          const reference = await box(result().locator('[data-reference]'));
          assert.ok(reference.y >= label.y + label.height, 'the reference is under its label');
          const lineHeight = await result()
            .locator('[data-reference]')
            .evaluate((element) => parseFloat(getComputedStyle(element).lineHeight));
          assert.ok(
            reference.height <= lineHeight * 2 + 1,
            `reference ${reference.height} px tall`,
          );
        },
      ));

    test('manage: the booking, its change and cancel actions', (t) => {
      let before = '';
      return check(
        t,
        'manage',
        async () => {
          // The result's first action opens the manage view when the booking can be changed.
          before = await heading(widget).innerText();
          await widget.locator('.actions [part~="button"]').first().click();
          await result().waitFor({ state: 'detached' });
          await widget.locator('.summary').first().waitFor();
        },
        async (width) => {
          assert.notEqual(await heading(widget).innerText(), before, 'manage has its own heading');
          // Change time and Cancel booking on one row where they fit (at 320 px they stack).
          const move = await box(widget.locator('.manage-actions > [part~="button"]'));
          const cancel = await box(widget.locator('.cancel-details > summary'));
          if (width >= 1280) {
            assert.equal(Math.round(cancel.y), Math.round(move.y), 'Change and Cancel share a row');
          }
        },
      );
    });

    test('cancel: the opened cancel form', (t) =>
      check(
        t,
        'cancel',
        async () => {
          const closed = await box(widget.locator('.cancel-details > summary'));
          await widget.locator('.cancel-details > summary').click();
          await widget.locator('form.cancel textarea').waitFor();
          // Cancel booking stays where it was clicked; the form opens on a row under it.
          const summary = await box(widget.locator('.cancel-details > summary'));
          assert.deepEqual(
            [Math.round(summary.x), Math.round(summary.y)],
            [Math.round(closed.x), Math.round(closed.y)],
            'Cancel booking did not move',
          );
        },
        async () => {
          const summary = await box(widget.locator('.cancel-details > summary'));
          const form = await box(widget.locator('form.cancel'));
          assert.ok(form.y >= summary.y + summary.height, 'the form is under Cancel booking');
          assert.ok(form.width <= 34 * 16 + 1, `the cancel form is ${form.width} px wide`);
        },
      ));

    test('classes: the class list', (t) =>
      check(t, 'classes', async () => {
        widget = await mount(page, KEYS.yoga, 'proj_yoga', locale);
        await widget.locator('slotkit-class-list [part~="book-button"]').first().waitFor();
      }));
  });
}
