/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { DEMO_KEYS, ManualClock, OWNER } from '../../engine/index.ts';
import { startMockWorker } from '../../mock/browser.ts';
import type { SlotkitWidget } from './widget.ts';
import '../define-all.ts';
import { inner, until } from '../../../test/browser/shadow-helpers.ts';
import { en } from '../../i18n/en/index.ts';

/** The result step's heading is the outcome: "You are booked", "Paid and booked", ... */
const RESULT_HEADINGS: string[] = Object.values(en.widget.outcome);

/**
 * Whole flows of <slotkit-widget> against the mock engine in a service worker, driven through
 * the inner elements' own controls as a visitor would.
 */

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

function heading(widget: SlotkitWidget): string {
  return inner(widget, '[data-step-heading]')?.textContent?.trim() ?? '';
}

async function fillCustomer(widget: SlotkitWidget, name: string, email: string) {
  const form = await until(() => inner(widget, 'slotkit-customer-form'), 'form shown');
  const set = (field: string, value: string) => {
    const input = inner<HTMLInputElement>(form, `[name="${field}"]`)!;
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  };
  set('name', name);
  set('email', email);
  return form;
}

function submit(form: Element) {
  inner<HTMLButtonElement>(form, '[part~="submit"]')!.click();
}

async function bookFirstClass(widget: SlotkitWidget, seats: number) {
  const list = await until(() => {
    const element = inner(widget, 'slotkit-class-list');
    return element && inner(element, '[part~="book-button"]:not([disabled])') ? element : null;
  }, 'bookable classes listed');
  const select = inner<HTMLSelectElement>(list, '[part~="seats-select"]')!;
  select.value = String(seats);
  select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  inner<HTMLButtonElement>(list, '[part~="book-button"]')!.click();
  await until(() => heading(widget) === 'Your details', 'details step');
}

describe('<slotkit-widget> configuration', () => {
  it('shows the site owner what is missing, logs one error, and never throws', async () => {
    const errors: unknown[][] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      const widget = await fixture<SlotkitWidget>(
        html`<slotkit-widget graph="group_owner" time-zone="Mars/Olympus"></slotkit-widget>`,
      );
      const box = await until(() => inner(widget, '[part="config-error"]'), 'config message');
      const text = box.textContent!;
      expect(text).to.include('app-key');
      expect(text).to.include('project-id');
      expect(text).to.include('instant, confirm_decline, instant_payment, group_customer');
      expect(text).to.include('IANA time zone');
      expect(errors).to.have.length(1);
      expect(String(errors[0]![0])).to.include('app-key');
      await expect(widget).to.be.accessible();
    } finally {
      console.error = original;
    }
  });

  it('names project-id when the project does not exist, and app-key when the key is refused', async () => {
    const original = console.error;
    console.error = () => undefined;
    try {
      const unknown = await fixture<SlotkitWidget>(
        html`<slotkit-widget app-key=${DEMO_KEYS.yoga} project-id="proj_nope"></slotkit-widget>`,
      );
      // A widget key for another project is refused before the project is looked up.
      const box = await until(() => inner(unknown, '[part="config-error"]'), 'message');
      expect(box.textContent).to.match(/app-key|project-id/);
      const wrongKey = await fixture<SlotkitWidget>(
        html`<slotkit-widget app-key="nope" project-id="proj_yoga"></slotkit-widget>`,
      );
      const refused = await until(() => inner(wrongKey, '[part="config-error"]'), 'refused');
      expect(refused.textContent).to.include('app-key');
    } finally {
      console.error = original;
    }
  });

  it('brand-color derives readable tokens; a bad colour is named in one console error', async () => {
    const widget = await fixture<SlotkitWidget>(
      html`<slotkit-widget
        app-key=${DEMO_KEYS.yoga}
        project-id="proj_yoga"
        brand-color="#ffd700"
      ></slotkit-widget>`,
    );
    expect(widget.style.getPropertyValue('--slotkit-color-accent')).to.equal('#ffd700');
    expect(widget.style.getPropertyValue('--slotkit-color-on-accent')).to.equal('#111827');
    const errors: unknown[][] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      widget.brandColor = 'gold';
      await widget.updateComplete;
    } finally {
      console.error = original;
    }
    expect(errors).to.have.length(1);
    expect(String(errors[0]![0])).to.include('brand-color');
    expect(widget.style.getPropertyValue('--slotkit-color-accent')).to.equal('');
  });

  it('an unreachable API gives a message and a retry, not an endless spinner', async () => {
    const widget = await fixture<SlotkitWidget>(
      html`<slotkit-widget
        base-url="http://127.0.0.1:9/unreachable"
        app-key=${DEMO_KEYS.yoga}
        project-id="proj_yoga"
        timeout-ms="1500"
      ></slotkit-widget>`,
    );
    const alert = await until(
      () => inner(widget, '[role="alert"] button') && inner(widget, '[role="alert"]'),
      'failure shown',
    ).catch((error) => {
      throw new Error(`${error}: ${widget.shadowRoot!.innerHTML.replace(/<!--[^>]*-->/g, '')}`);
    });
    expect(alert.textContent).to.match(/could not be loaded/);
  });
});

