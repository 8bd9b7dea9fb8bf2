import { expect, fixture, html } from '@open-wc/testing';
import { DEMO_KEYS, ManualClock, OWNER } from '../../engine/index.ts';
import { formatRange } from '../../lib/time/format.ts';
import { startMockWorker } from '../../mock/browser.ts';
import type { SlotkitWidget } from './widget.ts';
import '../define-all.ts';
import { inner, until } from '../../../test/browser/shadow-helpers.ts';

/**
 * Issue 12: what the visitor sees around and after booking: the summary, the confirmation per
 * outcome, add-to-calendar, payment failure and retry, the manage banners, the redirect.
 */

const NOW = '2026-11-26T12:00:00Z';
const ENGINE_WORDS =
  /\b(tentative|confirmed|cancelled_by_owner|cancelled_by_customer|awaiting_verification|Your seat is held)\b/;
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

const heading = (widget: SlotkitWidget) =>
  inner(widget, '[data-step-heading]')?.textContent?.trim() ?? '';
const text = (widget: SlotkitWidget) => inner(widget, '.widget')?.textContent ?? '';

async function pickFirstSlot(widget: SlotkitWidget) {
  const picker = await until(() => {
    const element = inner(widget, 'slotkit-slot-picker');
    return element && inner(element, 'td[data-date].available') ? element : null;
  }, 'available days');
  inner<HTMLElement>(picker, 'td[data-date].available')!.click();
  const option = await until(() => inner<HTMLElement>(picker, 'li[role="option"]'), 'times');
  option.click();
}

