/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import type { Group } from '../../schemas/booking.ts';
import '../define-all.ts';
import type { SlotkitClassList } from './class-list.ts';

/**
 * Classes are read a slice per task and a class's texts are formatted when its row is first
 * shown. Whatever the visitor does meanwhile (a filter typed before the last slice, a zone or
 * locale chosen after the first rows were formatted), what ends up on screen is what an
 * all-at-once list would show, and counts are announced for every class.
 */

const NOW = Date.parse('2026-11-20T12:00:00Z');
const HOUR = 3_600_000;
/** Enough classes that reading them takes many slices on any machine. */
const MANY = 2000;

function group(i: number): Group {
  const start = Date.parse('2026-11-21T07:00:00Z') + i * HOUR;
  return {
    id: `g-${i}`,
    graph: 'group_owner',
    state: 'tentative',
    completed: false,
    created_at: '2026-11-01T10:00:00Z',
    updated_at: '2026-11-01T10:00:00Z',
    attributes: {
      event_info: {
        start: new Date(start).toISOString(),
        end: new Date(start + HOUR).toISOString(),
        what: i % 10 === 0 ? `Spin ${i}` : `Yoga ${i}`,
      },
      group_booking: {
        current_seats: 17,
        max_seats: 20,
        seats_left: 3,
        bookable_until: new Date(start - 2 * HOUR).toISOString(),
        cancellable_until: new Date(start - 24 * HOUR).toISOString(),
      },
    },
  };
}

/** The rows the visitor sees: those the filters leave out are kept, hidden. */
const rows = (el: SlotkitClassList): HTMLElement[] =>
  [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part="class"]')].filter(
    (row) => !row.closest('[hidden]'),
  );
const text = (node: Element | null | undefined): string =>
  (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const titles = (el: SlotkitClassList): string[] =>
  rows(el).map((row) => text(row.querySelector('h4')));

/** Mounts the list and returns after its first render, long before every class is read. */
async function mount(groups: Group[], timeZone = 'UTC'): Promise<SlotkitClassList> {
  const el = document.createElement('slotkit-class-list');
  el.now = NOW;
  el.timeZone = timeZone;
  el.locale = 'en-GB';
  el.groups = groups;
  document.body.append(el);
  for (let hop = 0; hop < 20 && rows(el).length === 0; hop += 1) await Promise.resolve();
  return el;
}

function search(el: SlotkitClassList, query: string): void {
  const input = el.shadowRoot!.querySelector<HTMLInputElement>('[part="title-filter"]')!;
  input.value = query;
  input.dispatchEvent(new Event('input'));
}

describe('<slotkit-class-list> reading classes a slice at a time', function () {
  // Thousands of rows on a shared, loaded test machine.
  this.timeout(20_000);
  let el: SlotkitClassList | undefined;

  afterEach(() => el?.remove());

  it('paints its first rows before it has read every class', async () => {
    el = await mount(Array.from({ length: MANY }, (_, i) => group(i)));
    expect(rows(el).length).to.be.within(1, 30);
    // Days come in as their classes are read: the strip pages by week once all are there.
    await el.updateComplete;
    expect(rows(el)).to.have.length(MANY);
  });

  it('filters on what it has read and ends with the right rows, in order, and their count', async () => {
    // Shuffled: a later slice holds classes that sort before ones already shown.
    const groups = Array.from({ length: MANY }, (_, i) => group(i));
    const shuffled = groups
      .filter((_, i) => i % 2 === 1)
      .concat(groups.filter((_, i) => i % 2 === 0));
    el = await mount(shuffled);
    search(el, 'spin');
    await el.updateComplete;
    const spin = Array.from({ length: MANY / 10 }, (_, i) => `Spin ${i * 10}`);
    expect(titles(el)).to.deep.equal(spin);
    // Counted over every class, not the slices read when the visitor typed.
    expect(text(el.shadowRoot!.querySelector('[role="status"]'))).to.equal(`${MANY / 10} classes`);
  });

  it('shows the new zone in rows formatted before the zone changed and in rows after', async () => {
    el = await mount(Array.from({ length: 100 }, (_, i) => group(i)));
    // 07:00Z is 08:00 in Copenhagen; the 100th class starts 99 hours later, at 10:00Z.
    expect(text(rows(el)[0]!.querySelector('[part="when"]'))).to.equal('07:00–08:00');
    el.timeZone = 'Europe/Copenhagen';
    await el.updateComplete;
    expect(text(rows(el)[0]!.querySelector('[part="when"]'))).to.equal('08:00–09:00');
    expect(text(rows(el)[99]!.querySelector('[part="when"]'))).to.equal('11:00–12:00');
    const book = rows(el)[99]!.querySelector('[part="book-button"]')!;
    expect(book.getAttribute('aria-label')).to.equal('Book Yoga 99, Wed 25 Nov, 11:00');
  });

  it('shows the new locale in every row after a locale change', async () => {
    el = await mount(Array.from({ length: 100 }, (_, i) => group(i)));
    await el.updateComplete;
    el.locale = 'en-US';
    await el.updateComplete;
    expect(text(rows(el)[0]!.querySelector('[part="when"]'))).to.match(/^7:00\s?–\s?8:00\sAM$/);
    expect(text(rows(el)[99]!.querySelector('[part="when"]'))).to.match(/^10:00\s?–\s?11:00\sAM$/);
    expect(text(el.shadowRoot!.querySelector('[part="day-heading"]'))).to.equal(
      'Saturday, November 21, 2026',
    );
  });

  it('tells of unreadable classes once, after reading them all', async () => {
    const errors: unknown[][] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      const groups = Array.from({ length: MANY }, (_, i) => group(i));
      groups[MANY - 1] = {
        ...groups[MANY - 1]!,
        attributes: {
          ...groups[MANY - 1]!.attributes,
          event_info: { ...groups[MANY - 1]!.attributes.event_info, start: 'tomorrow' },
        },
      };
      el = await mount(groups);
      await el.updateComplete;
      expect(rows(el)).to.have.length(MANY - 1);
      expect(errors).to.have.length(1);
      expect(String(errors[0]![0])).to.contain('1 class(es)');
    } finally {
      console.error = original;
    }
  });
});
