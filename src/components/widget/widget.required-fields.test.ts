/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { DEMO_KEYS, ManualClock, OWNER } from '../../engine/index.ts';
import type { BookingCreatedEvent } from '../../events.ts';
import { startMockWorker } from '../../mock/browser.ts';
import type { SlotkitWidget } from './widget.ts';
import '../define-all.ts';
import { clean, inner, until } from '../../../test/browser/shadow-helpers.ts';

/**
 * Issue 14 through the whole widget: the project's `required_customer_fields` reaches the form
 * by the embed config, and what the visitor types reaches the engine as the engine takes it.
 */

const NOW = '2026-11-26T12:00:00Z';
let mock: Awaited<ReturnType<typeof startMockWorker>>;
const clock = new ManualClock(NOW);
/** The customer of every POST /bookings the widget sent. */
let sent: Promise<Record<string, unknown>>[] = [];

before(async () => {
  mock = await startMockWorker({ clock, seed: 'demo' });
  mock.worker.events.on('request:start', ({ request }) => {
    if (request.method === 'POST' && new URL(request.url).pathname.endsWith('/bookings')) {
      sent.push(
        request
          .clone()
          .json()
          .then((body: { customer: Record<string, unknown> }) => body.customer),
      );
    }
  });
});
after(() => {
  mock.worker.events.removeAllListeners();
  mock.worker.stop();
});
beforeEach(() => {
  clock.set(Date.parse(NOW));
  mock.api.reset('demo');
  mock.worker.resetHandlers();
  sent = [];
});

const labels = (form: Element) =>
  [...form.shadowRoot!.querySelectorAll('label')].map((label) => clean(label.textContent));

/** Holds the first yoga class and returns its form, once its fields are drawn. */
async function yogaForm(): Promise<{ widget: SlotkitWidget; form: HTMLElement }> {
  const widget = await fixture<SlotkitWidget>(
    html`<slotkit-widget
      app-key=${DEMO_KEYS.yoga}
      project-id="proj_yoga"
      time-zone="Europe/London"
      share-customer
    ></slotkit-widget>`,
  );
  const list = await until(() => {
    const element = inner(widget, 'slotkit-class-list');
    return element && inner(element, '[part~="book-button"]:not([disabled])') ? element : null;
  }, 'bookable classes listed');
  inner<HTMLButtonElement>(list, '[part~="book-button"]')!.click();
  const form = await until(() => inner<HTMLElement>(widget, 'slotkit-customer-form'), 'form shown');
  await until(() => inner(form, '[part="submit"]'), 'form drawn');
  return { widget, form };
}

function fill(form: HTMLElement, values: Record<string, string>) {
  for (const [name, value] of Object.entries(values)) {
    const input = inner<HTMLInputElement>(form, `[name="${name}"]`)!;
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  }
}

async function submitted(widget: SlotkitWidget, form: HTMLElement) {
  const created = new Promise<BookingCreatedEvent>((resolve) =>
    widget.addEventListener('slotkit-booking-created', resolve, { once: true }),
  );
  await (form as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
  inner<HTMLButtonElement>(form, '[part="submit"]')!.click();
  return created;
}

describe('<slotkit-widget> and the project’s required customer fields', function () {
  this.timeout(20_000);

  it('the default project is unchanged: one Name, a required Email, both sent', async () => {
    const { widget, form } = await yogaForm();
    expect(labels(form)).to.deep.equal(['Name', 'Email']);
    fill(form, { name: 'Marty McFly', email: 'marty@example.test' });
    const created = await submitted(widget, form);
    const customer = await sent[0]!;
    expect(customer).to.include({ name: 'Marty McFly', email: 'marty@example.test' });
    expect(customer).to.not.have.property('first_name');
    expect(created.detail.booking.customers?.[0]).to.include({ email: 'marty@example.test' });
  });

  it('first and last name only: two fields, no email needed, the engine joins the name', async () => {
    mock.api.engine.updateProjectSettings(
      'proj_yoga',
      { required_customer_fields: ['first_name', 'last_name'] },
      OWNER,
    );
    const { widget, form } = await yogaForm();
    expect(labels(form)).to.deep.equal(['First name', 'Last name', 'Email (optional)']);
    await expect(widget).to.be.accessible();

    fill(form, { first_name: 'Ada', last_name: 'Lovelace' });
    const created = await submitted(widget, form);
    const customer = await sent[0]!;
    expect(customer).to.include({ first_name: 'Ada', last_name: 'Lovelace', name: 'Ada Lovelace' });
    // An email not given travels as nothing at all, or as the empty string the engine drops.
    expect(customer.email ?? '').to.equal('');
    const booked = created.detail.booking.customers?.[0];
    expect(booked?.name).to.equal('Ada Lovelace');
    expect(booked).to.not.have.property('email');
    const result = await until(() => inner(widget, '[part="result"]'), 'result shown');
    // No address to promise a confirmation to.
    expect(clean(result.textContent)).to.not.match(/@|undefined/);
    await expect(widget).to.be.accessible();
  });
});
