/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import { DEMO_KEYS, ManualClock, OWNER } from '../../engine/index.ts';
import { startMockWorker } from '../../mock/browser.ts';
import { en } from '../../i18n/en/index.ts';
import type { SlotkitWidget } from './widget.ts';
import '../define-all.ts';
import { inner, until, clean } from '../../../test/browser/shadow-helpers.ts';

/** The waitlist in <slotkit-widget>: joined from a sold-out class by keyboard, and the offer link. */

const NOW = '2026-11-26T12:00:00Z';
let mock: Awaited<ReturnType<typeof startMockWorker>>;
const clock = new ManualClock(NOW);

before(async () => {
  mock = await startMockWorker({ clock, seed: 'demo' });
});
after(() => mock.worker.stop());
beforeEach(() => {
  clock.set(Date.parse(NOW));
  mock.api.reset('demo');
  mock.worker.resetHandlers();
});

/** Sells out the paid class's first class; returns it and the booking that fills it. */
function soldOutClass() {
  const [group] = mock.api.engine.listGroups({}, { role: 'public', projectId: 'proj_paid_class' });
  const crowd = mock.api.engine.createBooking(
    {
      graph: 'group_customer_payment',
      related: { owner_booking_id: group!.id, seats: group!.attributes.group_booking.max_seats },
      customer: { name: 'Crowd', email: 'crowd@example.test' },
    },
    OWNER,
  );
  return { group: group!, crowd };
}

