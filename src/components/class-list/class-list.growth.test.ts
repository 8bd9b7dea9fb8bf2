/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import type { Group } from '../../schemas/booking.ts';
import '../define-all.ts';
import type { SlotkitClassList } from './class-list.ts';

/**
 * A long list grows over frames: a screenful first, then more each frame until every class is
 * there. A new filter, day or zone starts it again (rows it leaves out are kept, hidden, and
 * rows shown that it lets through stay), and no frame of the old growth ever shows a class the
 * new filter leaves out. Every render is watched (a MutationObserver hears each one
 * before the next frame), so the tests hold however slow the machine is.
 */

const NOW = Date.parse('2026-11-20T12:00:00Z');
const HOUR = 3_600_000;

function group(i: number): Group {
  const start = Date.parse('2026-11-21T07:00:00Z') + i * 3 * HOUR;
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
        what: i % 5 === 0 ? `Spin ${i}` : `Yoga ${i}`,
      },
      group_booking: {
        current_seats: 17,
        max_seats: 20,
        seats_left: 3,
        bookable_until: new Date(start - 2 * HOUR).toISOString(),
        cancellable_until: new Date(start - 24 * HOUR).toISOString(),
      },
    } as Group['attributes'],
  };
}

const titles = (el: SlotkitClassList): string[] =>
  [...el.shadowRoot!.querySelectorAll('[part="class"] h4')]
    .filter((h) => !h.closest('[hidden]')) // rows the filters leave out are kept, hidden
    .map((h) => h.textContent!.trim());

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

async function firstRender(el: SlotkitClassList): Promise<void> {
  for (let hop = 0; hop < 20 && titles(el).length === 0; hop += 1) await Promise.resolve();
}

function search(el: SlotkitClassList, query: string): void {
  const input = el.shadowRoot!.querySelector<HTMLInputElement>('[part="title-filter"]')!;
  input.value = query;
  input.dispatchEvent(new Event('input'));
}

describe('<slotkit-class-list> growing over frames', () => {
  let el: SlotkitClassList;

  beforeEach(async () => {
    el = document.createElement('slotkit-class-list');
    el.now = NOW;
    el.timeZone = 'UTC';
    el.groups = Array.from({ length: 500 }, (_, i) => group(i));
    document.body.append(el);
    await firstRender(el);
  });

  afterEach(() => el.remove());

  it('paints a screenful first, then every class in order', async () => {
    const first = titles(el).length;
    expect(first).to.be.within(1, 30);
    await el.updateComplete;
    expect(titles(el)).to.deep.equal(
      Array.from({ length: 500 }, (_, i) => group(i).attributes.event_info.what),
    );
  });

  it('restarts on a new filter mid-growth and never shows what the old one did', async () => {
    const seen = watch(el);
    search(el, 'spin');
    await el.updateComplete;
    const spin = Array.from({ length: 100 }, (_, i) => `Spin ${i * 5}`);
    expect(titles(el)).to.deep.equal(spin);
    expect(seen.length).to.be.above(1, 'grown over more than one render');
    expect(seen[0]!.length).to.be.below(100, 'started again from a screenful');
    for (const shown of seen) expect(shown).to.deep.equal(spin.slice(0, shown.length));
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent!.trim()).to.equal(
      '100 classes',
    );
  });

  it('restarts when the filter is cleared, the day or the zone changes', async () => {
    search(el, 'spin');
    await el.updateComplete;
    const cleared = watch(el);
    search(el, '');
    await el.updateComplete;
    expect(titles(el)).to.have.length(500);
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
    expect(titles(el)).to.have.length(500);
    expect(zoned[0]!.length).to.be.below(100);
  });
});
