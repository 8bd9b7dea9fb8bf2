import { expect, fixture, html } from '@open-wc/testing';
import { DEMO_KEYS, ManualClock, OWNER } from '../../engine/index.ts';
import { startMockWorker } from '../../mock/browser.ts';
import type { SlotkitWidget } from './widget.ts';
import '../define-all.ts';
import { clean, inner, until } from '../../../test/browser/shadow-helpers.ts';

/**
 * Issue 13: an email's manage link (`?slotkit_booking=…&slotkit_token=…`) opens the booking's
 * own view, and the token leaves the address bar at once; a link that opens nothing says so.
 */

const NOW = '2026-11-26T12:00:00Z';
const INVALID = 'That booking link does not work';
let mock: Awaited<ReturnType<typeof startMockWorker>>;
const clock = new ManualClock(NOW);
const original = location.href;

before(async () => {
  mock = await startMockWorker({ clock, seed: 'demo' });
});
after(() => mock.worker.stop());
beforeEach(() => {
  clock.set(Date.parse(NOW));
  mock.api.reset('demo');
});
afterEach(() => history.replaceState(null, '', original));

/** A barber booking tomorrow at 10:00, as the owner makes it: its id and customer token. */
function makeBooking() {
  const booking = mock.api.engine.createBooking(
    {
      graph: 'instant',
      project_id: 'proj_barber',
      ignore_capacity: true,
      event: {
        start: '2026-11-27T10:00:00Z',
        end: '2026-11-27T10:30:00Z',
        what: 'Haircut',
        resource_id: 'res_barber',
      },
      customer: { name: 'Marty McFly', email: 'marty@example.test' },
    },
    OWNER,
  );
  return { id: booking.id, token: booking.customer_token! };
}

function visit(query: string, hash = '') {
  const url = new URL(original);
  url.search = query;
  url.hash = hash;
  history.replaceState(null, '', url.href);
}

const heading = (widget: SlotkitWidget) => clean(inner(widget, '[data-step-heading]')?.textContent);

async function mount(attributes: { booking?: string; token?: string } = {}) {
  return fixture<SlotkitWidget>(
    html`<slotkit-widget
      app-key=${DEMO_KEYS.barber}
      project-id="proj_barber"
      time-zone="UTC"
      locale="en-US"
      manage-param-booking=${attributes.booking ?? ''}
      manage-param-token=${attributes.token ?? ''}
    ></slotkit-widget>`,
  );
}

describe('opening a booking from a manage link', function () {
  this.timeout(20_000);

  it('opens the booking, then removes its id and token from the address bar (other parameters and the hash stay)', async () => {
    const { id, token } = makeBooking();
    visit(`?utm_source=email&slotkit_booking=${id}&slotkit_token=${token}&lang=en`, '#book');
    const widget = await mount();
    expect(location.search).to.equal('?utm_source=email&lang=en');
    expect(location.hash).to.equal('#book');
    expect(location.href).not.to.include(token);
    await until(() => heading(widget) === 'Your booking', 'manage view');
    await until(
      () => clean(inner(widget, '.widget')?.textContent).includes('Haircut'),
      'the booking shown',
    );
    expect(heading(widget)).to.equal('Your booking');
    expect(clean(inner(widget, '.widget')?.textContent)).not.to.include(INVALID);
    await expect(widget).to.be.accessible();
  });

  it('reads parameter names the page chose', async () => {
    const { id, token } = makeBooking();
    visit(`?b=${id}&t=${token}`);
    const widget = await mount({ booking: 'b', token: 't' });
    expect(location.search).to.equal('');
    await until(() => heading(widget) === 'Your booking', 'manage view');
  });

  it('a wrong token: a clear message, the normal start, and the token gone from the address bar', async () => {
    const { id } = makeBooking();
    visit(`?slotkit_booking=${id}&slotkit_token=not-the-token`);
    const widget = await mount();
    expect(location.search).to.equal('');
    const notice = await until(() => inner(widget, '[part="notice"]'), 'the message');
    expect(clean(notice.textContent)).to.include(INVALID);
    expect(notice.getAttribute('role')).to.equal('alert');
    expect(heading(widget)).to.equal('Choose a time');
    await until(
      () =>
        inner(widget, 'slotkit-slot-picker')?.shadowRoot?.querySelector('td[data-date].available'),
      'times to choose from',
    );
    await expect(widget).to.be.accessible();
  });

  it('an unknown booking or an incomplete link says so too, and a page without a link shows no message', async () => {
    visit('?slotkit_booking=nope&slotkit_token=whatever');
    let widget = await mount();
    await until(
      () => clean(inner(widget, '[part="notice"]')?.textContent).includes(INVALID),
      'unknown',
    );

    visit('?slotkit_booking=only-half');
    widget = await mount();
    expect(location.search).to.equal('');
    await until(
      () => clean(inner(widget, '[part="notice"]')?.textContent).includes(INVALID),
      'half',
    );

    visit('?utm_source=ad');
    widget = await mount();
    await until(() => heading(widget) === 'Choose a time', 'normal start');
    expect(inner(widget, '[part="notice"]')).to.equal(null);
    expect(location.search).to.equal('?utm_source=ad');
  });
});
