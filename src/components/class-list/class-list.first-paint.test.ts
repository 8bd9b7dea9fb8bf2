/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import type { SlotkitClassList } from './class-list.ts';
import { NOW, shownAll, text, timetable, titles } from './class-list.fixture.ts';

/**
 * A long list arriving where none was shown paints its controls first and its rows a frame
 * later (together they were a long task on a phone), with placeholders meanwhile. Each check of
 * the first render runs in the task that made it, before any frame: no machine is too slow.
 */

/** The list added to the page, returned right after its first render (microtasks only). */
async function firstRender(count: number): Promise<SlotkitClassList> {
  const el = document.createElement('slotkit-class-list');
  el.now = NOW;
  el.timeZone = 'UTC';
  el.locale = 'en-GB';
  el.groups = timetable(count, 3, 5);
  document.body.append(el);
  for (let hop = 0; hop < 20 && !el.shadowRoot?.querySelector('[part~="filters"]'); hop += 1) {
    await Promise.resolve();
  }
  return el;
}

function placeholders(el: SlotkitClassList): Element[] {
  return [...el.shadowRoot!.querySelectorAll('.skeleton-row')];
}

describe('<slotkit-class-list> first paint', function () {
  this.timeout(20_000);
  let el: SlotkitClassList;

  afterEach(() => el.remove());

  it('paints a long list controls first, placeholders meanwhile, then every row', async () => {
    el = await firstRender(40);
    const root = el.shadowRoot!;
    expect(root.querySelector('[part~="filters"]'), 'filters').not.to.equal(null);
    expect(root.querySelector('[part~="title-filter"]'), 'search').not.to.equal(null);
    expect(root.querySelector('[part~="date-strip"]'), 'date strip').not.to.equal(null);
    expect(root.querySelectorAll('[part="class"]'), 'no rows yet').to.have.length(0);
    const skeletons = placeholders(el);
    expect(skeletons).to.have.length(4);
    for (const row of skeletons) expect(row.closest('[aria-hidden="true"]')).not.to.equal(null);
    expect(root.querySelector('[part~="empty"]'), 'no empty state').to.equal(null);
    const said = text(root.querySelector('.base'));
    expect(said).not.to.include('No classes match');
    expect(said).not.to.include('No upcoming classes');

    await el.updateComplete;
    expect(titles(el)).to.deep.equal(
      Array.from({ length: 40 }, (_, i) => (i % 5 === 0 ? `Spin ${i}` : `Yoga ${i}`)),
    );
    expect(placeholders(el), 'placeholders gone').to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('renders a short list at once, without placeholders', async () => {
    el = await firstRender(4);
    expect(titles(el)).to.deep.equal(['Spin 0', 'Yoga 1', 'Yoga 2', 'Yoga 3']);
    expect(placeholders(el)).to.have.length(0);
  });

  it('renders new data for a shown list at once', async () => {
    el = await firstRender(40);
    await el.updateComplete;
    el.groups = timetable(30, 3, 5);
    for (let hop = 0; hop < 20 && shownAll(el, '[part="class"]').length !== 30; hop += 1) {
      await Promise.resolve();
    }
    expect(titles(el)).to.have.length(30);
    expect(placeholders(el)).to.have.length(0);
  });
});
