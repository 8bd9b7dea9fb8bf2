/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { SlotkitClassList } from './class-list.ts';
import { mountGrowing, search, shown, text, timetable, titles } from './class-list.fixture.ts';
import { PAGE } from './long-list.ts';

/**
 * A long list stops at a page of classes (rows cost style, layout and memory) and offers "Show
 * more classes". The button adds a page, moves focus to the first class it showed (read out, and
 * Tab goes on to its seats and Book), and goes once every class is shown. A new filter starts
 * again from the first page.
 */

const more = (el: SlotkitClassList) => shown<HTMLButtonElement>(el, '[part="more-button"]');
const focused = (el: SlotkitClassList) => el.shadowRoot!.activeElement;
/** Every row made, hidden or not: what the list costs. */
const made = (el: SlotkitClassList) => el.shadowRoot!.querySelectorAll('[part="class"]').length;

describe('<slotkit-class-list> "Show more classes"', function () {
  // Hundreds of rows on a shared, loaded test machine.
  this.timeout(20_000);
  let el: SlotkitClassList | undefined;

  afterEach(() => el?.remove());

  it('stops at a page, with no more rows made than it shows', async () => {
    el = await mountGrowing(timetable(500, 3, 5));
    expect(more(el), 'no button while the page grows').to.equal(null);
    await el.updateComplete;
    expect(titles(el)).to.have.length(50);
    expect(made(el)).to.equal(50);
    expect(text(more(el))).to.equal('Show more classes');
    await expect(el).to.be.accessible();
  });

  it('adds a page and moves focus to the first class it showed', async () => {
    el = await mountGrowing(timetable(500, 3, 5));
    await el.updateComplete;
    more(el)!.focus();
    await sendKeys({ press: 'Enter' });
    // The first new row takes focus in the click's own update, before the frames add the rest.
    expect(focused(el)?.getAttribute('part')).to.equal('title');
    expect(text(focused(el))).to.equal('Spin 50');
    await el.updateComplete;
    expect(titles(el)).to.have.length(100);
    expect(text(focused(el))).to.equal('Spin 50');
    // Tab goes on to that class's seats, then its Book button.
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.getAttribute('part')).to.equal('seats-select');
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.getAttribute('aria-label')).to.match(/^Book Spin 50, /);
  });

  it('goes once the last class is shown, focus on it rather than lost', async () => {
    el = await mountGrowing(timetable(PAGE + 1, 3, 5));
    await el.updateComplete;
    expect(titles(el)).to.have.length(PAGE);
    more(el)!.click();
    await el.updateComplete;
    expect(titles(el)).to.have.length(PAGE + 1);
    expect(more(el)).to.equal(null);
    expect(text(focused(el))).to.equal('Spin 50');
  });

  it('is not offered when a page holds every class', async () => {
    el = await mountGrowing(timetable(PAGE, 3, 5));
    await el.updateComplete;
    expect(titles(el)).to.have.length(PAGE);
    expect(more(el)).to.equal(null);
  });

  it('starts again from the first page on a new filter', async () => {
    el = await mountGrowing(timetable(500, 3, 5));
    await el.updateComplete;
    more(el)!.click();
    await el.updateComplete;
    expect(titles(el)).to.have.length(100);
    // 400 Yoga classes: the first page of them, and the button.
    search(el, 'yoga');
    await el.updateComplete;
    const yoga = titles(el);
    expect(yoga).to.have.length(PAGE);
    expect(yoga.every((title) => title.startsWith('Yoga'))).to.equal(true);
    expect(yoga[PAGE - 1]).to.equal('Yoga 62');
    expect(more(el)).not.to.equal(null);
  });

  it('speaks the visitor’s language', async () => {
    el = await mountGrowing(timetable(500, 3, 5));
    el.locale = 'de';
    await el.updateComplete;
    for (let frame = 0; frame < 100 && text(more(el)) !== 'Weitere Kurse anzeigen'; frame += 1) {
      await new Promise((done) => requestAnimationFrame(done));
    }
    expect(text(more(el))).to.equal('Weitere Kurse anzeigen');
  });
});
