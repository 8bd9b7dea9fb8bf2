/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Group } from '../../schemas/booking.ts';
import type { SlotkitClassList } from './class-list.ts';
import { classGroup, DAY, mountList, titles } from './class-list.fixture.ts';

/**
 * Issue 12: a term of classes makes a long date strip; it pages by week with previous/next
 * buttons that are labelled, keyboard usable, unavailable at the ends and announced.
 */

const group = (id: string, start: string) =>
  classGroup({ id, start, what: `Yoga ${id}`, maxSeats: 10, seatsLeft: 8 });

/** A class every other day at 08:00 UTC from Monday 23 November: 10 days over three weeks. */
const term = (): Group[] =>
  Array.from({ length: 10 }, (_, index) =>
    group(
      `c${index}`,
      new Date(Date.parse('2026-11-23T08:00:00Z') + index * 2 * DAY).toISOString(),
    ),
  );

const list = (groups: Group[], theme?: 'light' | 'dark') =>
  mountList(groups, { theme: theme ?? 'light' });

const $ = <T extends Element = HTMLElement>(el: SlotkitClassList, selector: string): T | null =>
  el.shadowRoot!.querySelector<T>(selector);
const shownDays = (el: SlotkitClassList) =>
  [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="date-button"]')]
    .map((button) => button.dataset.day)
    .filter(Boolean);
const status = (el: SlotkitClassList) =>
  $(el, '[role="status"]')!.textContent!.replace(/\s+/g, ' ').trim();

describe('<slotkit-class-list> date strip by week', function () {
  this.timeout(20_000);
  it('a short strip has no week buttons', async () => {
    const el = await list(term().slice(0, 4));
    expect($(el, '[part="week-button"]')).to.equal(null);
    expect(shownDays(el)).to.have.length(4);
  });

  it('pages by week with labelled buttons, by keyboard, unavailable at the ends, announced', async () => {
    const el = await list(term());
    const previous = $<HTMLButtonElement>(el, '[data-week="previous"]')!;
    const next = $<HTMLButtonElement>(el, '[data-week="next"]')!;
    expect(previous.getAttribute('aria-label')).to.equal('Previous week');
    expect(next.getAttribute('aria-label')).to.equal('Next week');
    // Weeks start on Monday in en-GB: 23, 25, 27, 29 November first.
    expect(shownDays(el)).to.deep.equal(['2026-11-23', '2026-11-25', '2026-11-27', '2026-11-29']);
    expect(previous.getAttribute('aria-disabled')).to.equal('true');
    expect(next.getAttribute('aria-disabled')).to.equal('false');
    await expect(el).to.be.accessible();

    // Tab from the strip (one stop) to "Next week"; Enter and Space page forward.
    $<HTMLButtonElement>(el, '[part~="date-button"][tabindex="0"]')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(next);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(shownDays(el)).to.deep.equal(['2026-12-01', '2026-12-03', '2026-12-05']);
    expect(status(el)).to.equal('Days 30 Nov – 6 Dec');
    await sendKeys({ press: ' ' });
    await el.updateComplete;
    expect(shownDays(el)).to.deep.equal(['2026-12-07', '2026-12-09', '2026-12-11']);
    // The last week: "Next week" says it is unavailable, keeps focus and does nothing.
    expect(next.getAttribute('aria-disabled')).to.equal('true');
    expect(el.shadowRoot!.activeElement).to.equal(next);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(shownDays(el)).to.deep.equal(['2026-12-07', '2026-12-09', '2026-12-11']);
    for (const theme of ['light', 'dark']) {
      el.setAttribute('theme', theme);
      await el.updateComplete;
      await expect(el).to.be.accessible();
    }

    // Back to the strip: "All days" is the tab stop (no day of this week is chosen) and the
    // arrows choose this week's days.
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    const all = el.shadowRoot!.activeElement as HTMLElement;
    expect(all.dataset.day).to.equal('');
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect((el.shadowRoot!.activeElement as HTMLElement).dataset.day).to.equal('2026-12-07');
    expect(titles(el)).to.deep.equal(['Yoga c7']);

    // Previous week from the keyboard: Shift+Tab to it, Enter.
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(el.shadowRoot!.activeElement).to.equal(previous);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(shownDays(el)).to.deep.equal(['2026-12-01', '2026-12-03', '2026-12-05']);
    // The chosen day is in another week now: the list still shows it; "All days" takes the stop.
    expect(titles(el)).to.deep.equal(['Yoga c7']);
    expect($(el, '[part~="date-button"][tabindex="0"]')!.dataset.day).to.equal('');
  });

  it('right to left, "Previous week" is at the right and its arrow points right', async () => {
    const el = await mountList(term(), { locale: 'ar' });
    for (let wait = 0; wait < 50 && $(el, '[part="base"]')!.dir !== 'rtl'; wait++) {
      await new Promise((done) => setTimeout(done, 20));
      await el.updateComplete;
    }
    const previous = $(el, '[data-week="previous"]')!;
    const next = $(el, '[data-week="next"]')!;
    expect(previous.getBoundingClientRect().left).to.be.greaterThan(
      next.getBoundingClientRect().left,
    );
    expect(previous.textContent!.trim()).to.equal('\u203a');
    await expect(el).to.be.accessible();
  });
});
