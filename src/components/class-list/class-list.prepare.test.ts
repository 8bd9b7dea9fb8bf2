/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import type { SlotkitClassList } from './class-list.ts';
import { PAGE } from './long-list.ts';
import {
  announced,
  mountGrowing,
  search,
  showAll,
  shownAll,
  text,
  timetable,
  titles,
} from './class-list.fixture.ts';

/**
 * Classes are read a slice per task and a class's texts are formatted when its row is first
 * shown. Whatever the visitor does meanwhile (a filter typed before the last slice, a zone or
 * locale chosen after the first rows were formatted), what ends up on screen is what an
 * all-at-once list would show, and counts are announced for every class.
 */

/** Enough classes that reading them takes many slices on any machine. */
const MANY = 2000;

/** Classes an hour apart, every tenth a Spin class. */
const hourly = (count: number) => timetable(count, 1, 10);
const rows = (el: SlotkitClassList) => shownAll(el, '[part="class"]');
const mount = mountGrowing;

describe('<slotkit-class-list> reading classes a slice at a time', function () {
  // Thousands of rows on a shared, loaded test machine.
  this.timeout(20_000);
  let el: SlotkitClassList | undefined;

  afterEach(() => el?.remove());

  it('paints its first rows before it has read every class', async () => {
    el = await mount(hourly(MANY));
    expect(rows(el).length).to.be.within(1, 30);
    // Days come in as their classes are read: the strip pages by week once all are there.
    await el.updateComplete;
    expect(rows(el)).to.have.length(PAGE);
    // Every class was read: the count of a filter covers them all (the rest is a page away).
    search(el, 'yoga');
    await el.updateComplete;
    expect(announced(el)).to.equal('1,800 classes');
  });

  it('filters on what it has read and ends with the right rows, in order, and their count', async () => {
    // Shuffled: a later slice holds classes that sort before ones already shown.
    const groups = hourly(MANY);
    const shuffled = groups
      .filter((_, i) => i % 2 === 1)
      .concat(groups.filter((_, i) => i % 2 === 0));
    el = await mount(shuffled);
    search(el, 'spin');
    await showAll(el);
    const spin = Array.from({ length: MANY / 10 }, (_, i) => `Spin ${i * 10}`);
    expect(titles(el)).to.deep.equal(spin);
    // Counted over every class, not the slices read when the visitor typed.
    expect(announced(el)).to.equal(`${MANY / 10} classes`);
  });

  it('shows the new zone in rows formatted before the zone changed and in rows after', async () => {
    el = await mount(hourly(100));
    // 07:00Z is 08:00 in Copenhagen; the 100th class starts 99 hours later, at 10:00Z.
    expect(text(rows(el)[0]!.querySelector('[part="when"]'))).to.equal('07:00–08:00');
    await showAll(el);
    el.timeZone = 'Europe/Copenhagen';
    // A new zone starts again from the first page.
    await el.updateComplete;
    expect(rows(el)).to.have.length(PAGE);
    await showAll(el);
    expect(text(rows(el)[0]!.querySelector('[part="when"]'))).to.equal('08:00–09:00');
    expect(text(rows(el)[99]!.querySelector('[part="when"]'))).to.equal('11:00–12:00');
    const book = rows(el)[99]!.querySelector('[part="book-button"]')!;
    expect(book.getAttribute('aria-label')).to.equal('Book Yoga 99, Wed 25 Nov, 11:00');
  });

  it('shows the new locale in every row after a locale change', async () => {
    el = await mount(hourly(100));
    await showAll(el);
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
      const groups = hourly(MANY);
      groups[MANY - 1] = {
        ...groups[MANY - 1]!,
        attributes: {
          ...groups[MANY - 1]!.attributes,
          event_info: { ...groups[MANY - 1]!.attributes.event_info, start: 'tomorrow' },
        },
      };
      el = await mount(groups);
      await el.updateComplete;
      // Yoga 1999 is left out: counted over every class read.
      search(el, 'yoga');
      await el.updateComplete;
      expect(announced(el)).to.equal('1,799 classes');
      expect(errors).to.have.length(1);
      expect(String(errors[0]![0])).to.contain('1 class(es)');
    } finally {
      console.error = original;
    }
  });
});
