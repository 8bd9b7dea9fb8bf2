/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { DEMO_KEYS, ManualClock } from '../../engine/index.ts';
import { startMockWorker } from '../../mock/browser.ts';
import type { SlotkitWidget } from './widget.ts';
import '../define-all.ts';
import { inner, until } from '../../../test/browser/shadow-helpers.ts';

/** Issue 16's prefill: the host's values fill the form; a read-only one stays as given. */

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

/** Holds the first class and returns the form's inputs. */
async function formOf(widget: SlotkitWidget) {
  const list = await until(() => {
    const element = inner(widget, 'slotkit-class-list');
    return element && inner(element, '[part~="book-button"]:not([disabled])') ? element : null;
  }, 'bookable classes listed');
  inner<HTMLButtonElement>(list, '[part~="book-button"]')!.click();
  const form = await until(() => inner(widget, 'slotkit-customer-form'), 'form shown');
  const input = (name: string) =>
    until(() => inner<HTMLInputElement>(form, `[name="${name}"]`), `${name} field`);
  return { form, name: await input('name'), email: await input('email') };
}

describe('<slotkit-widget> prefill', () => {
  it('fills name and email; the visitor can still change them', async () => {
    const widget = await fixture<SlotkitWidget>(
      html`<slotkit-widget
        app-key=${DEMO_KEYS.yoga}
        project-id="proj_yoga"
        time-zone="America/New_York"
        prefill='{"name":"Lorraine Baines","email":"lorraine@example.test"}'
      ></slotkit-widget>`,
    );
    const { name, email } = await formOf(widget);
    await until(() => name.value === 'Lorraine Baines', 'name prefilled');
    expect(email.value).to.equal('lorraine@example.test');
    expect(name.readOnly).to.equal(false);
    expect(email.readOnly).to.equal(false);
    await expect(widget).to.be.accessible();
  });

  it('a field customer-fields marks readonly keeps the prefill and cannot be edited', async () => {
    const widget = await fixture<SlotkitWidget>(
      html`<slotkit-widget
        app-key=${DEMO_KEYS.yoga}
        project-id="proj_yoga"
        time-zone="America/New_York"
        .customerFields=${{ name: {}, email: { readonly: true } }}
        .prefill=${{ email: 'member@example.test' }}
      ></slotkit-widget>`,
    );
    const { email } = await formOf(widget);
    await until(() => email.value === 'member@example.test', 'email prefilled');
    expect(email.readOnly).to.equal(true);
    email.focus();
    const before = email.value;
    // A read-only input takes no typing: what the browser would insert never lands.
    document.execCommand('insertText', false, 'x');
    expect(email.value).to.equal(before);
  });

  it('bad prefill JSON is named in the inline config error and logged once', async () => {
    const errors: unknown[][] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      const widget = await fixture<SlotkitWidget>(
        html`<slotkit-widget
          app-key=${DEMO_KEYS.yoga}
          project-id="proj_yoga"
          prefill="{name: Ada"
        ></slotkit-widget>`,
      );
      const box = await until(() => inner(widget, '[part="config-error"]'), 'config message');
      expect(box.textContent).to.include('prefill');
      expect(box.textContent).to.include('JSON');
      expect(errors).to.have.length(1);
      expect(String(errors[0]![0])).to.include('prefill');
    } finally {
      console.error = original;
    }
  });
});
