import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { DEMO_KEYS, ManualClock } from '../../engine/index.ts';
import { startMockWorker } from '../../mock/browser.ts';
import type { SlotkitWidget } from './widget.ts';
import '../define-all.ts';
import { inner, until } from '../../../test/browser/shadow-helpers.ts';

/**
 * Issue 12: a zone the visitor picks in the class list is the widget's zone from then on, as a
 * zone picked in the time picker is: the summary and the result name it.
 */

const NOW = '2026-11-26T12:00:00Z';
let mock: Awaited<ReturnType<typeof startMockWorker>>;
const clock = new ManualClock(NOW);

before(async () => {
  mock = await startMockWorker({ clock, seed: 'demo' });
});
after(() => mock.worker.stop());
beforeEach(() => {
  clock.set(Date.parse(NOW));
  mock.api.reset('demo');
  mock.worker.resetHandlers();
});

const heading = (widget: SlotkitWidget) =>
  inner(widget, '[data-step-heading]')?.textContent?.trim() ?? '';

/** "Japan Standard Time" as this browser's Intl says it, so the test does not pin ICU's words. */
const tokyoName = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Tokyo',
  timeZoneName: 'long',
})
  .formatToParts(Date.parse(NOW))
  .find((part) => part.type === 'timeZoneName')!.value;

describe('<slotkit-widget> keeps the zone chosen in the class list', function () {
  this.timeout(20_000);
  it('the details summary and the result show the zone the visitor picked', async () => {
    const widget = await fixture<SlotkitWidget>(
      html`<slotkit-widget
        app-key=${DEMO_KEYS.yoga}
        project-id="proj_yoga"
        time-zone="America/New_York"
        locale="en-GB"
      ></slotkit-widget>`,
    );
    const list = await until(() => {
      const element = inner(widget, 'slotkit-class-list');
      return element && inner(element, '[part~="book-button"]:not([disabled])') ? element : null;
    }, 'bookable classes listed');
    inner<HTMLButtonElement>(list, '#tz-trigger')!.click();
    const search = await until(() => inner<HTMLInputElement>(list, '#tz-input'), 'zone search');
    search.focus();
    await sendKeys({ type: 'Tokyo' });
    await sendKeys({ press: 'Enter' });
    // A new zone refetches the classes; a long list paints its rows a frame after its controls,
    // so the zone label can be on screen before the book buttons are.
    const book = await until(
      () =>
        inner(list, '[part="zone"]')?.textContent?.includes(tokyoName) &&
        inner<HTMLButtonElement>(list, '[part~="book-button"]:not([disabled])'),
      'the list shows Tokyo time and bookable classes',
    );
    book.click();
    await until(() => heading(widget) === 'Your details', 'details step');
    // The summary is the details step's own part, painted with it or a frame after its heading.
    const summary = await until(() => inner(widget, '[part="summary"]'), 'the summary');
    expect(summary.textContent).to.include(tokyoName);
    expect(summary.textContent).not.to.include('Eastern');
    await expect(widget).to.be.accessible();
  });
});
