/// <reference types="mocha" />
import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ClassSelectEvent, RetryEvent } from '../../events.ts';
import type { Group } from '../../schemas/booking.ts';
import type { SlotkitClassList } from './class-list.ts';
import {
  classGroup,
  HOUR,
  mountList,
  NOW,
  showAll,
  shown,
  shownAll,
  text,
} from './class-list.fixture.ts';
import { PAGE } from './long-list.ts';

const group = classGroup;

function list(
  groups: Group[],
  options: { timeZone?: string; locale?: string; now?: number; max?: number } = {},
): Promise<SlotkitClassList> {
  const { max, ...rest } = options;
  return mountList(groups, { ...rest, ...(max === undefined ? {} : { maxSeatsPerBooking: max }) });
}

const $ = shown;
const $$ = shownAll;

function item(el: SlotkitClassList, title: string): HTMLElement {
  const found = $$(el, '[part="class"]').find((node) => text(node.querySelector('h4')) === title);
  if (!found) throw new Error(`no class titled ${title}`);
  return found;
}

const part = <T extends Element = HTMLElement>(node: Element, name: string): T | null =>
  node.querySelector<T>(`[part="${name}"]`);

describe('<slotkit-class-list>', () => {
  describe('days and times', () => {
    const late = group({ id: 'late', what: 'Night Yoga', start: '2026-11-27T23:30:00Z' });

    it('puts 23:30Z on the 28th in Copenhagen', async () => {
      const el = await list([late], { timeZone: 'Europe/Copenhagen' });
      expect(text($(el, '[part="day-heading"]'))).to.equal('Saturday, 28 November 2026');
      expect(text($(el, '[part="when"]'))).to.equal('00:30–01:30');
    });

    it('puts 23:30Z on the 27th in Los Angeles', async () => {
      const el = await list([late], { timeZone: 'America/Los_Angeles' });
      expect(text($(el, '[part="day-heading"]'))).to.equal('Friday, 27 November 2026');
      expect(text($(el, '[part="when"]'))).to.equal('15:30–16:30');
    });

    it('uses a 12-hour clock where the locale does', async () => {
      const el = await list([late], { timeZone: 'America/Los_Angeles', locale: 'en-US' });
      expect(text($(el, '[part="when"]'))).to.match(/^3:30\s?–\s?4:30\sPM$/);
      expect(text($(el, '[part="day-heading"]'))).to.equal('Friday, November 27, 2026');
    });

    it('shows both days for a class that runs past midnight', async () => {
      const el = await list([group({ start: '2026-11-27T22:30:00Z', minutes: 120 })]);
      expect(text($(el, '[part="when"]'))).to.equal('Fri 27 Nov, 23:30 – Sat 28 Nov, 01:30');
    });

    it('groups classes by local day in start order, one section per day', async () => {
      const el = await list([
        group({ what: 'C', start: '2026-11-28T09:00:00Z' }),
        group({ what: 'A', start: '2026-11-27T07:00:00Z' }),
        group({ what: 'B', start: '2026-11-27T16:00:00Z' }),
      ]);
      const days = $$(el, '[part="day"]');
      expect(days.map((day) => text(day.querySelector('h3')))).to.deep.equal([
        'Friday, 27 November 2026',
        'Saturday, 28 November 2026',
      ]);
      expect([...days[0]!.querySelectorAll('h4')].map(text)).to.deep.equal(['A', 'B']);
      expect([...days[1]!.querySelectorAll('h4')].map(text)).to.deep.equal(['C']);
    });

    it('shows title, place, resource and time, labelled for assistive tech', async () => {
      const el = await list([
        group({
          id: 'yoga',
          where: 'Sesame St, Middleburg',
          resource: { id: 'r1', name: 'Doc Brown' },
        }),
      ]);
      const node = item(el, "Doc Brown's Yoga");
      expect(node.getAttribute('role')).to.equal('article');
      expect(el.shadowRoot!.getElementById(node.getAttribute('aria-labelledby')!)).to.equal(
        part(node, 'title'),
      );
      expect(text(part(node, 'where'))).to.equal('Sesame St, Middleburg');
      expect(text(part(node, 'resource'))).to.equal('Doc Brown');
      expect(text(part(node, 'when'))).to.equal('09:00–10:00');
      expect(part(node, 'book-button')!.getAttribute('aria-label')).to.equal(
        "Book Doc Brown's Yoga, Fri 27 Nov, 09:00",
      );
      expect(part(node, 'seats-select')!.getAttribute('aria-label')).to.equal(
        "Seats for Doc Brown's Yoga, Fri 27 Nov, 09:00",
      );
      expect(text($(el, '[part="zone"]'))).to.contain('Central European');
    });

    it('leaves out classes that have ended', async () => {
      const el = await list([
        group({ what: 'Over', start: '2026-11-20T10:00:00Z', minutes: 60 }),
        group({ what: 'Later' }),
      ]);
      expect($$(el, '[part="class"]').map((node) => text(node.querySelector('h4')))).to.deep.equal([
        'Later',
      ]);
    });
  });

  describe('an unknown time zone', () => {
    it('shows a message, logs one console.error naming time-zone, and falls back', async () => {
      const errors: unknown[][] = [];
      const original = console.error;
      console.error = (...args: unknown[]) => errors.push(args);
      try {
        const el = await list([group()], { timeZone: 'Mars/Olympus' });
        el.now = NOW + 1;
        await el.updateComplete;
        expect(errors).to.have.length(1);
        expect(String(errors[0]![0])).to.contain('time-zone').and.contain('Mars/Olympus');
        expect(text($(el, '[part="zone-error"]'))).to.contain('"Mars/Olympus" is not a time zone');
        expect($$(el, '[part="class"]')).to.have.length(1);
        el.timeZone = 'UTC';
        await el.updateComplete;
        expect($(el, '[part="zone-error"]')).to.equal(null);
        expect(text($(el, '[part="when"]'))).to.equal('08:00–09:00');
      } finally {
        console.error = original;
      }
    });
  });

  describe('seats', () => {
    it('says how many are left, or sold out, and sets the sold-out state', async () => {
      const el = await list([
        group({ what: 'Three', seatsLeft: 3 }),
        group({ what: 'One', seatsLeft: 1 }),
        group({ what: 'None', seatsLeft: 0 }),
      ]);
      expect(text(part(item(el, 'Three'), 'seats'))).to.equal('3 left');
      expect(text(part(item(el, 'One'), 'seats'))).to.equal('1 left');
      const none = item(el, 'None');
      expect(text(part(none, 'seats'))).to.equal('Sold out');
      expect(none.matches(':state(sold-out)')).to.equal(true);
      expect(item(el, 'Three').matches(':state(sold-out)')).to.equal(false);
      const button = part<HTMLButtonElement>(none, 'book-button')!;
      expect(button.disabled).to.equal(true);
      expect(button.getAttribute('aria-describedby')).to.equal(part(none, 'seats')!.id);
      expect(part(none, 'seats-select')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('lets the host page style a sold-out class through ::part and :state', async () => {
      const style = document.createElement('style');
      style.textContent =
        'slotkit-class-list::part(class):state(sold-out) { outline: 3px solid rgb(1, 2, 3); }';
      document.head.append(style);
      try {
        const el = await list([group({ what: 'None', seatsLeft: 0 }), group({ what: 'Some' })]);
        expect(getComputedStyle(item(el, 'None')).outlineColor).to.equal('rgb(1, 2, 3)');
        expect(getComputedStyle(item(el, 'Some')).outlineColor).not.to.equal('rgb(1, 2, 3)');
      } finally {
        style.remove();
      }
    });

    it('hints at another time of the same class when one is full', async () => {
      const el = await list([
        group({ id: 'full', start: '2026-11-27T08:00:00Z', seatsLeft: 0 }),
        group({ id: 'closed', start: '2026-11-20T13:00:00Z' }), // sign-ups closed at 11:00Z
        group({ id: 'open', start: '2026-11-28T08:00:00Z', seatsLeft: 5 }),
        group({ what: 'Pilates', seatsLeft: 0 }),
      ]);
      const [, full] = $$(el, '[part="class"]');
      const hint = part(full!, 'hint')!;
      expect(text(hint)).to.equal('Full: join another time (next: Sat 28 Nov, 09:00)');
      expect(part(full!, 'book-button')!.getAttribute('aria-describedby')).to.contain(hint.id);
      expect(part(item(el, 'Pilates'), 'hint')).to.equal(null);
    });

    it('offers 1 to min(seats left, maxSeatsPerBooking)', async () => {
      const el = await list(
        [
          group({ what: 'Few', seatsLeft: 3 }),
          group({ what: 'Many', seatsLeft: 50 }),
          group({ what: 'Last', seatsLeft: 1 }),
        ],
        { max: 4 },
      );
      const values = (title: string) =>
        [...part<HTMLSelectElement>(item(el, title), 'seats-select')!.options].map((o) => o.value);
      expect(values('Few')).to.deep.equal(['1', '2', '3']);
      expect(values('Many')).to.deep.equal(['1', '2', '3', '4']);
      expect(values('Last')).to.deep.equal(['1']);
      el.maxSeatsPerBooking = 10;
      await el.updateComplete;
      expect(values('Many')).to.have.length(10);
    });
  });

  describe('booking', () => {
    it('fires slotkit-class-select with the group and seats, and selects the class', async () => {
      const yoga = group({ id: 'yoga', seatsLeft: 5 });
      const el = await list([yoga, group({ what: 'Other' })]);
      const node = item(el, "Doc Brown's Yoga");
      const select = part<HTMLSelectElement>(node, 'seats-select')!;
      select.value = '3';
      select.dispatchEvent(new Event('change', { bubbles: true }));
      setTimeout(() => part<HTMLButtonElement>(node, 'book-button')!.click());
      const event = await oneEvent(el, ClassSelectEvent.type);
      expect(event).to.be.instanceOf(ClassSelectEvent);
      expect(event.bubbles && event.composed && event.cancelable).to.equal(true);
      expect(event.detail.group).to.equal(yoga);
      expect(event.detail.seats).to.equal(3);
      await el.updateComplete;
      expect(el.selectedGroupId).to.equal('yoga');
      expect(node.matches(':state(selected)')).to.equal(true);
      expect(item(el, 'Other').matches(':state(selected)')).to.equal(false);
    });

    it('keeps nothing selected when the event is canceled', async () => {
      const el = await list([group({ id: 'yoga' })]);
      const seen: ClassSelectEvent[] = [];
      el.addEventListener(ClassSelectEvent.type, (event) => {
        seen.push(event);
        event.preventDefault();
      });
      part<HTMLButtonElement>($(el, '[part="class"]')!, 'book-button')!.click();
      await el.updateComplete;
      expect(seen).to.have.length(1);
      expect(seen[0]!.detail.seats).to.equal(1);
      expect(el.selectedGroupId).to.equal(undefined);
      expect($(el, '[part="class"]')!.matches(':state(selected)')).to.equal(false);
    });

    it('fires nothing when properties change', async () => {
      const el = await list([group()]);
      let fired = 0;
      el.addEventListener(ClassSelectEvent.type, () => fired++);
      el.selectedGroupId = el.groups[0]!.id;
      el.groups = [...el.groups, group()];
      await el.updateComplete;
      expect(fired).to.equal(0);
    });

    it('books with the keyboard only', async () => {
      const el = await list([group({ id: 'yoga', seatsLeft: 4 })]);
      $<HTMLInputElement>(el, '[part="title-filter"]')!.focus();
      await sendKeys({ press: 'Tab' });
      const select = $<HTMLSelectElement>(el, '[part="seats-select"]')!;
      expect(el.shadowRoot!.activeElement).to.equal(select);
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'ArrowDown' });
      expect(select.value).to.equal('3');
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement).to.equal($(el, '[part="book-button"]'));
      const selected = oneEvent(el, ClassSelectEvent.type);
      await sendKeys({ press: 'Enter' });
      const event = await selected;
      expect(event.detail.group.id).to.equal('yoga');
      expect(event.detail.seats).to.equal(3);
    });
  });

  describe('sign-up windows', () => {
    const classes = () => [
      group({
        what: 'Not yet',
        start: '2026-12-10T08:00:00Z',
        bookableFrom: '2026-11-26T08:00:00Z',
      }),
      group({ what: 'Closed', start: '2026-11-20T13:00:00Z' }), // closes 11:00Z, now is 12:00Z
      group({
        what: 'Open',
        start: '2026-11-27T08:00:00Z',
        bookableFrom: '2026-11-13T08:00:00Z',
      }),
    ];

    it('says when booking opens, or that it closed, and disables Book with the reason', async () => {
      const el = await list(classes());
      const notYet = item(el, 'Not yet');
      expect(text(part(notYet, 'reason'))).to.equal('Booking opens Thu 26 Nov, 09:00');
      const closed = item(el, 'Closed');
      expect(text(part(closed, 'reason'))).to.equal('Booking closed');
      for (const node of [notYet, closed]) {
        const button = part<HTMLButtonElement>(node, 'book-button')!;
        expect(button.disabled).to.equal(true);
        expect(button.getAttribute('aria-describedby')).to.equal(part(node, 'reason')!.id);
        expect(node.matches(':state(closed)')).to.equal(true);
        expect(part(node, 'seats-select')).to.equal(null);
      }
      const open = item(el, 'Open');
      expect(part(open, 'reason')).to.equal(null);
      expect(part<HTMLButtonElement>(open, 'book-button')!.disabled).to.equal(false);
      expect(part(open, 'book-button')!.hasAttribute('aria-describedby')).to.equal(false);
      expect(open.matches(':state(closed)')).to.equal(false);
      await expect(el).to.be.accessible();
    });

    it('follows `now`: the window opens, then closes', async () => {
      const el = await list(classes());
      el.now = Date.parse('2026-11-26T08:00:00Z');
      await el.updateComplete;
      const notYet = item(el, 'Not yet');
      expect(part(notYet, 'reason')).to.equal(null);
      expect(part<HTMLButtonElement>(notYet, 'book-button')!.disabled).to.equal(false);
      expect(notYet.matches(':state(closed)')).to.equal(false);
      el.now = Date.parse('2026-12-10T06:00:01Z');
      await el.updateComplete;
      expect(text(part(item(el, 'Not yet'), 'reason'))).to.equal('Booking closed');
    });
  });

  describe('filters', () => {
    const classes = () => [
      group({ what: 'Yoga', resource: { id: 'doc', name: 'Doc Brown' } }),
      group({ what: 'Pilates', resource: { id: 'marty', name: 'Marty McFly' } }),
      group({ what: 'Yin Yoga', resource: { id: 'marty', name: 'Marty McFly' } }),
      group({ what: 'Café Stretch', resource: { id: 'doc', name: 'Doc Brown' } }),
    ];
    const titles = (el: SlotkitClassList) =>
      $$(el, '[part="class"]').map((node) => text(node.querySelector('h4')));
    const live = (el: SlotkitClassList) => text($(el, '[role="status"]'));

    it('filters by resource, with an All option built from the groups', async () => {
      const el = await list(classes());
      const select = $<HTMLSelectElement>(el, '[part="resource-filter"]')!;
      expect([...select.options].map((o) => text(o))).to.deep.equal([
        'All',
        'Doc Brown',
        'Marty McFly',
      ]);
      select.value = 'marty';
      select.dispatchEvent(new Event('change'));
      await el.updateComplete;
      expect(titles(el)).to.deep.equal(['Pilates', 'Yin Yoga']);
      expect(live(el)).to.equal('2 classes');
      select.value = '';
      select.dispatchEvent(new Event('change'));
      await el.updateComplete;
      expect(titles(el)).to.have.length(4);
      expect(live(el)).to.equal('4 classes');
    });

    it('filters by title, ignoring case and accents', async () => {
      const el = await list(classes());
      const input = $<HTMLInputElement>(el, '[part="title-filter"]')!;
      input.focus();
      await sendKeys({ type: 'YOGA' });
      await el.updateComplete;
      expect(titles(el)).to.deep.equal(['Yoga', 'Yin Yoga']);
      input.value = 'cafe';
      input.dispatchEvent(new Event('input'));
      await el.updateComplete;
      expect(titles(el)).to.deep.equal(['Café Stretch']);
      expect(live(el)).to.equal('1 class');
      await expect(el).to.be.accessible();
    });

    it('says when nothing matches, and clears the filters', async () => {
      const el = await list(classes());
      const select = $<HTMLSelectElement>(el, '[part="resource-filter"]')!;
      select.value = 'doc';
      select.dispatchEvent(new Event('change'));
      const input = $<HTMLInputElement>(el, '[part="title-filter"]')!;
      input.value = 'pilates';
      input.dispatchEvent(new Event('input'));
      await el.updateComplete;
      expect(titles(el)).to.deep.equal([]);
      expect(text($(el, '[part="empty"] p'))).to.equal('No classes match your filters.');
      expect(live(el)).to.equal('0 classes');
      await expect(el).to.be.accessible();
      const clear = $<HTMLButtonElement>(el, '[part="clear-button"]')!;
      clear.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(titles(el)).to.have.length(4);
      expect(select.value).to.equal('');
      expect(input.value).to.equal('');
      expect(live(el)).to.equal('4 classes');
      // The clear button is gone; focus lands on the search field, not on <body>.
      expect(el.shadowRoot!.activeElement).to.equal(input);
    });

    it('has no resource filter when the classes have fewer than two resources', async () => {
      const el = await list([group(), group({ resource: { id: 'doc', name: 'Doc Brown' } })]);
      expect($(el, '[part="resource-filter"]')).to.equal(null);
      expect($(el, '[part="title-filter"]')).not.to.equal(null);
    });
  });

  describe('states', () => {
    it('shows a skeleton while loading', async () => {
      const el = await list([]);
      el.status = 'loading';
      await el.updateComplete;
      expect($(el, '[part="skeleton"]')).not.to.equal(null);
      expect(text($(el, '[part="skeleton"]'))).to.equal('Loading classes…');
      expect($(el, '[part="list"]')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('shows the error with a retry button that fires slotkit-retry', async () => {
      const el = await list([group()]);
      el.status = 'error';
      el.errorMessage = 'The booking service is down.';
      await el.updateComplete;
      expect(text($(el, '[part="error"] p'))).to.equal('The booking service is down.');
      expect(text($(el, '[role="status"]'))).to.equal('The booking service is down.');
      await expect(el).to.be.accessible();
      el.addEventListener(RetryEvent.type, () => (el.status = 'loading'));
      const retry = $<HTMLButtonElement>(el, '[part="retry-button"]')!;
      retry.focus();
      setTimeout(() => retry.click());
      const event = await oneEvent(el, RetryEvent.type);
      expect(event.detail).to.deep.equal({ what: 'classes' });
      await el.updateComplete;
      expect($(el, '[part="skeleton"]')).not.to.equal(null);
      // The retry button is gone; focus stays in the element.
      expect(el.shadowRoot!.activeElement).to.equal($(el, '.body'));
    });

    it('falls back to a generic error message', async () => {
      const el = await list([]);
      el.status = 'error';
      await el.updateComplete;
      expect(text($(el, '[part="error"] p'))).to.equal('Something went wrong. Please try again.');
    });

    it('says when there are no upcoming classes', async () => {
      const el = await list([]);
      expect(text($(el, '[part="empty"]'))).to.equal('No upcoming classes');
      expect($(el, '[part="filters"]')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('is accessible with a full list', async () => {
      const el = await list([
        group({ where: 'Studio 1', resource: { id: 'doc', name: 'Doc Brown' } }),
        group({ what: 'Pilates', seatsLeft: 0, resource: { id: 'marty', name: 'Marty' } }),
        group({ what: 'Pilates', start: '2026-11-28T08:00:00Z' }),
      ]);
      el.selectedGroupId = el.groups[0]!.id;
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });
  });

  describe('500 classes', function () {
    // Hundreds of rows over many frames on a shared, loaded test machine.
    this.timeout(20_000);
    it('come in over frames, a screenful first, not in one long task', async () => {
      const groups = Array.from({ length: 500 }, (_, i) =>
        group({
          id: `frame-${i}`,
          what: `Yoga ${i}`,
          start: new Date(Date.parse('2026-11-21T07:00:00Z') + i * 3 * HOUR).toISOString(),
        }),
      );
      const el = document.createElement('slotkit-class-list');
      el.now = NOW;
      el.groups = groups;
      document.body.append(el);
      try {
        // The first rows come a frame after the controls (first-paint test), the rest later.
        for (let hop = 0; hop < 20 && $$(el, '[part="class"]').length === 0; hop += 1) {
          await new Promise((done) => requestAnimationFrame(done));
        }
        expect($$(el, '[part="class"]').length).to.be.within(1, 30);
        await el.updateComplete;
        expect($$(el, '[part="class"]')).to.have.length(PAGE);
        await showAll(el);
        expect($$(el, '[part="class"]')).to.have.length(500);
      } finally {
        el.remove();
      }
    });

    it('renders them all, keyed, and filters them', async () => {
      const groups = Array.from({ length: 500 }, (_, i) =>
        group({
          id: `bulk-${i}`,
          what: i % 5 === 0 ? `Spin ${i}` : `Yoga ${i}`,
          start: new Date(Date.parse('2026-11-21T07:00:00Z') + i * 3 * HOUR).toISOString(),
          seatsLeft: i % 7,
          resource: { id: `r${i % 4}`, name: `Teacher ${i % 4}` },
        }),
      );
      const el = await list(groups);
      await showAll(el);
      expect($$(el, '[part="class"]')).to.have.length(500);
      expect($$(el, '[part="day"]')).to.have.length(63);
      const spin = $$(el, '[part="class"]').find(
        (node) => text(node.querySelector('h4')) === 'Spin 5',
      );
      const input = $<HTMLInputElement>(el, '[part="title-filter"]')!;
      input.value = 'spin';
      input.dispatchEvent(new Event('input'));
      await showAll(el);
      expect($$(el, '[part="class"]')).to.have.length(100);
      expect(text($(el, '[role="status"]'))).to.equal('100 classes');
      // Keyed by id: the same node survives filtering.
      expect(item(el, 'Spin 5')).to.equal(spin);
      input.value = '';
      input.dispatchEvent(new Event('input'));
      await showAll(el);
      expect($$(el, '[part="class"]')).to.have.length(500);
    });
  });
});
