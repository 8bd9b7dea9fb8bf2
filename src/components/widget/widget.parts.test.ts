/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { DEMO_KEYS, ManualClock } from '../../engine/index.ts';
import { startMockWorker } from '../../mock/browser.ts';
import { defineWidget, type SlotkitWidget } from './widget.ts';
import { PartsLoader, afterBookingSteps } from './parts.ts';
import { inner, until } from '../../../test/browser/shadow-helpers.ts';

/**
 * The widget registered alone, as the script tag does: it imports its inner elements when a
 * step needs them. (Every other widget test imports src/components/define-all.ts, which
 * registers them all.)
 * One page for this file, so the order of the tests matters: nothing is imported up front.
 */

const NOW = '2026-11-26T12:00:00Z';
let mock: Awaited<ReturnType<typeof startMockWorker>>;
const clock = new ManualClock(NOW);
const defined = (tag: string) => customElements.get(tag) !== undefined;

before(async () => {
  defineWidget();
  mock = await startMockWorker({ clock, seed: 'demo' });
});
after(() => mock.worker.stop());

describe('<slotkit-widget> loads its parts when a step needs them', function () {
  // Whole flows whose every part is imported when first needed: slow on a loaded machine.
  this.timeout(20_000);
  it('starts with no inner element registered', () => {
    expect(defined('slotkit-widget')).to.equal(true);
    expect(afterBookingSteps()).to.equal(undefined);
    for (const tag of [
      'slotkit-slot-picker',
      'slotkit-class-list',
      'slotkit-customer-form',
      'slotkit-countdown',
    ]) {
      expect(defined(tag), tag).to.equal(false);
    }
  });

  it('PartsLoader says loading, imports once, updates its host, then says ready', async () => {
    let updates = 0;
    const parts = new PartsLoader({ requestUpdate: () => (updates += 1) });
    expect(parts.status([])).to.equal('ready');
    expect(parts.status(['countdown'])).to.equal('loading');
    expect(parts.status(['countdown'])).to.equal('loading');
    await until(() => updates > 0, 'host updated');
    expect(updates).to.equal(1);
    expect(parts.status(['countdown'])).to.equal('ready');
    expect(defined('slotkit-countdown')).to.equal(true);
  });

  it('a 1:1 project gets the time picker, then the form and countdown; never the class list', async () => {
    const widget = await fixture<SlotkitWidget>(
      html`<slotkit-widget app-key=${DEMO_KEYS.barber} project-id="proj_barber"></slotkit-widget>`,
    );
    const picker = await until(() => inner(widget, 'slotkit-slot-picker'), 'picker shown');
    expect(defined('slotkit-slot-picker')).to.equal(true);
    await until(() => inner(picker, 'td.available'), 'a day with times');
    // Fetched while the visitor chooses (on idle), so the details step need not wait.
    await until(
      () => defined('slotkit-customer-form') && defined('slotkit-countdown') && afterBookingSteps(),
      'form, countdown and the steps after booking prefetched',
    );
    expect(defined('slotkit-class-list')).to.equal(false);
    await expect(widget).to.be.accessible();
  });

  it('a group project gets the class list', async () => {
    const widget = await fixture<SlotkitWidget>(
      html`<slotkit-widget app-key=${DEMO_KEYS.yoga} project-id="proj_yoga"></slotkit-widget>`,
    );
    await until(() => inner(widget, 'slotkit-class-list'), 'class list shown');
    expect(defined('slotkit-class-list')).to.equal(true);
    expect(defined('slotkit-class-list-item')).to.equal(true);
  });
});
