/// <reference types="mocha" />
import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { DEMO_KEYS, ManualClock, OWNER } from '../../engine/index.ts';
import { startMockWorker } from '../../mock/browser.ts';
import { en } from '../../i18n/en/index.ts';
import { formatSpoken } from '../countdown/format-remaining.ts';
import '../define-all.ts';
import { inner, until, clean } from '../../../test/browser/shadow-helpers.ts';
import {
  button,
  deepActive,
  fillAndSubmit,
  heading,
  is,
  pickClass,
  pickTime,
  resultState,
  setUp,
  template,
  type Keyboard,
} from '../../../test/browser/keyboard.ts';

/**
 * Every flow of <slotkit-widget> by keyboard alone, against the mock engine in a service worker.
 * Only `sendKeys` touches the widget (test/browser/keyboard.ts checks focus and live regions
 * after every key): no clicks, no dispatched events, no values set.
 */

const NOW = '2026-11-26T12:00:00Z';
const MINUTE = 60_000;
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

const t = en.widget;

let session: Keyboard | undefined;
afterEach(() => {
  session?.stop();
  session = undefined;
});

// ------------------------------------------------------------------ the flows

describe('<slotkit-widget> by keyboard alone', () => {
  it('instant (barber): Tab in, pick a day and a time, fill in, book, confirmed', async function () {
    this.timeout(30_000);
    const keyboard = (session = await setUp(
      html`<slotkit-widget
        app-key=${DEMO_KEYS.barber}
        project-id="proj_barber"
        time-zone="Europe/Copenhagen"
        locale="en-GB"
      ></slotkit-widget>`,
    ));
    const { widget, log } = keyboard;
    keyboard.start();
    const { start, label } = await pickTime(keyboard, 1);
    expect(label).to.equal('18:30');
    await keyboard.expectStep(t.detailsHeading);
    expect(inner(widget, '[part="summary"]')!.textContent).to.include('18:30');
    // "The time is held for you for 10 minutes", from the widget's own polite region.
    log.expectPolite(t.holdCreatedAnnouncement(10, 'en'));
    await expect(widget).to.be.accessible();
    await fillAndSubmit(keyboard, 'Marty McFly', 'marty@example.test');
    await keyboard.expectStep(t.outcome.booked);
    expect(resultState(widget)).to.equal('confirmed');
    log.expectPolite(t.outcome.booked);
    await expect(widget).to.be.accessible();
    const [booking] = mock.api.engine.listBookings({ graph: ['instant'] }, OWNER);
    expect(Date.parse(booking!.attributes.event_info!.start)).to.equal(Date.parse(start));
    expect(booking!.customers[0]!.name).to.equal('Marty McFly');
    // The result's actions are reachable too.
    await keyboard.tabTo(button(t.manageLink), 'Manage this booking');
    await keyboard.tabTo(button(t.bookAnother), 'Book another time');
    keyboard.expectNeverLost();
  });

  it('confirm_decline (consultant): Back gives the time back; an empty submit points at the first field; the request is sent', async function () {
    this.timeout(30_000);
    const keyboard = (session = await setUp(
      html`<slotkit-widget
        app-key=${DEMO_KEYS.consultant}
        project-id="proj_consultant"
        locale="en-GB"
      ></slotkit-widget>`,
    ));
    const { widget, log } = keyboard;
    const holds: string[] = [];
    widget.addEventListener('slotkit-hold-created', (event) => holds.push(event.detail.hold.id));
    keyboard.start();
    await pickTime(keyboard);
    await keyboard.expectStep(t.detailsHeading);
    log.expectPolite(t.holdCreatedAnnouncement(10, 'en'));

    // Back to the times: focus on that step's heading, the hold released.
    await keyboard.tabTo(button(t.back), 'Back');
    await keyboard.press('Enter');
    await keyboard.expectStep(t.chooseTimeHeading);
    await until(() => mock.api.engine.getHold(holds[0]!).state === 'released', 'hold released');

    // The same time again: the hold is announced again, not swallowed as unchanged text.
    await pickTime(keyboard);
    await keyboard.expectStep(t.detailsHeading);
    log.expectPolite(t.holdCreatedAnnouncement(10, 'en'), 2);

    // Submit the empty form: errors shown, focus on the first invalid field, count announced.
    const form = inner(widget, 'slotkit-customer-form')!;
    await keyboard.tabTo(is('[part~="submit"]'), 'the submit button');
    expect(clean(deepActive()!.textContent)).to.equal(t.submitRequest);
    await keyboard.press('Enter');
    await keyboard.settle();
    const nameField = inner<HTMLInputElement>(form, '[name="name"]')!;
    expect(keyboard.expectFocus('submitting the empty form')).to.equal(nameField);
    expect(nameField.getAttribute('aria-invalid')).to.equal('true');
    const described = nameField.getAttribute('aria-describedby')!;
    expect(clean(inner(form, `#${described.split(' ').at(-1)}`)!.textContent)).to.include('Name');
    log.expectPolite(en.customerForm.needAttention(2, 'en'));
    expect(mock.api.engine.listBookings({ graph: ['confirm_decline'] }, OWNER)).to.have.length(0);
    await expect(widget).to.be.accessible();

    await fillAndSubmit(keyboard, 'Lorraine Baines', 'lorraine@example.test');
    await keyboard.expectStep(t.outcome.requested);
    expect(resultState(widget)).to.equal('tentative');
    log.expectPolite(t.outcome.requested);
    await expect(widget).to.be.accessible();
    keyboard.expectNeverLost();
  });

  it('instant_payment: the booking waits for the test payment, pressed with Enter', async function () {
    this.timeout(30_000);
    const keyboard = (session = await setUp(
      html`<slotkit-widget
        app-key=${DEMO_KEYS.paidSession}
        project-id="proj_paid_session"
      ></slotkit-widget>`,
    ));
    const { widget, log } = keyboard;
    keyboard.start();
    await pickTime(keyboard);
    await keyboard.expectStep(t.detailsHeading);
    log.expectPolite(t.holdCreatedAnnouncement(10, 'en'));
    expect(
      clean(inner(inner(widget, 'slotkit-customer-form')!, '[part~="submit"]')!.textContent),
    ).to.equal(t.submitPayment);
    await fillAndSubmit(keyboard, 'George McFly', 'george@example.test');
    await keyboard.expectStep(t.paymentHeading);
    log.expectPolite(t.payIntro);
    expect(inner(widget, 'slotkit-countdown')).to.not.equal(null);
    await expect(widget).to.be.accessible();
    await keyboard.tabTo(button(t.payTest), 'the test payment button');
    await keyboard.press('Enter');
    await keyboard.expectStep(t.outcome.paid);
    expect(resultState(widget)).to.equal('paid');
    log.expectPolite(t.outcome.paid);
    await expect(widget).to.be.accessible();
    keyboard.expectNeverLost();
  });

  it('group_customer (yoga): two seats chosen with the arrows, booked', async function () {
    this.timeout(30_000);
    const keyboard = (session = await setUp(
      html`<slotkit-widget
        app-key=${DEMO_KEYS.yoga}
        project-id="proj_yoga"
        time-zone="America/New_York"
        locale="en-GB"
      ></slotkit-widget>`,
    ));
    const { widget, log } = keyboard;
    keyboard.start();
    await pickClass(keyboard, 2);
    await keyboard.expectStep(t.detailsHeading);
    expect(inner(widget, '.widget')!.textContent).to.include('2 seats');
    log.expectPolite(t.holdCreatedAnnouncement(10, 'en'));
    await expect(widget).to.be.accessible();
    await fillAndSubmit(keyboard, 'Marty McFly', 'marty@example.test');
    await keyboard.expectStep(t.outcome.booked);
    expect(resultState(widget)).to.equal('confirmed');
    log.expectPolite(t.outcome.booked);
    await expect(widget).to.be.accessible();
    const [yoga] = mock.api.engine.listGroups({}, { role: 'public', projectId: 'proj_yoga' });
    expect(yoga!.attributes.group_booking.current_seats).to.equal(2);
    keyboard.expectNeverLost();
  });

  it('group_customer (yoga): the countdown speaks at 5 and 1 minutes; at expiry focus returns to the list', async function () {
    this.timeout(30_000);
    const keyboard = (session = await setUp(
      html`<slotkit-widget
        app-key=${DEMO_KEYS.yoga}
        project-id="proj_yoga"
        locale="en-GB"
      ></slotkit-widget>`,
    ));
    const { widget, log } = keyboard;
    keyboard.start();
    await pickClass(keyboard, 2);
    await keyboard.expectStep(t.detailsHeading);
    log.expectPolite(t.holdCreatedAnnouncement(10, 'en'));
    // Something typed, which the expiry must not lose.
    await keyboard.tabTo(is('[name="name"]'), 'the name field');
    await keyboard.type('Lorraine Baines');

    // The sandbox moves the engine's clock and asks the widget to catch up.
    clock.advance(5 * MINUTE + 30_000);
    await widget.refresh();
    await keyboard.settle();
    log.expectPolite(en.countdown.timeLeft(formatSpoken(5 * MINUTE, 'en-GB')));
    keyboard.expectFocus('5 minutes left');
    await expect(widget).to.be.accessible();

    clock.advance(4 * MINUTE);
    await widget.refresh();
    await keyboard.settle();
    log.expectPolite(en.countdown.timeLeft(formatSpoken(MINUTE, 'en-GB')));
    keyboard.expectFocus('1 minute left');

    clock.advance(MINUTE);
    await widget.refresh();
    await keyboard.expectStep(t.chooseClassHeading);
    log.expectPolite(t.holdExpired);
    expect(clean(inner(widget, '[part="notice"]')!.textContent)).to.equal(t.holdExpired);
    await expect(widget).to.be.accessible();

    // Back in the list by keyboard: one seat this time; the form kept the name.
    await pickClass(keyboard, 1);
    await keyboard.expectStep(t.detailsHeading);
    log.expectPolite(t.holdCreatedAnnouncement(10, 'en'), 2);
    const form = inner(widget, 'slotkit-customer-form')!;
    expect(inner<HTMLInputElement>(form, '[name="name"]')!.value).to.equal('Lorraine Baines');
    const email = await keyboard.tabTo(is('[name="email"]'), 'the email field');
    expect(email).to.equal(inner(form, '[name="email"]'));
    await keyboard.type('lorraine@example.test');
    await keyboard.tabTo(is('[part~="submit"]'), 'the submit button');
    await keyboard.press('Enter');
    await keyboard.expectStep(t.outcome.booked);
    log.expectPolite(t.outcome.booked);
    keyboard.expectNeverLost();
  });

  it('group_customer_payment: one seat, the test payment by Space, paid', async function () {
    this.timeout(30_000);
    const keyboard = (session = await setUp(
      html`<slotkit-widget
        app-key=${DEMO_KEYS.paidClass}
        project-id="proj_paid_class"
      ></slotkit-widget>`,
    ));
    const { widget, log } = keyboard;
    keyboard.start();
    await pickClass(keyboard, 1);
    await keyboard.expectStep(t.detailsHeading);
    log.expectPolite(t.holdCreatedAnnouncement(10, 'en'));
    await fillAndSubmit(keyboard, 'Biff Tannen', 'biff@example.test');
    await keyboard.expectStep(t.paymentHeading);
    log.expectPolite(t.payIntro);
    await expect(widget).to.be.accessible();
    await keyboard.tabTo(button(t.payTest), 'the test payment button');
    await keyboard.press('Space');
    await keyboard.expectStep(t.outcome.paid);
    expect(resultState(widget)).to.equal('paid');
    log.expectPolite(t.outcome.paid);
    await expect(widget).to.be.accessible();
    keyboard.expectNeverLost();
  });
});

