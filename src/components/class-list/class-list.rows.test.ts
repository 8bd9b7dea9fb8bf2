/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Group } from '../../schemas/booking.ts';
import type { SlotkitClassList } from './class-list.ts';
import { classGroup, mountList, NOW, shown, shownAll, text, titles } from './class-list.fixture.ts';

/**
 * The compact rows and their controls: price and place from the data (nothing when absent), the
 * date strip, search, place filter and zone chooser by keyboard, the skeleton's size, and axe in
 * light and dark.
 */

function group(
  id: string,
  what: string,
  start: string,
  extra: { where?: string; price?: unknown; seatsLeft?: number; teacher?: string } = {},
): Group {
  const { teacher, ...rest } = extra;
  return classGroup({
    id,
    what,
    start,
    ...rest,
    ...(teacher ? { resource: { id: teacher.toLowerCase(), name: teacher } } : {}),
  });
}

const groups = (): Group[] => [
  group('a', 'Yoga', '2026-11-27T08:00:00Z', {
    where: 'Studio 1',
    teacher: 'Doc',
    price: { amount: 12000, currency: 'DKK' },
  }),
  group('b', 'Pilates', '2026-11-27T17:00:00Z', {
    where: 'Studio 2',
    teacher: 'Marty',
    seatsLeft: 0,
    price: { amount: 1500, currency: 'JPY' },
  }),
  group('c', 'Yoga', '2026-11-28T09:00:00Z', {
    where: 'Studio 1',
    teacher: 'Doc',
    price: { amount: 0, currency: 'EUR' },
  }),
  group('d', 'Meditation', '2026-11-30T07:00:00Z'),
];

const list = (data: Group[], options: { locale?: string; theme?: 'light' | 'dark' } = {}) =>
  mountList(data, options);
const $ = shown;
const $$ = shownAll;
const row = (el: SlotkitClassList, index: number) => shownAll(el, '[part="class"]')[index]!;