describe('<slotkit-widget> group flows', () => {
  it('group_customer: pick a class and seats, hold, fill in, book, see the result', async () => {
    const events: string[] = [];
    const widget = await fixture<SlotkitWidget>(
      html`<slotkit-widget
        app-key=${DEMO_KEYS.yoga}
        project-id="proj_yoga"
        time-zone="America/New_York"
        locale="en-GB"
      ></slotkit-widget>`,
    );
    for (const type of [
      'slotkit-class-select',
      'slotkit-hold-created',
      'slotkit-booking-created',
    ] as const) {
      widget.addEventListener(type, () => events.push(type));
    }
    await bookFirstClass(widget, 2);
    // The details step's template arrives with the form's chunk (lazy); wait for it under load.
    await until(() => inner(widget, 'slotkit-customer-form'), 'details step');
    // The summary names the class and its place; the seats held are said beside it.
    expect(inner(widget, '.widget')!.textContent).to.include('2 seats');
    expect(inner(widget, '[part="summary"]')!.textContent).to.include('Sesame St');
    expect(inner(widget, 'slotkit-countdown')).to.not.equal(null);
    await expect(widget).to.be.accessible();
    const form = await fillCustomer(widget, 'Marty McFly', 'marty@example.test');
    submit(form);
    // The heading comes first; the result's own part arrives with the steps after booking.
    await until(
      () => RESULT_HEADINGS.includes(heading(widget)) && inner(widget, '[part="result"]'),
      'result step',
    );
    expect(inner(widget, '[part="result"]')!.getAttribute('data-state')).to.equal('confirmed');
    expect(heading(widget)).to.equal('You are booked');
    expect(events).to.deep.equal([
      'slotkit-class-select',
      'slotkit-hold-created',
      'slotkit-booking-created',
    ]);
    const [yoga] = mock.api.engine.listGroups({}, { role: 'public', projectId: 'proj_yoga' });
    expect(yoga!.attributes.group_booking.current_seats).to.equal(2);
    // Focus moved to the new step's heading, not lost to <body>.
    expect(widget.shadowRoot!.activeElement).to.equal(inner(widget, '[data-step-heading]'));
    await expect(widget).to.be.accessible();
  });

  it('group_customer_payment: the booking waits for the test payment, then is paid', async () => {
    const widget = await fixture<SlotkitWidget>(
      html`<slotkit-widget
        app-key=${DEMO_KEYS.paidClass}
        project-id="proj_paid_class"
      ></slotkit-widget>`,
    );
    let required = 0;
    widget.addEventListener('slotkit-payment-required', () => (required += 1));
    await bookFirstClass(widget, 1);
    submit(await fillCustomer(widget, 'Biff Tannen', 'biff@example.test'));
    await until(() => heading(widget) === 'Payment', 'payment step');
    expect(required).to.equal(1);
    const pay = inner<HTMLButtonElement>(widget, '.actions > button.button')!;
    expect(pay.textContent).to.include('test payment');
    await expect(widget).to.be.accessible();
    pay.click();
    await until(() => RESULT_HEADINGS.includes(heading(widget)), 'result');
    expect(inner(widget, '[part="result"]')!.getAttribute('data-state')).to.equal('paid');
  });

  it('when the hold expires, the visitor is told, the list refreshes and the form keeps what was typed', async () => {
    const widget = await fixture<SlotkitWidget>(
      html`<slotkit-widget app-key=${DEMO_KEYS.yoga} project-id="proj_yoga"></slotkit-widget>`,
    );
    let expired = 0;
    widget.addEventListener('slotkit-hold-expired', () => (expired += 1));
    await bookFirstClass(widget, 3);
    await fillCustomer(widget, 'Lorraine Baines', 'lorraine@example.test');
    clock.advance(10 * 60_000 + 1000);
    // As the sandbox does after moving the clock: the widget asks again and learns the new time.
    await widget.refresh();
    await until(() => heading(widget) === 'Choose a class', 'back to the list');
    expect(expired).to.equal(1);
    expect(inner(widget, '[part="notice"]')!.textContent).to.include('expired');
    const [yoga] = mock.api.engine.listGroups({}, { role: 'public', projectId: 'proj_yoga' });
    expect(yoga!.attributes.group_booking.current_seats).to.equal(0);
    // Choosing again brings the form back with what was typed.
    await bookFirstClass(widget, 1);
    const form = await until(() => inner(widget, 'slotkit-customer-form'), 'form');
    await (form as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expect(inner<HTMLInputElement>(form, '[name="name"]')!.value).to.equal('Lorraine Baines');
  });

  it('the hold keeps the seats while others buy the rest, so the visitor still gets them', async () => {
    const widget = await fixture<SlotkitWidget>(
      html`<slotkit-widget app-key=${DEMO_KEYS.yoga} project-id="proj_yoga"></slotkit-widget>`,
    );
    await bookFirstClass(widget, 2);
    const [yoga] = mock.api.engine.listGroups({}, { role: 'public', projectId: 'proj_yoga' });
    // Everyone else takes every seat that is left.
    mock.api.engine.createBooking(
      {
        graph: 'group_customer',
        related: { owner_booking_id: yoga!.id, seats: 18 },
        customer: { name: 'Crowd', email: 'crowd@example.test' },
      },
      OWNER,
    );
    submit(await fillCustomer(widget, 'Marty McFly', 'marty@example.test'));
    await until(() => RESULT_HEADINGS.includes(heading(widget)), 'result');
    expect(mock.api.engine.getGroup(yoga!.id).attributes.group_booking.current_seats).to.equal(20);
  });

  it('a failing API keeps the form and says what to do; a retry then books', async () => {
    const widget = await fixture<SlotkitWidget>(
      html`<slotkit-widget app-key=${DEMO_KEYS.yoga} project-id="proj_yoga"></slotkit-widget>`,
    );
    let failures = 0;
    widget.addEventListener('slotkit-booking-failed', () => (failures += 1));
    await bookFirstClass(widget, 1);
    mock.worker.use(
      http.post('*/v2/bookings', () =>
        HttpResponse.json(
          { error: { status: 503, code: 'unavailable', message: 'Down for maintenance' } },
          { status: 503 },
        ),
      ),
    );
    const form = await fillCustomer(widget, 'George McFly', 'george@example.test');
    submit(form);
    await until(() => inner(widget, '.widget > .error'), 'error shown');
    expect(failures).to.equal(1);
    expect(heading(widget)).to.equal('Your details');
    expect(inner<HTMLInputElement>(form, '[name="email"]')!.value).to.equal('george@example.test');
    mock.worker.resetHandlers();
    submit(form);
    await until(() => RESULT_HEADINGS.includes(heading(widget)), 'booked on retry');
  });
});

async function pickFirstSlot(widget: SlotkitWidget) {
  const picker = await until(() => {
    const element = inner(widget, 'slotkit-slot-picker');
    return element && inner(element, 'td[data-date].available') ? element : null;
  }, 'available days');
  inner<HTMLElement>(picker, 'td[data-date].available')!.click();
  const option = await until(() => inner<HTMLElement>(picker, 'li[role="option"]'), 'times');
  const start = option.querySelector('time')!.getAttribute('datetime')!;
  const label = option.textContent!.trim();
  option.click();
  return { start, label };
}

describe('<slotkit-widget> one-to-one flows', () => {
  it('instant, for a visitor in another zone than the barber: pick, hold, book, confirmed', async () => {
    const events: string[] = [];
    const widget = await fixture<SlotkitWidget>(
      html`<slotkit-widget
        app-key=${DEMO_KEYS.barber}
        project-id="proj_barber"
        time-zone="Europe/Copenhagen"
        locale="en-GB"
      ></slotkit-widget>`,
    );
    for (const type of [
      'slotkit-slot-select',
      'slotkit-hold-created',
      'slotkit-booking-created',
    ] as const) {
      widget.addEventListener(type, () => events.push(type));
    }
    const { start, label } = await pickFirstSlot(widget);
    // The barber opens at 09:00 in Los Angeles: 18:00 in Copenhagen in November.
    expect(label).to.equal('18:00');
    await until(() => heading(widget) === 'Your details', 'details');
    expect(inner(widget, '[part="summary"]')!.textContent).to.include('18:00');
    submit(await fillCustomer(widget, 'Marty McFly', 'marty@example.test'));
    await until(() => RESULT_HEADINGS.includes(heading(widget)), 'result');
    expect(inner(widget, '[part="result"]')!.getAttribute('data-state')).to.equal('confirmed');
    expect(events).to.deep.equal([
      'slotkit-slot-select',
      'slotkit-hold-created',
      'slotkit-booking-created',
    ]);
    const [booking] = mock.api.engine.listBookings({ graph: ['instant'] }, OWNER);
    expect(Date.parse(booking!.attributes.event_info!.start)).to.equal(Date.parse(start));
    expect(booking!.customers[0]!.timezone).to.equal('Europe/Copenhagen');
    await expect(widget).to.be.accessible();
  });

  it('confirm_decline: the result says the host will confirm', async () => {
    const widget = await fixture<SlotkitWidget>(
      html`<slotkit-widget
        app-key=${DEMO_KEYS.consultant}
        project-id="proj_consultant"
      ></slotkit-widget>`,
    );
    await pickFirstSlot(widget);
    const form = await fillCustomer(widget, 'Lorraine Baines', 'lorraine@example.test');
    expect(inner(form, '[part~="submit"]')!.textContent).to.include('Request booking');
    submit(form);
    await until(() => RESULT_HEADINGS.includes(heading(widget)), 'result');
    expect(inner(widget, '[part="result"]')!.getAttribute('data-state')).to.equal('tentative');
    expect(heading(widget)).to.equal('Request sent — the host will confirm');
  });

  it('instant_payment: the payment step counts the window down, and the test payment books', async () => {
    const widget = await fixture<SlotkitWidget>(
      html`<slotkit-widget
        app-key=${DEMO_KEYS.paidSession}
        project-id="proj_paid_session"
      ></slotkit-widget>`,
    );
    await pickFirstSlot(widget);
    submit(await fillCustomer(widget, 'George McFly', 'george@example.test'));
    await until(() => heading(widget) === 'Payment', 'payment');
    expect(inner(widget, 'slotkit-countdown')).to.not.equal(null);
    inner<HTMLButtonElement>(widget, '.actions > button.button')!.click();
    await until(() => RESULT_HEADINGS.includes(heading(widget)), 'paid');
    expect(inner(widget, '[part="result"]')!.getAttribute('data-state')).to.equal('paid');
  });

  it('instant_payment: when the payment window ends unpaid, the visitor is told and starts again', async () => {
    const widget = await fixture<SlotkitWidget>(
      html`<slotkit-widget
        app-key=${DEMO_KEYS.paidSession}
        project-id="proj_paid_session"
      ></slotkit-widget>`,
    );
    await pickFirstSlot(widget);
    submit(await fillCustomer(widget, 'George McFly', 'george@example.test'));
    await until(() => heading(widget) === 'Payment', 'payment');
    clock.advance(11 * 60_000);
    await widget.refresh();
    await until(() => heading(widget) === 'Choose a time', 'back to the times');
    expect(inner(widget, '[part="notice"]')!.textContent).to.include('payment window ended');
    const [booking] = mock.api.engine.listBookings({ graph: ['instant_payment'] }, OWNER);
    expect(booking!.state).to.equal('unpaid');
  });

  it('a taken slot is refused gracefully and the times reload', async () => {
    const widget = await fixture<SlotkitWidget>(
      html`<slotkit-widget app-key=${DEMO_KEYS.barber} project-id="proj_barber"></slotkit-widget>`,
    );
    const picker = await until(() => {
      const element = inner(widget, 'slotkit-slot-picker');
      return element && inner(element, 'td[data-date].available') ? element : null;
    }, 'days');
    inner<HTMLElement>(picker, 'td[data-date].available')!.click();
    const option = await until(() => inner<HTMLElement>(picker, 'li[role="option"]'), 'times');
    const start = option.querySelector('time')!.getAttribute('datetime')!;
    // Someone else books that time between the list loading and the click.
    mock.api.engine.reserve(
      {
        resource_id: 'res_barber',
        start,
        end: new Date(Date.parse(start) + 30 * 60_000).toISOString(),
      },
      OWNER,
    );
    option.click();
    await until(() => inner(widget, '[part="notice"]'), 'notice');
    expect(inner(widget, '[part="notice"]')!.textContent).to.include('just took that time');
    expect(heading(widget)).to.equal('Choose a time');
  });
});

describe('<slotkit-widget> manage', () => {
  it('reschedules a 1:1 booking to another time', async () => {
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
    const widget = await fixture<SlotkitWidget>(
      html`<slotkit-widget
        app-key=${DEMO_KEYS.barber}
        project-id="proj_barber"
        booking-id=${booking.id}
        customer-token=${booking.customer_token!}
      ></slotkit-widget>`,
    );
    const moved: string[] = [];
    widget.addEventListener('slotkit-booking-rescheduled', (event) =>
      moved.push(event.detail.rescheduledTo),
    );
    const change = await until(
      () =>
        [...widget.shadowRoot!.querySelectorAll('button')].find((button) =>
          button.textContent!.includes('Change time'),
        ),
      'change time button',
    );
    change.click();
    await pickFirstSlot(widget);
    const confirm = await until(
      () => inner<HTMLButtonElement>(widget, '.confirm button'),
      'confirm',
    );
    confirm.click();
    await until(() => moved.length === 1, 'rescheduled');
    expect(mock.api.engine.getBooking(booking.id, OWNER).state).to.equal('rescheduled_by_customer');
    expect(mock.api.engine.getBooking(moved[0]!, OWNER).state).to.equal('confirmed');
    expect(heading(widget)).to.equal('Your booking');
  });

  it('shows a booking by id and token and cancels it with a message', async () => {
    const [yoga] = mock.api.engine.listGroups({}, { role: 'public', projectId: 'proj_yoga' });
    const booking = mock.api.engine.createBooking(
      {
        graph: 'group_customer',
        related: { owner_booking_id: yoga!.id },
        customer: { name: 'Marty', email: 'marty@example.test' },
      },
      { role: 'public', projectId: 'proj_yoga' },
    );
    const widget = await fixture<SlotkitWidget>(
      html`<slotkit-widget
        app-key=${DEMO_KEYS.yoga}
        project-id="proj_yoga"
        booking-id=${booking.id}
        customer-token=${booking.customer_token!}
      ></slotkit-widget>`,
    );
    const cancelled: string[] = [];
    widget.addEventListener('slotkit-booking-cancelled', (event) =>
      cancelled.push(event.detail.booking.state),
    );
    const form = await until(() => inner<HTMLFormElement>(widget, 'form.cancel'), 'manage view');
    // The state is in the visitor's words, never the engine's.
    expect(inner(widget, '[data-outcome]')!.textContent).to.include('You are booked');
    expect(inner(widget, '.widget')!.textContent).not.to.match(/\bconfirmed\b/);
    await expect(widget).to.be.accessible();
    inner<HTMLTextAreaElement>(widget, 'textarea')!.value = 'Sorry, Doc';
    form.requestSubmit();
    await until(() => cancelled.length === 1, 'cancelled');
    expect(cancelled).to.deep.equal(['cancelled_by_customer']);
    expect(inner(widget, 'form.cancel')).to.equal(null);
    const outbox = mock.api.engine.outbox();
    expect(outbox.at(-1)!.body).to.include('Sorry, Doc');
  });
});
