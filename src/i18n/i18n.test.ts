/// <reference types="mocha" />
import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../components/define-all.ts';
import type { SlotkitClassList } from '../components/class-list/class-list.ts';
import type { SlotkitCountdown } from '../components/countdown/countdown.ts';
import { formatInstant } from '../lib/time/index.ts';
import type { Group } from '../schemas/booking.ts';
import { en, messagesFor } from './index.ts';

const T0 = Date.parse('2026-03-29T09:00:00Z');
const EXPIRES = formatInstant(T0 + 4 * 60_000 + 59_000);
const clock = () => T0;

const $ = (el: Element, selector: string): HTMLElement | null =>
  el.shadowRoot!.querySelector<HTMLElement>(selector);
const text = (node: Element | null): string =>
  (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Catalogue modules other than English the page has fetched (the dev server serves src/ as is). */
// The dev server serves every source file as a module: more than the browser's default 250
// resource entries, after which later fetches (the catalogues) would go unrecorded.
performance.setResourceTimingBufferSize(100_000);

function fetchedCatalogues(): string[] {
  return performance
    .getEntriesByType('resource')
    .map((entry) => /\/i18n\/([a-z]+)\/index\.ts/.exec(entry.name)?.[1])
    .filter((lang): lang is string => lang !== undefined && lang !== 'en');
}

/** Counts the element's updates from now on. */
function countUpdates(el: HTMLElement): () => number {
  let updates = 0;
  const own = (el as unknown as { updated(changed: unknown): void }).updated;
  Object.defineProperty(el, 'updated', {
    configurable: true,
    value(changed: unknown) {
      updates += 1;
      own.call(this, changed);
    },
  });
  return () => updates;
}

function countdown(attributes: { locale?: string } = {}) {
  return html`<slotkit-countdown
    .clock=${clock}
    expires-at=${EXPIRES}
    locale=${attributes.locale ?? ''}
  ></slotkit-countdown>`;
}

function group(seatsLeft: number): Group {
  return {
    id: 'g1',
    graph: 'group_owner',
    state: 'tentative',
    completed: false,
    created_at: '2026-11-01T10:00:00Z',
    updated_at: '2026-11-01T10:00:00Z',
    attributes: {
      event_info: {
        start: '2026-11-27T08:00:00Z',
        end: '2026-11-27T09:00:00Z',
        what: "Doc Brown's Yoga",
      },
      group_booking: {
        current_seats: 20 - seatsLeft,
        max_seats: 20,
        seats_left: seatsLeft,
        bookable_until: '2026-11-27T06:00:00Z',
        cancellable_until: '2026-11-26T08:00:00Z',
      },
    },
  };
}

describe('locales', () => {
  it('English costs nothing: an English page fetches no catalogue', async () => {
    const el = await fixture<SlotkitCountdown>(countdown({ locale: 'en-GB' }));
    await aTimeout(50);
    expect(text($(el, '[part="label"]'))).to.equal(en.countdown.label);
    expect(fetchedCatalogues()).to.deep.equal([]);
    expect(messagesFor('de')).to.equal(undefined);
  });

  it('renders German once the catalogue arrives', async () => {
    const el = await fixture<SlotkitCountdown>(countdown({ locale: 'de' }));
    await waitUntil(() => messagesFor('de') !== undefined, 'the German catalogue never loaded');
    const german = messagesFor('de')!;
    expect(german.countdown.label).to.not.equal(en.countdown.label);
    await waitUntil(
      () => text($(el, '[part="label"]')) === german.countdown.label,
      'the countdown never re-rendered in German',
    );
    expect($(el, '[part="timer"]')!.getAttribute('aria-label')).to.match(
      /^Für Sie reserviert: 4 Minuten/,
    );
    expect($(el, '[part="base"]')!.getAttribute('dir')).to.equal('ltr');
    expect(fetchedCatalogues()).to.deep.equal(['de']);
  });

  it('re-renders once when a catalogue arrives, and never loops', async () => {
    // A class list has no timer of its own: its updates are its first render and the catalogue's.
    const el = document.createElement('slotkit-class-list');
    const updates = countUpdates(el);
    el.groups = [group(3)];
    el.now = Date.parse('2026-11-20T12:00:00Z');
    el.timeZone = 'Europe/Madrid';
    el.locale = 'es-MX';
    const parent = await fixture<HTMLElement>(html`<div></div>`);
    parent.append(el);
    await waitUntil(() => text($(el, '[part="seats"]')) === 'Quedan 3 plazas');
    const settled = updates();
    expect(settled).to.be.within(1, 2);
    await aTimeout(200);
    expect(updates(), 'updates kept coming after the catalogue arrived').to.equal(settled);
    expect(el.isUpdatePending).to.equal(false);
  });

  it('renders a German <slotkit-class-list>', async () => {
    const el = await fixture<SlotkitClassList>(html`
      <slotkit-class-list
        .groups=${[group(3)]}
        .now=${Date.parse('2026-11-20T12:00:00Z')}
        time-zone="Europe/Berlin"
        locale="de-AT"
      ></slotkit-class-list>
    `);
    await waitUntil(() => text($(el, '[part="seats"]')) === 'Noch 3 Plätze frei');
    expect(text($(el, '[part="book-button"]'))).to.equal('Buchen');
    // The zone chooser the class list shares with the time picker, in German.
    expect(text($(el, '[part="zone"]'))).to.match(/^Zeitzone /);
    el.groups = [group(1)];
    await el.updateComplete;
    expect(text($(el, '[part="seats"]'))).to.equal('Noch 1 Platz frei');
  });

  it('lang="ar" on an ancestor gives Arabic, right to left', async () => {
    const wrapper = await fixture<HTMLElement>(
      html`<div lang="ar-EG">
        ${countdown()}
        <slotkit-class-list
          .groups=${[group(2)]}
          .now=${Date.parse('2026-11-20T12:00:00Z')}
          time-zone="Africa/Cairo"
        ></slotkit-class-list>
      </div>`,
    );
    const timerEl = wrapper.querySelector('slotkit-countdown')!;
    const list = wrapper.querySelector('slotkit-class-list')!;
    await waitUntil(() => messagesFor('ar') !== undefined, 'the Arabic catalogue never loaded');
    const arabic = messagesFor('ar')!;
    await waitUntil(() => text($(timerEl, '[part="label"]')) === arabic.countdown.label);
    expect($(timerEl, '[part="base"]')!.getAttribute('dir')).to.equal('rtl');
    await waitUntil(() => text($(list, '[part="seats"]')) === 'بقي مقعدان');
    expect($(list, '[part="base"]')!.getAttribute('dir')).to.equal('rtl');
    expect(getComputedStyle($(list, '[part="base"]')!).direction).to.equal('rtl');
  });

  it('an explicit locale wins over the ancestors’ lang', async () => {
    const wrapper = await fixture<HTMLElement>(
      html`<div lang="ar">${countdown({ locale: 'nb-NO' })}</div>`,
    );
    const el = wrapper.querySelector('slotkit-countdown')!;
    await waitUntil(() => text($(el, '[part="label"]')) === messagesFor('nb')?.countdown.label);
    expect($(el, '[part="base"]')!.getAttribute('dir')).to.equal('ltr');
  });

  it('follows a locale changed at run time, at once when that catalogue is loaded', async () => {
    const el = await fixture<SlotkitCountdown>(countdown({ locale: 'de' }));
    expect(text($(el, '[part="label"]'))).to.equal(messagesFor('de')!.countdown.label);
    el.locale = 'fr-CA';
    await waitUntil(() => text($(el, '[part="label"]')) === messagesFor('fr')?.countdown.label);
    el.locale = 'de-CH';
    await el.updateComplete;
    expect(text($(el, '[part="label"]'))).to.equal(messagesFor('de')!.countdown.label);
  });

  it('an unknown locale falls back to English and fetches nothing', async () => {
    const before = fetchedCatalogues();
    const el = await fixture<SlotkitCountdown>(countdown({ locale: 'tlh' }));
    const wrapper = await fixture<HTMLElement>(html`<div lang="zz-ZZ">${countdown()}</div>`);
    const inherited = wrapper.querySelector('slotkit-countdown')!;
    await aTimeout(100);
    for (const element of [el, inherited]) {
      expect(text($(element, '[part="label"]'))).to.equal(en.countdown.label);
      expect($(element, '[part="base"]')!.getAttribute('dir')).to.equal('ltr');
    }
    expect(fetchedCatalogues()).to.deep.equal(before);
  });
});
