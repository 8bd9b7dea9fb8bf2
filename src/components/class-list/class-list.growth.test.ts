/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import type { SlotkitClassList } from './class-list.ts';
import {
  announced,
  mountGrowing,
  search,
  showAll,
  timetable,
  titles,
} from './class-list.fixture.ts';
import { PAGE } from './long-list.ts';

/**
 * A long list grows over frames: a screenful first, then more each frame until a page of classes
 * is there, and a page more on each "Show more classes". A new filter, day or zone starts it again (rows it leaves out are kept, hidden, and
 * rows shown that it lets through stay), and no frame of the old growth ever shows a class the
 * new filter leaves out. Every render is watched (a MutationObserver hears each one
 * before the next frame), so the tests hold however slow the machine is.
 */

/** The titles after every render from now on. */
function watch(el: SlotkitClassList): string[][] {
  const seen: string[][] = [];
  new MutationObserver(() => seen.push(titles(el))).observe(el.shadowRoot!, {
    childList: true,
    subtree: true,
    attributeFilter: ['hidden'],
  });
  return seen;
}

/** Resolves after `count` frames have been rendered. */
async function frames(count: number): Promise<void> {
  for (let frame = 0; frame < count; frame += 1) {
    await new Promise((done) => requestAnimationFrame(done));
  }
}

describe('<slotkit-class-list> growing over frames', function () {
  // Hundreds of rows over many frames on a shared, loaded test machine.
  this.timeout(20_000);
  let el: SlotkitClassList;

  // 500 classes three hours apart, every fifth a Spin class.
  beforeEach(async () => {
    el = await mountGrowing(timetable(500, 3, 5));
  });

  afterEach(() => el.remove());

  it('paints a screenful first, then a page, then every class in order', async () => {
    const all = Array.from({ length: 500 }, (_, i) => (i % 5 === 0 ? `Spin ${i}` : `Yoga ${i}`));
    const first = titles(el).length;
    expect(first).to.be.within(1, 30);
    await el.updateComplete;
    expect(titles(el)).to.deep.equal(all.slice(0, PAGE));
    await showAll(el);
    expect(titles(el)).to.deep.equal(all);
  });

  it('restarts on a new filter mid-growth and never shows what the old one did', async () => {
    const seen = watch(el);
    search(el, 'spin');
    await showAll(el);
    const spin = Array.from({ length: 100 }, (_, i) => `Spin ${i * 5}`);
    expect(titles(el)).to.deep.equal(spin);
    expect(seen.length).to.be.above(1, 'grown over more than one render');
    expect(seen[0]!.length).to.be.below(100, 'started again from a screenful');
    for (const shown of seen) expect(shown).to.deep.equal(spin.slice(0, shown.length));
    expect(announced(el)).to.equal('100 classes');
  });

  it('restarts when the filter is cleared, the day or the zone changes', async () => {
    search(el, 'spin');
    await showAll(el);
    const cleared = watch(el);
    search(el, '');
    await el.updateComplete;
    // One unbroken first page: the Spin classes shown past it are hidden, not left in gaps.
    expect(titles(el)).to.deep.equal(
      Array.from({ length: PAGE }, (_, i) => (i % 5 === 0 ? `Spin ${i}` : `Yoga ${i}`)),
    );
    // The Spin classes shown stay; of the others, a screenful first.
    const others = cleared[0]!.filter((title) => !title.startsWith('Spin'));
    expect(others.length).to.be.within(1, 30);

    const day = el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="date-button"]')[1]!;
    const onDay = watch(el);
    day.click();
    await el.updateComplete;
    // The first day, 21 November: six classes three hours apart from 07:00 UTC.
    expect(titles(el)).to.deep.equal(['Spin 0', 'Yoga 1', 'Yoga 2', 'Yoga 3', 'Yoga 4', 'Spin 5']);
    for (const shown of onDay) expect(shown.length).to.be.at.most(6);

    el.shadowRoot!.querySelector<HTMLElement>('[part~="date-button"]')!.click(); // All days
    await el.updateComplete;
    const zoned = watch(el);
    el.timeZone = 'Pacific/Auckland';
    await el.updateComplete;
    expect(titles(el)).to.have.length(PAGE);
    expect(zoned[0]!.length).to.be.below(PAGE);
  });

  it('sizes each batch by what the last one cost: a slow device gets smaller batches', async () => {
    // A device where each new row costs a millisecond more: the busy wait runs in the frame
    // that added the rows, as their style and layout would.
    const added: number[] = [];
    let before = titles(el).length;
    const slow = new MutationObserver(() => {
      const now = titles(el).length;
      if (now > before) added.push(now - before);
      const until = performance.now() + (now - before);
      before = now;
      while (performance.now() < until) {
        // busy: the cost of the rows just added
      }
    });
    slow.observe(el.shadowRoot!, { childList: true, subtree: true, attributeFilter: ['hidden'] });
    await showAll(el);
    slow.disconnect();
    expect(titles(el)).to.have.length(500);
    // A frame's budget is 24 ms: batches of more than ~24 rows would make long frames. The
    // first batches may overshoot while the cost is learned (a batch at most doubles).
    expect(Math.max(...added.slice(3))).to.be.at.most(40, `batches: ${added.join(' ')}`);
    expect(added.length).to.be.above(10);
  });

  it('keeps focus on a shown row while it grows; a filter that hides it moves focus to the search', async () => {
    const book = el.shadowRoot!.querySelector<HTMLButtonElement>(
      '[part~="book-button"][data-id="g-1"]',
    )!;
    book.focus();
    await frames(1);
    expect(titles(el).length).to.be.below(PAGE, 'still growing');
    expect(el.shadowRoot!.activeElement).to.equal(book);
    // "Yoga 1" is left out: focus goes to the search field, not to <body>.
    search(el, 'spin');
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(
      el.shadowRoot!.querySelector('[part="title-filter"]'),
    );
    expect(book.closest('[hidden]')).not.to.equal(null);
    expect(announced(el)).to.equal('100 classes');
    await expect(el).to.be.accessible();
  });
});