describe('the keyboard checks themselves', () => {
  it('notice a focus ring the page made invisible', async function () {
    this.timeout(10_000);
    const keyboard = (session = await setUp(
      html`<style>
          slotkit-widget {
            --slotkit-color-focus: transparent;
          }
        </style>
        <slotkit-widget app-key=${DEMO_KEYS.barber} project-id="proj_barber"></slotkit-widget>`,
    ));
    await until(() => inner(keyboard.widget, 'slotkit-slot-picker'), 'picker');
    keyboard.start();
    await sendKeys({ press: 'Tab' });
    await keyboard.settle();
    expect(() => keyboard.expectFocus('Tab')).to.throw(/visible focus indicator/);
  });
});

describe('<slotkit-widget> manage by keyboard alone', () => {
  it('cancels a booking with a message', async function () {
    this.timeout(30_000);
    const [yoga] = mock.api.engine.listGroups({}, { role: 'public', projectId: 'proj_yoga' });
    const booking = mock.api.engine.createBooking(
      {
        graph: 'group_customer',
        related: { owner_booking_id: yoga!.id },
        customer: { name: 'Marty', email: 'marty@example.test' },
      },
      { role: 'public', projectId: 'proj_yoga' },
    );
    const keyboard = (session = await setUp(
      html`<slotkit-widget
        app-key=${DEMO_KEYS.yoga}
        project-id="proj_yoga"
        booking-id=${booking.id}
        customer-token=${booking.customer_token!}
      ></slotkit-widget>`,
    ));
    const { widget, log } = keyboard;
    await until(() => inner(widget, 'form.cancel'), 'manage view');
    await keyboard.settle();
    await expect(widget).to.be.accessible();
    keyboard.start();
    // "Cancel booking" opens a confirmation first (a native disclosure: Enter opens it).
    const open = await keyboard.tabTo(is('summary'), 'the cancel disclosure');
    expect(clean(open.textContent)).to.equal(t.cancelBooking);
    await keyboard.press('Enter');
    const textarea = await keyboard.tabTo(is('textarea'), 'the message field');
    expect(textarea.id).to.equal('message');
    await keyboard.type('Sorry, Doc');
    const cancel = await keyboard.press('Tab');
    expect(clean(cancel.textContent)).to.equal(t.cancelConfirm);
    await keyboard.press('Enter');
    await until(
      () => mock.api.engine.getBooking(booking.id, OWNER).state === 'cancelled_by_customer',
      'cancelled',
    );
    await until(() => !inner(widget, 'form.cancel'), 'cancel form gone');
    await keyboard.settle();
    log.expectPolite(t.cancelled);
    // The visitor's words, and a banner: never the engine's "cancelled by customer".
    expect(clean(inner(widget, '[data-outcome]')!.textContent)).to.equal(t.outcome.cancelled);
    expect(inner(widget, '[data-banner="cancelled"]')).to.not.equal(null);
    expect(inner(widget, '.widget')!.textContent).not.to.include('cancelled by customer');
    // The cancel button went away with the form: focus lands on the view's heading, not <body>.
    expect(keyboard.expectFocus('the cancellation')).to.equal(heading(widget));
    keyboard.expectNeverLost();
    await expect(widget).to.be.accessible();
    expect(mock.api.engine.outbox().at(-1)!.body).to.include('Sorry, Doc');
  });

  it('reschedules a 1:1 booking to another time', async function () {
    this.timeout(30_000);
    const slots = mock.api.engine.availability({}, { role: 'public', projectId: 'proj_barber' });
    const booking = mock.api.engine.createBooking(
      {
        graph: 'instant',
        project_id: 'proj_barber',
        event: {
          start: slots[0]!.start,
          end: slots[0]!.end,
          what: 'Haircut',
          resource_id: 'res_barber',
        },
        customer: { name: 'Marty', email: 'marty@example.test' },
      },
      { role: 'public', projectId: 'proj_barber' },
    );
    const keyboard = (session = await setUp(
      html`<slotkit-widget
        app-key=${DEMO_KEYS.barber}
        project-id="proj_barber"
        booking-id=${booking.id}
        customer-token=${booking.customer_token!}
        time-zone="Europe/Copenhagen"
        locale="en-GB"
      ></slotkit-widget>`,
    ));
    const { widget, log } = keyboard;
    await until(() => inner(widget, 'form.cancel'), 'manage view');
    await keyboard.settle();
    keyboard.start();
    await keyboard.tabTo(button(t.reschedule), 'Change time');
    await keyboard.press('Enter');
    await keyboard.expectStep(t.rescheduleHeading);
    const { label } = await pickTime(keyboard, 2);
    // The confirmation appears; the visitor hears what it asks and can Tab to it.
    const confirm = await until(() => inner<HTMLElement>(widget, '.confirm'), 'confirmation');
    await keyboard.settle();
    expect(clean(confirm.textContent)).to.include(label);
    log.expectPolite(template(t.rescheduleConfirm('\u0000')));
    await expect(widget).to.be.accessible();
    await keyboard.tabTo(
      (element) => element === confirm.querySelector('button'),
      'the confirm button',
    );
    await keyboard.press('Enter');
    await keyboard.expectStep(t.manageHeading);
    log.expectPolite(template(t.rescheduleDone('\u0000')));
    const moved = mock.api.engine.getBooking(booking.id, OWNER);
    expect(moved.state).to.equal('rescheduled_by_customer');
    await expect(widget).to.be.accessible();
    keyboard.expectNeverLost();
  });
});
