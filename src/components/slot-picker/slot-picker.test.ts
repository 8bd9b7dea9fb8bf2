/// <reference types="mocha" />
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import {
  DateSelectEvent,
  MonthChangeEvent,
  RetryEvent,
  SlotSelectEvent,
  TimeZoneChangeEvent,
} from '../../events.ts';
import { detectTimeZone } from '../../lib/time/format.ts';
import type { AvailableSlot } from '../../schemas/availability.ts';
import '../define-all.ts';
import type { SlotkitSlotPicker } from './slot-picker.ts';

// Monday 4 January 2027, noon UTC: January 2027 is the current month, so it is also `minMonth`.
const NOW = (): number => Date.UTC(2027, 0, 4, 12);
const DATES = ['2027-01-12', '2027-01-14', '2027-01-20'];

const slot = (start: string, minutes = 60): AvailableSlot => ({
  start,
  end: new Date(Date.parse(start) + minutes * 60_000).toISOString(),
  resources: [{ id: 'r1', name: 'Anna', timezone: 'Europe/Copenhagen' }],
});

// 12 January in Copenhagen (UTC+1 in winter): 09:00, 13:00, 17:00; one more on the 14th.
const SLOTS = [
  slot('2027-01-12T08:00:00Z'),
  slot('2027-01-12T12:00:00Z'),
  slot('2027-01-12T16:00:00Z'),
  slot('2027-01-14T09:00:00Z'),
];

function $<T extends Element = HTMLElement>(el: SlotkitSlotPicker, selector: string): T {
  const found = el.shadowRoot!.querySelector<T>(selector);
  if (!found) throw new Error(`No ${selector} in the picker`);
  return found;
}

function $$<T extends Element = HTMLElement>(el: SlotkitSlotPicker, selector: string): T[] {
  return [...el.shadowRoot!.querySelectorAll<T>(selector)];
}

const focused = (el: SlotkitSlotPicker): HTMLElement | null =>
  el.shadowRoot!.activeElement as HTMLElement | null;