/** Focus as a visitor has it: down through every shadow root. */
function deepActive(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

async function tabTo(wanted: (element: Element) => boolean, what: string): Promise<Element> {
  for (let count = 0; count < 40; count += 1) {
    await sendKeys({ press: 'Tab' });
    const active = deepActive();
    if (active && wanted(active)) return active;
  }
  throw new Error(`Tab never reached ${what}`);
}

const widgetOf = (key: string, project: string) =>
  fixture<SlotkitWidget>(
    html`<div>
      <button id="before">before</button>
      <slotkit-widget
        app-key=${key}
        project-id=${project}
        time-zone="America/New_York"
        locale="en-GB"
      ></slotkit-widget>
    </div>`,
  ).then((root) => root.querySelector('slotkit-widget')!);

describe('<slotkit-widget> waitlist', () => {
  it('joins a sold-out class by keyboard alone, and says so', async function () {
    this.timeout(30_000);
    const { group } = soldOutClass();
    const widget = await widgetOf(DEMO_KEYS.paidClass, 'proj_paid_class');
    const list = await until(() => inner(widget, 'slotkit-class-list'), 'the class list');
    await until(() => inner(list, '[part~="waitlist-button"]'), 'a waitlist button');
    await expect(widget).to.be.accessible();
    (document.querySelector('#before') as HTMLElement).focus();
    const button = await tabTo(
      (element) => element.matches('[part~="waitlist-button"]'),
      'Join the waitlist',
    );
    expect(clean(button.textContent)).to.equal(en.waitlist.join);
    await sendKeys({ press: 'Enter' });
    const form = await until(() => inner(widget, 'slotkit-customer-form'), 'the waitlist form');
    expect(clean(inner(widget, '[data-step-heading]')!.textContent)).to.equal(en.waitlist.join);
    await expect(widget).to.be.accessible();
    const name = inner<HTMLInputElement>(form, '[name="name"]')!;
    await tabTo((element) => element === name, 'the name field');
    await sendKeys({ type: 'Marty McFly' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'marty@example.test' });
    await tabTo((element) => element.matches('[part~="submit"]'), 'the submit button');
    await sendKeys({ press: 'Enter' });
    const confirmation = await until(
      () => inner(widget, '[part="waitlist-confirmation"]'),
      'the confirmation',
    );
    expect(clean(confirmation.textContent)).to.equal(en.waitlist.joined);
    expect(clean(inner(widget, '[data-step-heading]')!.textContent)).to.equal(
      en.waitlist.joinedHeading,
    );
    await expect(widget).to.be.accessible();
    const [entry] = mock.api.engine.listWaitlist({ owner_booking_id: group.id });
    expect(entry?.customer.email).to.equal('marty@example.test');
    expect(entry?.state).to.equal('waiting');
  });

  it('asks for the seats chosen on the sold-out class, by keyboard, and says how many', async function () {
    this.timeout(30_000);
    const { group } = soldOutClass();
    const bodies: unknown[] = [];
    const listen = ({ request }: { request: Request }) => {
      if (request.method === 'POST' && request.url.endsWith('/bookings/waitlist')) {
        void request
          .clone()
          .json()
          .then((body) => bodies.push(body));
      }
    };
    mock.worker.events.on('request:start', listen);
    try {
      const widget = await widgetOf(DEMO_KEYS.paidClass, 'proj_paid_class');
      const list = await until(() => inner(widget, 'slotkit-class-list'), 'the class list');
      const join = await until(
        () => inner<HTMLElement>(list, '[part~="waitlist-button"]'),
        'a waitlist button',
      );
      const row = join.closest('slotkit-class-list-item')!;
      await expect(widget).to.be.accessible();
      (document.querySelector('#before') as HTMLElement).focus();
      const select = (await tabTo(
        (element) => element.matches('[part~="seats-select"]') && row.contains(element),
        'the sold-out class’s seats',
      )) as HTMLSelectElement;
      await sendKeys({ press: 'ArrowDown' });
      expect(select.value).to.equal('2');
      await tabTo((element) => element === join, 'Join the waitlist');
      await sendKeys({ press: 'Enter' });
      const form = await until(() => inner(widget, 'slotkit-customer-form'), 'the waitlist form');
      expect(clean(inner(widget, '.widget')!.textContent)).to.include(
        en.waitlist.forSeats(2, 'en-GB'),
      );
      await expect(widget).to.be.accessible();
      const name = inner<HTMLInputElement>(form, '[name="name"]')!;
      await tabTo((element) => element === name, 'the name field');
      await sendKeys({ type: 'Lorraine Baines' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ type: 'lorraine@example.test' });
      await tabTo((element) => element.matches('[part~="submit"]'), 'the submit button');
      await sendKeys({ press: 'Enter' });
      const confirmation = await until(
        () => inner(widget, '[part="waitlist-confirmation"]'),
        'the confirmation',
      );
      expect(clean(confirmation.textContent)).to.equal(en.waitlist.joinedSeats(2, 'en-GB'));
      expect(clean(confirmation.textContent)).to.include('2 seats');
      await expect(widget).to.be.accessible();
      await until(() => bodies.length === 1, 'the join’s body');
      expect((bodies[0] as { related: unknown }).related).to.deep.equal({
        owner_booking_id: group.id,
        seats: 2,
      });
      const [entry] = mock.api.engine.listWaitlist({ owner_booking_id: group.id });
      expect(entry?.seats).to.equal(2);
    } finally {
      mock.worker.events.removeListener('request:start', listen);
    }
  });

  it('leaves the waitlist from its confirmation by keyboard, after a refusal shown as an error', async function () {
    this.timeout(30_000);
    const { group } = soldOutClass();
    const widget = await widgetOf(DEMO_KEYS.paidClass, 'proj_paid_class');
    const list = await until(() => inner(widget, 'slotkit-class-list'), 'the class list');
    (
      await until(() => inner<HTMLElement>(list, '[part~="waitlist-button"]'), 'a waitlist button')
    ).focus();
    await sendKeys({ press: 'Enter' });
    const form = await until(() => inner(widget, 'slotkit-customer-form'), 'the waitlist form');
    inner<HTMLInputElement>(form, '[name="name"]')!.focus();
    await sendKeys({ type: 'Biff Tannen' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'biff@example.test' });
    await tabTo((element) => element.matches('[part~="submit"]'), 'the submit button');
    await sendKeys({ press: 'Enter' });
    await until(() => inner(widget, '[part="waitlist-confirmation"]'), 'the confirmation');
    const [entry] = mock.api.engine.listWaitlist({ owner_booking_id: group.id });

    // The service refuses once: the widget's error, and the visitor is still on the list.
    mock.worker.use(
      http.delete('*/v2/bookings/waitlist/:id', () =>
        HttpResponse.json(
          { error: { status: 503, code: 'unavailable', message: 'Down for maintenance' } },
          { status: 503 },
        ),
      ),
    );
    const leave = await tabTo(
      (element) => element.matches('[part~="waitlist-leave"]'),
      'Leave the waitlist',
    );
    expect(clean(leave.textContent)).to.equal(en.waitlist.leave);
    await sendKeys({ press: 'Enter' });
    const error = await until(() => inner(widget, '.widget > .error'), 'the error');
    expect(error.getAttribute('role')).to.equal('alert');
    expect(mock.api.engine.getWaitlistEntry(entry!.id, OWNER).state).to.equal('waiting');
    await expect(widget).to.be.accessible();

    mock.worker.resetHandlers();
    expect(deepActive() === leave, 'focus stays on the button').to.equal(true);
    await sendKeys({ press: 'Enter' });
    await until(
      () => clean(inner(widget, '[data-step-heading]')?.textContent) === en.waitlist.leftHeading,
      'the left heading',
    );
    expect(clean(inner(widget, '[part="waitlist-confirmation"]')!.textContent)).to.equal(
      en.waitlist.left,
    );
    expect(inner(widget, '.widget > .error')).to.equal(null);
    expect(inner(widget, '[part~="waitlist-leave"]')).to.equal(null);
    expect(mock.api.engine.getWaitlistEntry(entry!.id, OWNER).state).to.equal('left');
    expect(deepActive()?.hasAttribute('data-step-heading')).to.equal(true);
    await expect(widget).to.be.accessible();

    const backButton = await tabTo(
      (element) => clean(element.textContent) === en.waitlist.backToClasses,
      'Back to classes',
    );
    expect(backButton.tagName).to.equal('BUTTON');
    await sendKeys({ press: 'Enter' });
    await until(() => inner(widget, 'slotkit-class-list'), 'the class list again');
  });

  it('an offer link opens the form under the offered seats with its countdown, then books', async function () {
    this.timeout(30_000);
    const { group, crowd } = soldOutClass();
    mock.api.engine.joinWaitlist(
      {
        related: { owner_booking_id: group.id },
        customer: { name: 'Marty', email: 'marty@example.test' },
      },
      { role: 'public', projectId: 'proj_paid_class' },
    );
    mock.api.engine.performAction(crowd.id, 'cancel_by_owner', {}, OWNER);
    const [entry] = mock.api.engine.listWaitlist({ owner_booking_id: group.id });
    const holdId = entry!.offer!.hold_id;
    const page = location.href;
    history.replaceState(null, '', `${location.pathname}?keep=1&slotkit_hold=${holdId}`);
    try {
      const widget = await widgetOf(DEMO_KEYS.paidClass, 'proj_paid_class');
      const countdown = await until(() => inner(widget, 'slotkit-countdown'), 'the countdown');
      expect(countdown.tagName).to.equal('SLOTKIT-COUNTDOWN');
      expect(location.search).to.equal('?keep=1');
      expect(clean(inner(widget, '.widget')!.textContent)).to.include(
        group.attributes.event_info.what,
      );
      await expect(widget).to.be.accessible();
      const form = await until(() => inner(widget, 'slotkit-customer-form'), 'the form');
      inner<HTMLInputElement>(form, '[name="name"]')!.focus();
      await sendKeys({ type: 'Marty' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ type: 'marty@example.test' });
      await tabTo((element) => element.matches('[part~="submit"]'), 'the submit button');
      await sendKeys({ press: 'Enter' });
      await until(
        () => mock.api.engine.getWaitlistEntry(entry!.id, OWNER).state === 'booked',
        'the entry booked',
      );
    } finally {
      history.replaceState(null, '', page);
    }
  });
});
