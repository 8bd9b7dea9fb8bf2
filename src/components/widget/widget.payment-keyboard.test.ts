/// <reference types="mocha" />
import { expect, html } from '@open-wc/testing';
import { DEMO_KEYS, ManualClock } from '../../engine/index.ts';
import { startMockWorker } from '../../mock/browser.ts';
import { en } from '../../i18n/en/index.ts';
import type { PaymentHandler, SlotkitWidget } from './widget.ts';
import '../define-all.ts';
import { inner, until, clean } from '../../../test/browser/shadow-helpers.ts';
import {
  button,
  fillAndSubmit,
  pickTime,
  resultState,
  setUp,
  type Keyboard,
} from '../../../test/browser/keyboard.ts';

/**
 * Issue 12: the payment step by keyboard alone (Tab, Enter, Space): a payment that fails says
 * so and offers a retry on the same button, which keeps focus; "Back" returns to the chooser
 * with focus on its heading. Never lost to <body> (test/browser/keyboard.ts).
 */

const NOW = '2026-11-26T12:00:00Z';
let mock: Awaited<ReturnType<typeof startMockWorker>>;
const clock = new ManualClock(NOW);
const t = en.widget;

before(async () => {
  mock = await startMockWorker({ clock, seed: 'demo' });
});
after(() => mock.worker.stop());
beforeEach(() => {
  clock.set(Date.parse(NOW));
  mock.api.reset('demo');
  mock.worker.resetHandlers();
});

let session: Keyboard | undefined;
afterEach(() => {
  session?.stop();
  session = undefined;
});

/** A test double of a card provider: declines the first charge, takes the next. */
function decliningOnce(): PaymentHandler & { attempts: number } {
  return {
    label: 'Pay by card',
    attempts: 0,
    async pay(booking) {
      this.attempts += 1;
      if (this.attempts === 1)
        throw Object.assign(new Error('card_declined'), { code: 'card_declined' });
      return { reference: `card_${booking.id}` };
    },
  };
}

/** Keyboard from the page into the widget, through the form, to the payment step. */
async function toPayment(payment: PaymentHandler) {
  const keyboard = (session = await setUp(
    html`<slotkit-widget
      app-key=${DEMO_KEYS.paidSession}
      project-id="proj_paid_session"
      locale="en-GB"
    ></slotkit-widget>`,
  ));
  const widget = keyboard.widget as SlotkitWidget;
  widget.payment = payment;
  keyboard.start();
  await pickTime(keyboard);
  await keyboard.expectStep(t.detailsHeading);
  await fillAndSubmit(keyboard, 'George McFly', 'george@example.test');
  await keyboard.expectStep(t.paymentHeading);
  return { keyboard, widget };
}

describe('<slotkit-widget> payment by keyboard alone', function () {
  this.timeout(40_000);

  it('a declined payment says so; Enter, then Space on "Try again" pays; focus stays on the button', async () => {
    const payment = decliningOnce();
    const { keyboard, widget } = await toPayment(payment);
    const pay = await keyboard.tabTo(button('Pay by card'), 'the pay button');
    await keyboard.press('Enter');
    const alert = await until(() => inner(widget, '.error[role="alert"]'), 'failure shown');
    await keyboard.settle();
    expect(clean(alert.textContent)).to.equal(clean(t.paymentFailed));
    expect(payment.attempts).to.equal(1);
    // The same button now offers the retry, and focus never left it.
    const focused = keyboard.expectFocus('the failed payment');
    expect(focused).to.equal(pay);
    expect(clean(focused.textContent)).to.equal(en.common.retry);
    for (const theme of ['light', 'dark'] as const) {
      widget.setAttribute('theme', theme);
      await widget.updateComplete;
      await expect(widget).to.be.accessible();
    }
    await keyboard.press(' ');
    await keyboard.expectStep(t.outcome.paid);
    expect(resultState(widget)).to.equal('paid');
    expect(payment.attempts).to.equal(2);
    keyboard.expectNeverLost();
  });

  it('"Back: release this time" by Space returns to the chooser; focus lands on its heading', async () => {
    // The keyboard path: the way back is reachable, works by Space, and focus lands sensibly.
    // That it frees the time (the graphs' `release`) is tested in test/node/flow/holds.test.ts.
    const { keyboard, widget } = await toPayment(decliningOnce());
    await keyboard.tabTo(button(t.releaseAndBack), 'the way back');
    await keyboard.press(' ');
    await keyboard.expectStep(t.chooseTimeHeading);
    expect(inner(widget, 'slotkit-slot-picker')).to.not.equal(null);
    // Tab goes on from the heading into the chooser (press checks it stays in the widget).
    await keyboard.press('Tab');
    await expect(widget).to.be.accessible();
    keyboard.expectNeverLost();
  });
});