const text = (node: Element | null | undefined): string =>
  (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Every event of a type the picker fires, in order. */
function record<T extends Event>(el: SlotkitSlotPicker, type: string): T[] {
  const seen: T[] = [];
  el.addEventListener(type, (event) => seen.push(event as T));
  return seen;
}

async function press(el: SlotkitSlotPicker, key: string): Promise<void> {
  await sendKeys({ press: key });
  await el.updateComplete;
}

function picker(props: Partial<SlotkitSlotPicker> = {}): Promise<SlotkitSlotPicker> {
  return fixture<SlotkitSlotPicker>(
    html`<slotkit-slot-picker
      locale="en-GB"
      time-zone=${props.timeZone ?? 'Europe/Copenhagen'}
      .now=${NOW}
      .dates=${props.dates ?? DATES}
      .slots=${props.slots ?? []}
      dates-status=${props.datesStatus ?? 'ready'}
      slots-status=${props.slotsStatus ?? 'ready'}
      selected-date=${props.selectedDate ?? ''}
      month=${props.month ?? ''}
      next-available-date=${props.nextAvailableDate ?? ''}
      error-message=${props.errorMessage ?? ''}
    ></slotkit-slot-picker>`,
  );
}

const dayCell = (el: SlotkitSlotPicker, date: string): HTMLElement =>
  $(el, `[data-date="${date}"]`);
const timeTexts = (el: SlotkitSlotPicker): string[] => $$(el, '[role="option"]').map(text);

describe('<slotkit-slot-picker>', () => {
  describe('calendar', () => {
    it('shows the month of the first available date with its days marked', async () => {
      const el = await picker();
      expect(el.month).to.equal('2027-01');
      expect(el.getAttribute('month')).to.equal('2027-01');
      const grid = $(el, '[role="grid"]');
      expect(text($(el, `#${grid.getAttribute('aria-labelledby')}`))).to.equal('January 2027');
      expect($$(el, 'td[data-date]')).to.have.length(31);

      const available = $$(el, 'td[aria-disabled="false"]').map((cell) => cell.dataset.date);
      expect(available).to.deep.equal(DATES);
      expect(dayCell(el, '2027-01-12').getAttribute('aria-label')).to.equal(
        'Tuesday, 12 January 2027, available',
      );
      expect(dayCell(el, '2027-01-13').getAttribute('aria-label')).to.equal(
        'Wednesday, 13 January 2027, no times',
      );
      expect(dayCell(el, '2027-01-12').part.contains('day-available')).to.equal(true);
      expect(dayCell(el, '2027-01-04').getAttribute('aria-current')).to.equal('date');
      expect(el.matches(':state(available)')).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('has one tab stop, on the first available day', async () => {
      const el = await picker();
      const stops = $$(el, 'td[tabindex="0"]');
      expect(stops.map((cell) => cell.dataset.date)).to.deep.equal(['2027-01-12']);
    });

    it('starts the week as the locale does', async () => {
      const el = await picker();
      expect(text($$(el, 'th')[0])).to.contain('Monday');
      el.locale = 'en-US';
      await el.updateComplete;
      expect(text($$(el, 'th')[0])).to.contain('Sunday');
      // 1 January 2027 is a Friday: five blank cells before it when weeks start on Sunday.
      expect($$(el, 'tbody tr')[0]!.querySelectorAll('td:not([data-date])')).to.have.length(5);
    });

    it('moves by day, week, week edge and month with the keyboard', async () => {
      const el = await picker();
      const months = record<MonthChangeEvent>(el, MonthChangeEvent.type);
      dayCell(el, '2027-01-12').focus();
      const at = () => focused(el)?.dataset.date;

      await press(el, 'ArrowRight');
      expect(at()).to.equal('2027-01-13');
      await press(el, 'ArrowDown');
      expect(at()).to.equal('2027-01-20');
      await press(el, 'ArrowLeft');
      expect(at()).to.equal('2027-01-19');
      await press(el, 'ArrowUp');
      expect(at()).to.equal('2027-01-12');
      await press(el, 'Home');
      expect(at()).to.equal('2027-01-11'); // Monday
      await press(el, 'End');
      expect(at()).to.equal('2027-01-17'); // Sunday
      expect(months).to.have.length(0);
      expect($$(el, 'td[tabindex="0"]')).to.have.length(1);

      await press(el, 'PageDown');
      expect(at()).to.equal('2027-02-17');
      expect(el.month).to.equal('2027-02');
      expect(months.map((event) => event.detail.month)).to.deep.equal(['2027-02']);
      expect(text($(el, '#month-heading'))).to.equal('February 2027');

      await press(el, 'PageUp');
      expect(at()).to.equal('2027-01-17');
      expect(months.map((event) => event.detail.month)).to.deep.equal(['2027-02', '2027-01']);
    });

    it('crosses into the next month with the arrows, but not before min-month', async () => {
      const el = await picker();
      const months = record<MonthChangeEvent>(el, MonthChangeEvent.type);
      dayCell(el, '2027-01-01').focus();
      await press(el, 'ArrowLeft');
      expect(focused(el)?.dataset.date).to.equal('2027-01-01');
      await press(el, 'PageUp');
      expect(el.month).to.equal('2027-01');
      expect($(el, '[part~="prev-button"]').getAttribute('aria-disabled')).to.equal('true');

      dayCell(el, '2027-01-31').focus();
      await press(el, 'ArrowRight');
      expect(focused(el)?.dataset.date).to.equal('2027-02-01');
      expect(months.map((event) => event.detail.month)).to.deep.equal(['2027-02']);
    });

    it('keeps focus in the grid while the next month loads', async () => {
      const el = await picker();
      // A typical owner: show the skeleton at once, then the new month's days.
      el.addEventListener(MonthChangeEvent.type, () => {
        el.datesStatus = 'loading';
        el.dates = [];
      });
      dayCell(el, '2027-01-12').focus();
      await press(el, 'PageDown');
      expect(focused(el)?.dataset.date).to.equal('2027-02-12');
      expect($(el, '[role="grid"]').getAttribute('aria-busy')).to.equal('true');

      el.dates = ['2027-02-03'];
      el.datesStatus = 'ready';
      await el.updateComplete;
      // The visitor is in the grid: the tab stop stays where they are.
      expect(focused(el)?.dataset.date).to.equal('2027-02-12');
      expect(dayCell(el, '2027-02-03').getAttribute('aria-disabled')).to.equal('false');
    });

    it('moves the tab stop to the first available day when days arrive', async () => {
      const el = await picker({ dates: [], month: '2027-02' });
      expect($(el, 'td[tabindex="0"]').dataset.date).to.equal('2027-02-01');
      el.dates = ['2027-02-09', '2027-02-03'];
      await el.updateComplete;
      expect($(el, 'td[tabindex="0"]').dataset.date).to.equal('2027-02-03');
    });

    it('selects an available day with Enter or Space, and ignores days without times', async () => {
      const el = await picker();
      const selections = record<DateSelectEvent>(el, DateSelectEvent.type);
      dayCell(el, '2027-01-13').focus();
      await press(el, 'Enter');
      expect(selections).to.have.length(0);

      await press(el, 'ArrowLeft');
      await press(el, 'Enter');
      expect(selections.map((event) => event.detail.date)).to.deep.equal(['2027-01-12']);
      expect(el.selectedDate).to.equal('2027-01-12');
      expect(dayCell(el, '2027-01-12').getAttribute('aria-selected')).to.equal('true');

      await press(el, 'ArrowRight');
      await press(el, 'ArrowRight');
      await press(el, 'Space');
      expect(selections.map((event) => event.detail.date)).to.deep.equal([
        '2027-01-12',
        '2027-01-14',
      ]);
      expect(dayCell(el, '2027-01-12').getAttribute('aria-selected')).to.equal('false');
      expect(text($(el, '#times-heading'))).to.equal('Times on Thursday 14 January');
    });

    it('changes month with the buttons and fires MonthChangeEvent', async () => {
      const el = await picker();
      const months = record<MonthChangeEvent>(el, MonthChangeEvent.type);
      $(el, '[part~="next-button"]').click();
      await el.updateComplete;
      expect(el.month).to.equal('2027-02');
      $(el, '[part~="prev-button"]').click();
      await el.updateComplete;
      $(el, '[part~="prev-button"]').click(); // already at min-month: nothing
      await el.updateComplete;
      expect(months.map((event) => event.detail.month)).to.deep.equal(['2027-02', '2027-01']);
      expect(el.month).to.equal('2027-01');
    });

    it('mirrors the horizontal arrows right to left', async () => {
      // The direction is the catalogue's (Arabic), once it has loaded, whatever the page's.
      const el = await fixture<SlotkitSlotPicker>(
        html`<slotkit-slot-picker
          locale="ar"
          time-zone="Europe/Copenhagen"
          .now=${NOW}
          .dates=${DATES}
        ></slotkit-slot-picker>`,
      );
      await waitUntil(() => $(el, '[part~="base"]').getAttribute('dir') === 'rtl', 'Arabic loaded');
      dayCell(el, '2027-01-12').focus();
      await press(el, 'ArrowLeft');
      expect(focused(el)?.dataset.date).to.equal('2027-01-13');
    });
  });

  describe('times', () => {
    it('lists only the selected day, in the chosen zone, as a listbox', async () => {
      const el = await picker({ slots: SLOTS, selectedDate: '2027-01-12' });
      expect(text($(el, '#times-heading'))).to.equal('Times on Tuesday 12 January');
      const listbox = $(el, '[role="listbox"]');
      expect(listbox.getAttribute('aria-labelledby')).to.equal('times-heading');
      expect(timeTexts(el)).to.deep.equal(['09:00', '13:00', '17:00']);
      expect($$(el, '[role="option"][tabindex="0"]')).to.have.length(1);
      await expect(el).to.be.accessible();
    });

    it('shows a 16:00Z slot at 17:00 in Copenhagen and 08:00 in Los Angeles', async () => {
      const winter = [slot('2027-01-12T16:00:00Z')];
      const el = await picker({ slots: winter, selectedDate: '2027-01-12' });
      expect(timeTexts(el)).to.deep.equal(['17:00']);

      el.timeZone = 'America/Los_Angeles';
      await el.updateComplete;
      expect(timeTexts(el)).to.deep.equal(['08:00']);

      el.locale = 'en-US';
      await el.updateComplete;
      expect(timeTexts(el)[0]).to.match(/^8:00\sAM$/);
    });

    it('places a slot on the day it starts in the zone', async () => {
      // 02:00Z on the 13th is 03:00 on the 13th in Copenhagen but 18:00 on the 12th in LA.
      const late = [slot('2027-01-12T16:00:00Z'), slot('2027-01-13T02:00:00Z')];
      const el = await picker({ slots: late, selectedDate: '2027-01-12' });
      expect(timeTexts(el)).to.deep.equal(['17:00']);
      el.timeZone = 'America/Los_Angeles';
      await el.updateComplete;
      expect(timeTexts(el)).to.deep.equal(['08:00', '18:00']);
    });

    it('moves through the times with the keyboard and selects with Enter and Space', async () => {
      const el = await picker({ slots: SLOTS, selectedDate: '2027-01-12' });
      const selections = record<SlotSelectEvent>(el, SlotSelectEvent.type);
      $(el, '[role="option"][tabindex="0"]').focus();
      const at = () => text(focused(el));

      await press(el, 'ArrowDown');
      expect(at()).to.equal('13:00');
      await press(el, 'End');
      expect(at()).to.equal('17:00');
      await press(el, 'ArrowDown'); // stays on the last
      expect(at()).to.equal('17:00');
      await press(el, 'Home');
      expect(at()).to.equal('09:00');
      await press(el, 'ArrowRight');
      expect(at()).to.equal('13:00');
      expect($$(el, '[role="option"][tabindex="0"]')).to.have.length(1);

      await press(el, 'Enter');
      expect(selections).to.have.length(1);
      expect(selections[0]!.detail.slot).to.equal(SLOTS[1]);
      expect(selections[0]!.cancelable).to.equal(true);
      expect(el.selectedSlot).to.equal(SLOTS[1]!.start);
      const selected = $$(el, '[role="option"][aria-selected="true"]');
      expect(selected.map(text)).to.deep.equal(['13:00']);
      expect(selected[0]!.part.contains('time-selected')).to.equal(true);
      expect(el.matches(':state(selected)')).to.equal(true);

      await press(el, 'ArrowUp');
      await press(el, 'Space');
      expect(selections[1]!.detail.slot).to.equal(SLOTS[0]);
      expect($$(el, '[role="option"][aria-selected="true"]').map(text)).to.deep.equal(['09:00']);
      await expect(el).to.be.accessible();
    });

    it('selects a time on click', async () => {
      const el = await picker({ slots: SLOTS, selectedDate: '2027-01-12' });
      const selections = record<SlotSelectEvent>(el, SlotSelectEvent.type);
      $$(el, '[role="option"]')[2]!.click();
      await el.updateComplete;
      expect(selections[0]!.detail.slot).to.equal(SLOTS[2]);
      expect(el.selectedSlot).to.equal(SLOTS[2]!.start);
    });

    it('selects nothing when SlotSelectEvent is cancelled', async () => {
      const el = await picker({ slots: SLOTS, selectedDate: '2027-01-12' });
      el.addEventListener(SlotSelectEvent.type, (event) => event.preventDefault());
      $(el, '[role="option"][tabindex="0"]').focus();
      await press(el, 'Enter');
      expect(el.selectedSlot).to.equal('');
      expect($$(el, '[role="option"][aria-selected="true"]')).to.have.length(0);
      expect(el.matches(':state(selected)')).to.equal(false);
    });

    it('announces how many times arrived for the day', async () => {
      const el = await picker({ selectedDate: '2027-01-12', slotsStatus: 'loading' });
      el.slots = SLOTS;
      el.slotsStatus = 'ready';
      await el.updateComplete;
      expect(text($(el, '[role="status"]'))).to.equal('3 times available on Tuesday 12 January.');
    });
  });

  describe('loading, error and empty states', () => {
    it('shows a skeleton grid while the days load', async () => {
      const el = await picker({ datesStatus: 'loading' });
      const grid = $(el, '[role="grid"]');
      expect(grid.getAttribute('aria-busy')).to.equal('true');
      expect($$(el, '[part~="day-loading"]')).to.have.length(31);
      expect($$(el, '[part~="day-available"]')).to.have.length(0);
      expect(dayCell(el, '2027-01-12').getAttribute('aria-label')).to.equal(
        'Tuesday, 12 January 2027',
      );
      expect(el.matches(':state(loading)')).to.equal(true);
      // Nothing can be chosen before we know what is available.
      const selections = record<DateSelectEvent>(el, DateSelectEvent.type);
      dayCell(el, '2027-01-12').focus();
      await press(el, 'Enter');
      expect(selections).to.have.length(0);
      await expect(el).to.be.accessible();
    });

    it('shows a skeleton list while the times load', async () => {
      const el = await picker({ selectedDate: '2027-01-12', slotsStatus: 'loading' });
      expect($$(el, '[part~="skeleton"]').length).to.be.greaterThan(0);
      expect(el.shadowRoot!.querySelector('[role="listbox"]')).to.equal(null);
      expect(text($(el, '.times-panel'))).to.contain('Loading times');
      await expect(el).to.be.accessible();
    });

    // A full day: every half hour from 08:00 to 19:30 in Copenhagen, more than the area shows.
    const FULL_DAY = Array.from({ length: 24 }, (_, i) =>
      slot(new Date(Date.UTC(2027, 0, 12, 7) + i * 30 * 60_000).toISOString(), 30),
    );

    for (const width of [320, 900]) {
      it(`at ${width} px the picker keeps its height while times load: nothing below jumps`, async () => {
        const el = await picker({ selectedDate: '2027-01-12', slotsStatus: 'loading' });
        el.style.inlineSize = `${width}px`;
        await el.updateComplete;
        const loading = el.getBoundingClientRect().height;
        expect($$(el, '[part~="skeleton"]').length).to.be.greaterThan(0);
        el.slots = FULL_DAY;
        el.slotsStatus = 'ready';
        await el.updateComplete;
        expect($$(el, '[role="option"]')).to.have.length(24);
        expect(el.getBoundingClientRect().height).to.be.closeTo(loading, 3);
      });

      it(`at ${width} px the picker keeps its height while the days load`, async () => {
        const el = await picker({ datesStatus: 'loading' });
        el.style.inlineSize = `${width}px`;
        await el.updateComplete;
        const loading = el.getBoundingClientRect().height;
        el.datesStatus = 'ready';
        await el.updateComplete;
        expect($$(el, '[part~="day-available"]').length).to.be.greaterThan(0);
        expect(el.getBoundingClientRect().height).to.be.closeTo(loading, 3);
      });
    }

    it('shows the error and fires RetryEvent for the days', async () => {
      const el = await picker({ datesStatus: 'error', errorMessage: 'The calendar is down.' });
      const retries = record<RetryEvent>(el, RetryEvent.type);
      expect(text($(el, '[part~="error"]'))).to.equal('The calendar is down.');
      expect(text($(el, '[role="status"]'))).to.equal('');
      await expect(el).to.be.accessible();
      $(el, '[part~="retry-button"]').click();
      expect(retries.map((event) => event.detail.what)).to.deep.equal(['dates']);
    });

    it('shows the error and fires RetryEvent for the times; focus survives the reload', async () => {
      const el = await picker({ selectedDate: '2027-01-12' });
      el.slotsStatus = 'error';
      await el.updateComplete;
      expect(text($(el, '[role="status"]'))).to.equal('Something went wrong. Please try again.');
      const retries = record<RetryEvent>(el, RetryEvent.type);
      el.addEventListener(RetryEvent.type, () => (el.slotsStatus = 'loading'));
      await expect(el).to.be.accessible();
      const retry = $(el, '[part~="retry-button"]');
      retry.focus();
      await press(el, 'Enter');
      expect(retries.map((event) => event.detail.what)).to.deep.equal(['slots']);
      expect(focused(el)?.id).to.equal('times-heading');
    });

    it('says so when the chosen day has no times', async () => {
      const el = await picker({ slots: SLOTS, selectedDate: '2027-01-20' });
      expect(text($(el, '.times-panel [part~="message"]'))).to.equal(
        'No times left on Wednesday 20 January. Please choose another day.',
      );
      await expect(el).to.be.accessible();
    });

    it('offers the next available date in an empty month and goes there', async () => {
      const el = await picker({ dates: [], month: '2027-02', nextAvailableDate: '2027-03-04' });
      const months = record<MonthChangeEvent>(el, MonthChangeEvent.type);
      const selections = record<DateSelectEvent>(el, DateSelectEvent.type);
      expect(text($(el, '.times-panel [part~="message"]'))).to.equal('No times in February 2027');
      const next = $(el, '[part~="next-available-button"]');
      expect(text(next)).to.equal('Next available: Thursday, 4 March 2027');
      await expect(el).to.be.accessible();

      next.focus();
      await press(el, 'Enter');
      expect(months.map((event) => event.detail.month)).to.deep.equal(['2027-03']);
      expect(selections.map((event) => event.detail.date)).to.deep.equal(['2027-03-04']);
      expect(el.month).to.equal('2027-03');
      expect(el.selectedDate).to.equal('2027-03-04');
      expect(focused(el)?.dataset.date).to.equal('2027-03-04');
    });

    it('says so in an empty month without a next available date', async () => {
      const el = await picker({ dates: [], month: '2027-02' });
      expect(text($(el, '.times-panel [part~="message"]'))).to.equal('No times in February 2027');
      expect(el.shadowRoot!.querySelector('[part~="next-available-button"]')).to.equal(null);
      expect(el.matches(':state(available)')).to.equal(false);
    });
  });

  describe('time zone', () => {
    it('shows the zone on its button', async () => {
      const el = await picker();
      const button = $(el, '[part~="timezone-button"]');
      expect(text(button)).to.match(/^Time zone Copenhagen \(Central European (Standard )?Time\)$/);
      expect(button.getAttribute('aria-expanded')).to.equal('false');
    });

    it('switches zone through the popover with the keyboard alone', async () => {
      const el = await picker({ slots: SLOTS, selectedDate: '2027-01-12' });
      const changes = record<TimeZoneChangeEvent>(el, TimeZoneChangeEvent.type);
      const button = $(el, '[part~="timezone-button"]');
      button.focus();
      await press(el, 'Enter');
      await el.updateComplete;

      const input = $<HTMLInputElement>(el, '[role="combobox"]');
      expect(focused(el)?.id).to.equal(input.id);
      expect(button.getAttribute('aria-expanded')).to.equal('true');
      expect($(el, '[part~="popover"]').matches(':popover-open')).to.equal(true);
      // The current zone leads the unfiltered list, which is capped.
      expect(text($$(el, '#tz-listbox [role="option"]')[0])).to.contain('Copenhagen');
      expect($$(el, '#tz-listbox [role="option"]')).to.have.length(50);
      expect(text($(el, '[part~="timezone-hint"]'))).to.match(/^Showing 50 of \d{3}\./);
      await expect(el).to.be.accessible();

      await sendKeys({ type: 'los ang' });
      await el.updateComplete;
      const options = $$(el, '#tz-listbox [role="option"]');
      expect(text(options[0])).to.contain('Los Angeles');
      expect(input.getAttribute('aria-activedescendant')).to.equal(options[0]!.id);
      await press(el, 'Enter');

      expect(changes.map((event) => event.detail.timeZone)).to.deep.equal(['America/Los_Angeles']);
      expect(el.timeZone).to.equal('America/Los_Angeles');
      expect(focused(el)?.id).to.equal(button.id);
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      expect(text(button)).to.contain('Los Angeles');
      // 08:00Z and 12:00Z on the 12th are 00:00 and 04:00 in LA; 16:00Z is 08:00.
      expect(timeTexts(el)).to.deep.equal(['00:00', '04:00', '08:00']);
      expect(text($(el, '[role="status"]'))).to.match(/^Times are now shown in Los Angeles/);
    });

    it('moves through the zones with the arrow keys', async () => {
      const el = await picker();
      $(el, '[part~="timezone-button"]').click();
      await el.updateComplete;
      await el.updateComplete;
      const input = $<HTMLInputElement>(el, '[role="combobox"]');
      await sendKeys({ type: 'europe' });
      await press(el, 'ArrowDown');
      await press(el, 'ArrowDown');
      await press(el, 'ArrowUp');
      const options = $$(el, '#tz-listbox [role="option"]');
      expect(input.getAttribute('aria-activedescendant')).to.equal(options[1]!.id);
      expect(options[1]!.getAttribute('aria-selected')).to.equal('true');
      expect(
        options.filter((option) => option.getAttribute('aria-selected') === 'true'),
      ).to.have.length(1);
    });

    it('matches the readable zone name, and says when nothing matches', async () => {
      const el = await picker();
      $(el, '[part~="timezone-button"]').click();
      await el.updateComplete;
      await sendKeys({ type: 'central european' });
      await el.updateComplete;
      const ids = $$(el, '#tz-listbox [role="option"]').map(text);
      expect(ids.some((label) => label.startsWith('Copenhagen'))).to.equal(true);
      expect(ids.some((label) => label.startsWith('Paris'))).to.equal(true);

      const input = $<HTMLInputElement>(el, '[role="combobox"]');
      input.value = '';
      await sendKeys({ type: 'zzqx' });
      await el.updateComplete;
      expect(input.getAttribute('aria-expanded')).to.equal('false');
      expect(text($(el, '[part~="timezone-hint"]'))).to.equal('No time zone matches “zzqx”.');
      await expect(el).to.be.accessible();
    });

    it('closes on Escape and on an outside click, without changing the zone', async () => {
      const el = await picker();
      const changes = record<TimeZoneChangeEvent>(el, TimeZoneChangeEvent.type);
      const button = $(el, '[part~="timezone-button"]');
      button.focus();
      await press(el, 'Enter');
      await el.updateComplete;
      await press(el, 'Escape');
      expect(focused(el)?.id).to.equal(button.id);
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      expect(el.shadowRoot!.querySelector('[role="combobox"]')).to.equal(null);

      await press(el, 'Enter');
      await el.updateComplete;
      expect(button.getAttribute('aria-expanded')).to.equal('true');
      document.body.dispatchEvent(
        new PointerEvent('pointerdown', { bubbles: true, composed: true }),
      );
      await el.updateComplete;
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      expect($(el, '[part~="popover"]').matches(':popover-open')).to.equal(false);
      expect(changes).to.have.length(0);
      expect(el.timeZone).to.equal('Europe/Copenhagen');
    });

    it('places the popover next to its button, inside the viewport', async () => {
      const el = await picker();
      const button = $(el, '[part~="timezone-button"]');
      button.click();
      await el.updateComplete;
      const popover = $(el, '[part~="popover"]');
      // autoUpdate positions on the next frame.
      await new Promise(requestAnimationFrame);
      await new Promise(requestAnimationFrame);
      const box = popover.getBoundingClientRect();
      const anchor = button.getBoundingClientRect();
      expect(box.width).to.be.greaterThan(0);
      expect(box.left).to.be.at.least(0);
      expect(box.right).to.be.at.most(window.innerWidth);
      const below = Math.abs(box.top - anchor.bottom) <= 8;
      const above = Math.abs(anchor.top - box.bottom) <= 8;
      expect(below || above).to.equal(true);
    });

    it('closes when focus tabs out of it', async () => {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div>
          <slotkit-slot-picker locale="en-GB" time-zone="UTC" .now=${NOW}></slotkit-slot-picker>
          <button>after</button>
        </div>`,
      );
      const el = wrapper.querySelector('slotkit-slot-picker')!;
      await el.updateComplete;
      const button = $(el, '[part~="timezone-button"]');
      button.focus();
      await press(el, 'Enter');
      await el.updateComplete;
      expect(focused(el)?.getAttribute('role')).to.equal('combobox');
      await press(el, 'Tab');
      expect(document.activeElement?.textContent).to.equal('after');
      expect(button.getAttribute('aria-expanded')).to.equal('false');
    });

    it('is closed again after the picker leaves and re-enters the page', async () => {
      const el = await picker();
      const parent = el.parentElement!;
      $(el, '[part~="timezone-button"]').click();
      await el.updateComplete;
      expect(el.matches(':state(timezone-open)')).to.equal(true);
      el.remove();
      // An outside click after removal must not reach a stale listener.
      document.body.dispatchEvent(
        new PointerEvent('pointerdown', { bubbles: true, composed: true }),
      );
      parent.append(el);
      await el.updateComplete;
      expect($(el, '[part~="timezone-button"]').getAttribute('aria-expanded')).to.equal('false');
      expect(el.matches(':state(timezone-open)')).to.equal(false);
      expect($(el, '[part~="popover"]').matches(':popover-open')).to.equal(false);
    });

    it('keeps the zone when TimeZoneChangeEvent is cancelled', async () => {
      const el = await picker({ slots: SLOTS, selectedDate: '2027-01-12' });
      el.addEventListener(TimeZoneChangeEvent.type, (event) => event.preventDefault());
      $(el, '[part~="timezone-button"]').click();
      await el.updateComplete;
      await sendKeys({ type: 'los angeles' });
      await press(el, 'Enter');
      expect(el.timeZone).to.equal('Europe/Copenhagen');
      expect(timeTexts(el)).to.deep.equal(['09:00', '13:00', '17:00']);
    });

    it('reports an unknown time-zone once and falls back to the detected zone', async () => {
      const errors: unknown[][] = [];
      const original = console.error;
      console.error = (...args: unknown[]) => errors.push(args);
      try {
        const el = await picker({
          timeZone: 'Mars/Olympus_Mons',
          slots: [slot('2027-01-12T16:00:00Z')],
          selectedDate: '2027-01-12',
        });
        el.requestUpdate();
        await el.updateComplete;
        expect(errors).to.have.length(1);
        expect(String(errors[0]![0])).to.contain('time-zone="Mars/Olympus_Mons"');
        expect(String(errors[0]![0])).to.contain('IANA time zone');
        const message = $(el, '[part~="timezone-error"]');
        expect(text(message)).to.contain('“Mars/Olympus_Mons” is not a time zone we know');
        const detected = detectTimeZone();
        const expected = new Intl.DateTimeFormat('en-GB', {
          timeZone: detected,
          hour: 'numeric',
          minute: '2-digit',
        }).format(Date.UTC(2027, 0, 12, 16));
        expect(timeTexts(el)).to.deep.equal([expected]);
        await expect(el).to.be.accessible();
      } finally {
        console.error = original;
      }
    });
  });

  it('reports an unreadable locale and falls back to English', async () => {
    const errors: unknown[][] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      const el = await fixture<SlotkitSlotPicker>(
        html`<slotkit-slot-picker
          locale="not a locale!"
          time-zone="UTC"
          .now=${NOW}
          .dates=${DATES}
        ></slotkit-slot-picker>`,
      );
      expect(text($(el, '#month-heading'))).to.equal('January 2027');
      expect(errors).to.have.length(1);
      expect(String(errors[0]![0])).to.contain('locale="not a locale!"');
    } finally {
      console.error = original;
    }
  });

  it('takes unset (undefined) optional properties as their defaults', async () => {
    const el = await picker();
    Object.assign(el, {
      timeZone: undefined,
      month: undefined,
      selectedDate: undefined,
      nextAvailableDate: undefined,
      errorMessage: undefined,
    });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part~="timezone-error"]')).to.equal(null);
    expect(el.shadowRoot!.querySelector('.message')?.textContent).to.not.contain('not set up');
    expect(el.month).to.equal('2027-01');
    expect(text($(el, '.times-panel [part~="message"]'))).to.equal(
      'Choose a day to see its times.',
    );
  });

  it('fits in 320 px', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="width: 320px">
        <slotkit-slot-picker
          locale="en-GB"
          time-zone="Europe/Copenhagen"
          .now=${NOW}
          .dates=${DATES}
          .slots=${SLOTS}
          selected-date="2027-01-12"
        ></slotkit-slot-picker>
      </div>`,
    );
    const el = wrapper.querySelector('slotkit-slot-picker')!;
    await el.updateComplete;
    expect(el.scrollWidth).to.be.at.most(320);
    expect($(el, '[role="grid"]').getBoundingClientRect().width).to.be.at.most(320);
  });
});