describe('<slotkit-class-list> rows and controls', () => {
  it('shows time, name, host, place, price in the locale, and seats left or sold out', async () => {
    const el = await list(groups());
    const yoga = row(el, 0);
    expect(text(yoga.querySelector('[part="when"]'))).to.equal('09:00–10:00');
    expect(text(yoga.querySelector('[part="resource"]'))).to.equal('Doc');
    expect(text(yoga.querySelector('[part="where"]'))).to.equal('Studio 1');
    expect(text(yoga.querySelector('[part="price"]'))).to.equal('DKK 120.00');
    expect(text(yoga.querySelector('[part="seats"]'))).to.equal('3 left');
    const pilates = row(el, 1);
    expect(text(pilates.querySelector('[part="price"]'))).to.equal('JP¥1,500');
    expect(text(pilates.querySelector('[part="seats"]'))).to.equal('Sold out');
    expect(pilates.querySelector<HTMLButtonElement>('[part="book-button"]')!.disabled).to.equal(
      true,
    );
    expect(text(row(el, 2).querySelector('[part="price"]'))).to.equal('Free');
    // No price, no place, no host in the data: nothing is shown for them.
    const meditation = row(el, 3);
    expect(meditation.querySelector('[part="price"]')).to.equal(null);
    expect(meditation.querySelector('[part="where"]')).to.equal(null);
  });

  it('formats prices and days in the visitor locale (ja: digits only in the strip)', async () => {
    const el = await list(groups(), { locale: 'ja' });
    for (let wait = 0; wait < 50 && text($(el, '[part~="date-button"]')) !== 'すべての日'; wait++) {
      await new Promise((done) => setTimeout(done, 20));
      await el.updateComplete;
    }
    expect(text(row(el, 0).querySelector('[part="price"]'))).to.equal('DKK 120.00');
    const numbers = $$(el, '.strip-number').map((node) => text(node));
    expect(numbers).to.deep.equal(['27', '28', '30']);
    expect(text($(el, '[part~="date-button"] .visually-hidden'))).to.equal('2026年11月27日金曜日');
    expect($<HTMLInputElement>(el, '[part="title-filter"]')!.placeholder).to.equal(
      'ヨガ、ピラティス…',
    );
  });

  it('the date strip is one tab stop; arrows, Home and End choose the day', async () => {
    const el = await list(groups());
    const all = $<HTMLButtonElement>(el, '[part~="date-button"]')!;
    expect(all.getAttribute('aria-pressed')).to.equal('true');
    expect($$(el, '[part~="date-button"][tabindex="0"]')).to.have.length(1);
    all.focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(titles(el)).to.deep.equal(['Yoga', 'Pilates']);
    const focused = el.shadowRoot!.activeElement as HTMLElement;
    expect(focused.dataset.day).to.equal('2026-11-27');
    expect(focused.getAttribute('aria-pressed')).to.equal('true');
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(titles(el)).to.deep.equal(['Meditation']);
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(titles(el)).to.have.length(4);
    await expect(el).to.be.accessible();
  });

  it('in Arabic the strip reads right to left: ArrowLeft moves to the next day', async () => {
    const el = await list(groups(), { locale: 'ar' });
    for (let wait = 0; wait < 50 && $(el, '[part="base"]')!.dir !== 'rtl'; wait++) {
      await new Promise((done) => setTimeout(done, 20));
      await el.updateComplete;
    }
    $<HTMLButtonElement>(el, '[part~="date-button"]')!.focus();
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect((el.shadowRoot!.activeElement as HTMLElement).dataset.day).to.equal('2026-11-27');
  });

  it('search (with a placeholder) and the place filter by keyboard', async () => {
    const el = await list(groups());
    const search = $<HTMLInputElement>(el, '[part="title-filter"]')!;
    expect(search.placeholder).to.equal('Yoga, Pilates…');
    search.focus();
    await sendKeys({ type: 'yog' });
    await el.updateComplete;
    expect(titles(el)).to.deep.equal(['Yoga', 'Yoga']);
    await sendKeys({ press: 'Tab' }); // the host filter
    await sendKeys({ press: 'Tab' }); // the place filter
    const place = el.shadowRoot!.activeElement as HTMLSelectElement;
    expect(place.getAttribute('part')).to.equal('place-filter');
    expect([...place.options].map((option) => text(option))).to.deep.equal([
      'All',
      'Studio 1',
      'Studio 2',
    ]);
    place.value = 'Studio 2';
    place.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(text($(el, '[part="empty"] p'))).to.equal('No classes match your filters.');
  });

  it('the time-zone chooser opens by keyboard and switches the times', async () => {
    const el = await list(groups());
    const trigger = $<HTMLButtonElement>(el, '[part="timezone-button"]')!;
    expect(text(trigger)).to.contain('Copenhagen');
    trigger.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await new Promise((done) => setTimeout(done, 50));
    const input = $<HTMLInputElement>(el, '[part="timezone-search"]')!;
    expect(el.shadowRoot!.activeElement).to.equal(input);
    await sendKeys({ type: 'Tokyo' });
    await el.updateComplete;
    const changed = new Promise<CustomEvent>((done) =>
      el.addEventListener('slotkit-timezone-change', (event) => done(event as CustomEvent), {
        once: true,
      }),
    );
    await sendKeys({ press: 'Enter' });
    expect((await changed).detail).to.deep.equal({ timeZone: 'Asia/Tokyo' });
    await el.updateComplete;
    expect(text(row(el, 0).querySelector('[part="when"]'))).to.equal('17:00–18:00');
    expect(text($(el, '[part="timezone-button"]'))).to.contain('Tokyo');
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`is accessible in ${theme}: rows, strip, filters, loading`, async () => {
      const el = await list(groups(), { theme });
      $$<HTMLButtonElement>(el, '[part~="date-button"]')[1]!.click();
      await el.updateComplete;
      await expect(el).to.be.accessible();
      el.status = 'loading';
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });
  }

  it('the skeleton takes the loaded list’s height: nothing below jumps when data arrives', async () => {
    const el = await fixture<SlotkitClassList>(html`
      <slotkit-class-list
        status="loading"
        time-zone="Europe/Copenhagen"
        .locale=${'en-GB'}
        .now=${NOW}
        style="display:block;inline-size:40rem"
      ></slotkit-class-list>
    `);
    const before = el.getBoundingClientRect().height;
    expect($(el, '[part="skeleton"] .skeleton-row')).not.to.equal(null);
    el.groups = groups().slice(0, 3);
    el.status = 'ready';
    await el.updateComplete;
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    const after = el.getBoundingClientRect().height;
    expect(Math.abs(after - before), `${before} -> ${after}`).to.be.below(4);
  });
});