async function book(widget: SlotkitWidget) {
  await pickFirstSlot(widget);
  const form = await until(() => inner(widget, 'slotkit-customer-form'), 'form shown');
  const set = (field: string, value: string) => {
    const input = inner<HTMLInputElement>(form, `[name="${field}"]`)!;
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  };
  set('name', 'Marty McFly');
  set('email', 'marty@example.test');
  await (form as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
  inner<HTMLButtonElement>(form, '[part~="submit"]')!.click();
}

function setTheme(widget: SlotkitWidget, theme: 'light' | 'dark') {
  widget.setAttribute('theme', theme);
}

describe('summary and confirmation', function () {
  this.timeout(20_000);
  it('instant: the summary says what, how long, how much, where; the result says booked', async () => {
    const widget = await fixture<SlotkitWidget>(
      html`<slotkit-widget
        app-key=${DEMO_KEYS.barber}
        project-id="proj_barber"
        time-zone="Europe/Copenhagen"
        locale="en-US"
      ></slotkit-widget>`,
    );
    const summary = await until(() => inner(widget, '[part="summary"]'), 'summary');
    expect(summary.textContent).to.include('Hill Valley Barbers');
    expect(summary.textContent).to.include('30 min');
    expect(summary.textContent).to.include('$25.00');
    expect(summary.textContent).to.include('1640 Riverside Drive');
    const created: Event[] = [];
    widget.addEventListener('slotkit-booking-created', (event) => created.push(event));
    await book(widget);
    await until(() => heading(widget) === 'You are booked', 'booked');
    await until(() => inner(widget, '[part="result"]'), 'confirmation shown');
    expect(created[0]!.cancelable).to.equal(true);
    const shown = text(widget);
    expect(shown).not.to.match(ENGINE_WORDS);
    expect(shown).to.include('marty@example.test');
    // The time in the visitor's zone, named.
    expect(inner(widget, '[part="summary"]')!.textContent).to.match(/Central European/);
    expect(inner(widget, '[data-reference]')!.textContent).to.match(/\S+/);
    const ics = inner<HTMLAnchorElement>(widget, 'a[download$=".ics"]')!;
    expect(decodeURIComponent(ics.href)).to.include('BEGIN:VEVENT');
    expect(inner<HTMLAnchorElement>(widget, 'a[href*="calendar.google.com"]')).to.not.equal(null);
    for (const theme of ['light', 'dark'] as const) {
      setTheme(widget, theme);
      await widget.updateComplete;
      await expect(widget).to.be.accessible();
    }
  });

  it('confirm_decline: "Request sent", never a confirmation before the host decides', async () => {
    const widget = await fixture<SlotkitWidget>(
      html`<slotkit-widget
        app-key=${DEMO_KEYS.consultant}
        project-id="proj_consultant"
      ></slotkit-widget>`,
    );
    await book(widget);
    await until(() => heading(widget) === 'Request sent — the host will confirm', 'requested');
    expect(text(widget)).not.to.match(ENGINE_WORDS);
    expect(text(widget)).not.to.include('A confirmation goes to');
    expect(inner(widget, '[part="summary"]')!.textContent).to.include('Online');
    await expect(widget).to.be.accessible();
  });
});

describe('payment', function () {
  this.timeout(20_000);
  it('shows the amount, a failing payment says so and a retry pays', async () => {
    const widget = await fixture<SlotkitWidget>(
      html`<slotkit-widget
        app-key=${DEMO_KEYS.paidSession}
        project-id="proj_paid_session"
        locale="en-GB"
      ></slotkit-widget>`,
    );
    let attempts = 0;
    const errors: Array<{ code: string; message: string }> = [];
    widget.addEventListener('slotkit-error', (event) => errors.push(event.detail));
    // A test double of a provider whose first charge is declined.
    widget.payment = {
      label: 'Pay by card',
      pay: async (booking) => {
        attempts += 1;
        if (attempts === 1)
          throw Object.assign(new Error('card_declined: 4000…0002'), { code: 'card_declined' });
        return { reference: `card_${booking.id}` };
      },
    };
    await book(widget);
    await until(() => heading(widget) === 'Payment', 'payment');
    expect(inner(widget, '[data-amount]')!.textContent).to.include('£45.00');
    const pay = () => inner<HTMLButtonElement>(widget, '.actions > button.button')!;
    pay().click();
    await until(() => inner(widget, '.error[role="alert"]'), 'failure shown');
    expect(text(widget)).not.to.include('4000');
    expect(errors.at(-1)!.message).to.include('card_declined');
    expect(pay().textContent!.trim()).to.equal('Try again');
    for (const theme of ['light', 'dark'] as const) {
      setTheme(widget, theme);
      await widget.updateComplete;
      await expect(widget).to.be.accessible();
    }
    pay().click();
    await until(() => heading(widget) === 'Paid and booked', 'paid');
    expect(text(widget)).not.to.match(ENGINE_WORDS);
  });

  it('the way back releases the time and returns to the chooser', async () => {
    const widget = await fixture<SlotkitWidget>(
      html`<slotkit-widget
        app-key=${DEMO_KEYS.paidSession}
        project-id="proj_paid_session"
      ></slotkit-widget>`,
    );
    await book(widget);
    await until(() => heading(widget) === 'Payment', 'payment');
    inner<HTMLButtonElement>(widget, '.actions > button.button.secondary')!.click();
    await until(() => heading(widget) === 'Choose a time', 'back at the chooser');
  });
});

describe('manage', function () {
  this.timeout(20_000);
  it('cancelling asks first, then shows a banner and "Book another time"', async () => {
    const widget = await fixture<SlotkitWidget>(
      html`<slotkit-widget app-key=${DEMO_KEYS.barber} project-id="proj_barber"></slotkit-widget>`,
    );
    await book(widget);
    await until(() => heading(widget) === 'You are booked', 'booked');
    inner<HTMLButtonElement>(widget, '.actions > button.button')!.click();
    await until(() => heading(widget) === 'Your booking', 'manage');
    const details = inner<HTMLDetailsElement>(widget, 'details')!;
    expect(details.open).to.equal(false);
    expect(inner(widget, 'summary.button.danger')!.textContent).to.include('Cancel booking');
    details.open = true;
    await expect(widget).to.be.accessible();
    inner<HTMLFormElement>(widget, 'form.cancel')!.requestSubmit();
    const banner = await until(() => inner(widget, '[data-banner="cancelled"]'), 'banner');
    expect(banner.textContent).to.include('cancelled');
    expect(text(widget)).not.to.match(ENGINE_WORDS);
    for (const theme of ['light', 'dark'] as const) {
      setTheme(widget, theme);
      await widget.updateComplete;
      await expect(widget).to.be.accessible();
    }
    const another = [...widget.shadowRoot!.querySelectorAll('button')].find((button) =>
      button.textContent!.includes('Book another time'),
    )!;
    another.click();
    await until(() => heading(widget) === 'Choose a time', 'no dead end');
  });
});

/** A haircut booked straight in the engine, as if earlier: the manage link's id and token. */
function bookedHaircut(slotIndex = 0) {
  const engine = mock.api.engine;
  const slot = engine.availability({}, { role: 'public', projectId: 'proj_barber' })[slotIndex]!;
  const booking = engine.createBooking(
    {
      graph: 'instant',
      project_id: 'proj_barber',
      event: { start: slot.start, end: slot.end, what: 'Haircut', resource_id: 'res_barber' },
      customer: { name: 'Marty', email: 'marty@example.test' },
    },
    { role: 'public', projectId: 'proj_barber' },
  );
  return { booking, slot };
}

const buttonNamed = (widget: SlotkitWidget, label: string) =>
  [...widget.shadowRoot!.querySelectorAll('button')].find((button) =>
    button.textContent!.includes(label),
  );

describe('manage: what happened while the visitor was away', function () {
  this.timeout(20_000);
  it('the host cancelled with a message: a banner with their words and "Book another time"', async () => {
    const { booking } = bookedHaircut();
    const words = 'Sorry Marty, the shop is closed on Friday. Come next week!';
    mock.api.engine.performAction(booking.id, 'cancel', { cancel: { message: words } }, OWNER);
    const widget = await fixture<SlotkitWidget>(
      html`<slotkit-widget
        app-key=${DEMO_KEYS.barber}
        project-id="proj_barber"
        booking-id=${booking.id}
        customer-token=${booking.customer_token!}
      ></slotkit-widget>`,
    );
    const banner = await until(() => inner(widget, '[data-banner="ended"]'), 'ended banner');
    expect(banner.querySelector('[data-outcome]')!.textContent!.trim()).to.equal(
      'This booking is cancelled',
    );
    const message = banner.querySelector('[data-host-message]')!;
    expect(message.textContent).to.include('Message from the host');
    expect(message.querySelector('blockquote')!.textContent).to.equal(words);
    expect(text(widget)).not.to.match(ENGINE_WORDS);
    expect(text(widget)).not.to.include('cancelled by');
    for (const theme of ['light', 'dark'] as const) {
      setTheme(widget, theme);
      await widget.updateComplete;
      await expect(widget).to.be.accessible();
    }
    buttonNamed(widget, 'Book another time')!.click();
    await until(() => heading(widget) === 'Choose a time', 'no dead end');
  });

  it('the host cancelled without a message: the banner says so, no empty quote', async () => {
    const { booking } = bookedHaircut();
    mock.api.engine.performAction(booking.id, 'cancel', {}, OWNER);
    const widget = await fixture<SlotkitWidget>(
      html`<slotkit-widget
        app-key=${DEMO_KEYS.barber}
        project-id="proj_barber"
        booking-id=${booking.id}
        customer-token=${booking.customer_token!}
      ></slotkit-widget>`,
    );
    const banner = await until(() => inner(widget, '[data-banner="ended"]'), 'ended banner');
    expect(banner.querySelector('[data-host-message]')).to.equal(null);
    expect(buttonNamed(widget, 'Book another time')).to.not.equal(undefined);
  });
});

describe('manage: rescheduling', function () {
  this.timeout(20_000);
  it('ends with a banner from the old time to the new one', async () => {
    const { booking, slot } = bookedHaircut();
    const widget = await fixture<SlotkitWidget>(
      html`<slotkit-widget
        app-key=${DEMO_KEYS.barber}
        project-id="proj_barber"
        booking-id=${booking.id}
        customer-token=${booking.customer_token!}
        time-zone="Europe/Copenhagen"
        locale="en-GB"
      ></slotkit-widget>`,
    );
    let movedTo = '';
    widget.addEventListener('slotkit-booking-rescheduled', (event) => {
      movedTo = event.detail.rescheduledTo;
    });
    (await until(() => buttonNamed(widget, 'Change time'), 'Change time')).click();
    const picker = await until(() => {
      const element = inner(widget, 'slotkit-slot-picker');
      return element && inner(element, 'td[data-date].available') ? element : null;
    }, 'available days');
    inner<HTMLElement>(picker, 'td[data-date].available')!.click();
    // Another time than the booked one: the second listed.
    const options = await until(() => {
      const found = picker.shadowRoot!.querySelectorAll<HTMLElement>('li[role="option"]');
      return found.length > 1 ? [...found] : null;
    }, 'times');
    options[1]!.click();
    (await until(() => inner<HTMLButtonElement>(widget, '.confirm button'), 'confirm')).click();
    const banner = await until(() => inner(widget, '[data-banner="moved"]'), 'moved banner');
    const moved = mock.api.engine.getBooking(movedTo, OWNER).attributes.event_info!;
    const when = (start: string, end: string) =>
      formatRange(Date.parse(start), Date.parse(end), 'Europe/Copenhagen', 'en-GB');
    expect(banner.textContent!.trim()).to.equal(
      `Your booking is moved: ${when(slot.start, slot.end)} → ${when(moved.start, moved.end)}`,
    );
    expect(moved.start).to.not.equal(slot.start);
    expect(heading(widget)).to.equal('Your booking');
    expect(text(widget)).not.to.match(ENGINE_WORDS);
    for (const theme of ['light', 'dark'] as const) {
      setTheme(widget, theme);
      await widget.updateComplete;
      await expect(widget).to.be.accessible();
    }
  });
});

describe('redirect-url', function () {
  this.timeout(20_000);
  it('refuses a non-http URL with the inline configuration error naming the attribute', async () => {
    const widget = await fixture<SlotkitWidget>(
      html`<slotkit-widget
        app-key=${DEMO_KEYS.barber}
        project-id="proj_barber"
        redirect-url="javascript:alert(1)"
      ></slotkit-widget>`,
    );
    const error = await until(() => inner(widget, '[part="config-error"]'), 'config error');
    expect(error.textContent).to.include('redirect-url');
  });

  it('a host cancelling slotkit-booking-created keeps the visitor on the page', async () => {
    const widget = await fixture<SlotkitWidget>(
      html`<slotkit-widget
        app-key=${DEMO_KEYS.barber}
        project-id="proj_barber"
        redirect-url="https://example.test/thanks?id={id}&state={state}"
      ></slotkit-widget>`,
    );
    widget.addEventListener('slotkit-booking-created', (event) => event.preventDefault());
    await book(widget);
    await until(() => heading(widget) === 'You are booked', 'booked, still here');
  });
});
