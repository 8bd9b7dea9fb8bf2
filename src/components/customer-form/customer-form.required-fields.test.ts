/// <reference types="mocha" />
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { FormSubmitEvent } from '../../events.ts';
import '../define-all.ts';
import type { SlotkitCustomerForm } from './customer-form.ts';
import { normalizeFields } from './fields.ts';

/**
 * Issue 14: a project says which customer fields it needs (`required_customer_fields`) and its
 * embed config marks the form's: `name.split_name` asks for first and last name, and
 * `email.required: false` makes the email optional. These are the configs the mock sends.
 */

const DEFAULT_PROJECT = { name: { required: true }, email: { format: 'email', required: true } };
const FIRST_AND_LAST = {
  name: { required: true, split_name: true },
  email: { format: 'email', required: false },
};
const FIRST_NAME_ONLY = {
  name: { required: true, split_name: true, required_parts: ['first_name'] },
  email: { format: 'email', required: true },
};
const NAME_AND_PHONE = {
  name: { required: true },
  email: { format: 'email', required: false },
  phone: { required: true },
};

const root = (el: SlotkitCustomerForm) => el.shadowRoot!;
const input = (el: SlotkitCustomerForm, name: string) =>
  root(el).querySelector<HTMLInputElement>(`#field-${name}`)!;
const errorText = (el: SlotkitCustomerForm, name: string) =>
  root(el).querySelector(`#error-${name}`)?.textContent?.trim();
const labels = (el: SlotkitCustomerForm) =>
  [...root(el).querySelectorAll('label')].map((label) =>
    label.textContent!.replace(/\s+/g, ' ').trim(),
  );
const liveRegion = (el: SlotkitCustomerForm) =>
  root(el).querySelector('[role="status"]')!.textContent!.trim();
const submitButton = (el: SlotkitCustomerForm) =>
  root(el).querySelector<HTMLButtonElement>('[part="submit"]')!;

async function settle(el: SlotkitCustomerForm) {
  await el.updateComplete;
  await el.updateComplete;
}

async function type(el: SlotkitCustomerForm, name: string, value: string) {
  const field = input(el, name);
  field.focus();
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

describe('normalizeFields: what a project requires', () => {
  it('keeps the default project as today: name and email required, one name field', () => {
    expect(normalizeFields(DEFAULT_PROJECT).map((f) => [f.name, f.required])).to.deep.equal([
      ['name', true],
      ['email', true],
    ]);
  });

  it('splits the name into two required parts and leaves the email optional', () => {
    const fields = normalizeFields(FIRST_AND_LAST);
    expect(fields.map((f) => [f.name, f.required, f.autocomplete])).to.deep.equal([
      ['first_name', true, 'given-name'],
      ['last_name', true, 'family-name'],
      ['email', false, 'email'],
    ]);
    expect(fields[2]!.type).to.equal('email');
  });

  it('only an explicit required: false makes the email optional, in either shape', () => {
    expect(normalizeFields({ email: {} })[1]).to.include({ name: 'email', required: true });
    const array = normalizeFields([
      { name: 'name', type: 'text' },
      { name: 'email', type: 'email', required: false },
    ]);
    expect(array[1]).to.include({ name: 'email', required: false });
    // The name never becomes optional: every booking needs whom it is for.
    expect(normalizeFields({ name: { required: false } })[0]).to.include({ required: true });
  });
});

describe('normalizeFields: a project needing one part of a split name', () => {
  it('requires only the parts the project names', () => {
    expect(normalizeFields(FIRST_NAME_ONLY).map((f) => [f.name, f.required])).to.deep.equal([
      ['first_name', true],
      ['last_name', false],
      ['email', true],
    ]);
    const array = normalizeFields([
      { name: 'name', type: 'text', split: true, requiredParts: ['last_name'] },
    ]);
    expect(array.map((f) => [f.name, f.required])).to.deep.equal([
      ['email', true],
      ['first_name', false],
      ['last_name', true],
    ]);
  });

  it('refuses parts it cannot use, naming the key', () => {
    const refused = (config: Parameters<typeof normalizeFields>[0]) => {
      try {
        normalizeFields(config);
      } catch (error) {
        return (error as Error).message;
      }
      return 'accepted';
    };
    expect(refused({ name: { required_parts: ['first_name'] } })).to.equal(
      'customer_fields.name.required_parts: only a split name has parts to require',
    );
    expect(refused({ name: { split_name: true, required_parts: [] } })).to.equal(
      'customer_fields.name.required_parts: [] is not a list of first_name, last_name (at least one)',
    );
    expect(refused({ name: { split_name: true, required_parts: ['middle_name'] } })).to.equal(
      'customer_fields.name.required_parts: ["middle_name"] is not a list of first_name, last_name (at least one)',
    );
  });
});

describe('<slotkit-customer-form> split name and optional email', () => {
  it('books with the first name alone where the project needs only that', async () => {
    const el = await fixture<SlotkitCustomerForm>(
      html`<slotkit-customer-form .fields=${FIRST_NAME_ONLY}></slotkit-customer-form>`,
    );
    expect(labels(el)).to.deep.equal(['First name', 'Last name (optional)', 'Email']);
    expect(input(el, 'last_name').required).to.equal(false);
    await expect(el).to.be.accessible();
    await type(el, 'first_name', 'Ada');
    await type(el, 'email', 'ada@example.com');
    const submitted = oneEvent(el, 'slotkit-form-submit') as Promise<FormSubmitEvent>;
    submitButton(el).click();
    expect((await submitted).detail.customer).to.deep.equal({
      name: 'Ada',
      first_name: 'Ada',
      email: 'ada@example.com',
    });
  });

  it('labels first name, last name and an optional email; empty parts are required', async () => {
    const el = await fixture<SlotkitCustomerForm>(
      html`<slotkit-customer-form .fields=${FIRST_AND_LAST}></slotkit-customer-form>`,
    );
    expect(labels(el)).to.deep.equal(['First name', 'Last name', 'Email (optional)']);
    expect(input(el, 'first_name').getAttribute('autocomplete')).to.equal('given-name');
    expect(input(el, 'last_name').getAttribute('autocomplete')).to.equal('family-name');
    expect(input(el, 'first_name').required).to.equal(true);
    expect(input(el, 'email').required).to.equal(false);
    expect(root(el).querySelector('#field-name')).to.equal(null);
    await expect(el).to.be.accessible();

    let submits = 0;
    el.addEventListener('slotkit-form-submit', () => submits++);
    submitButton(el).click();
    await settle(el);
    expect(submits).to.equal(0);
    expect(errorText(el, 'first_name')).to.equal('First name is required.');
    expect(errorText(el, 'last_name')).to.equal('Last name is required.');
    expect(errorText(el, 'email')).to.equal(undefined);
    expect(input(el, 'last_name').getAttribute('aria-describedby')).to.equal('error-last_name');
    expect(root(el).activeElement).to.equal(input(el, 'first_name'));
    await settle(el);
    expect(liveRegion(el)).to.equal('2 fields need attention.');
    await expect(el).to.be.accessible();
  });

  it('is filled and sent by keyboard alone: the parts joined into name, no email', async () => {
    const el = await fixture<SlotkitCustomerForm>(
      html`<slotkit-customer-form .fields=${FIRST_AND_LAST}></slotkit-customer-form>`,
    );
    el.focus();
    await sendKeys({ type: 'Ada' });
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement).to.equal(input(el, 'last_name'));
    await sendKeys({ type: 'Lovelace' });
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement).to.equal(input(el, 'email'));
    const submitted = oneEvent(el, 'slotkit-form-submit') as Promise<FormSubmitEvent>;
    await sendKeys({ press: 'Enter' });
    const event = await submitted;
    expect(event.detail.customer).to.deep.equal({
      name: 'Ada Lovelace',
      first_name: 'Ada',
      last_name: 'Lovelace',
    });
  });

  it('still checks an optional email that is given, and sends it once valid', async () => {
    const el = await fixture<SlotkitCustomerForm>(
      html`<slotkit-customer-form .fields=${NAME_AND_PHONE}></slotkit-customer-form>`,
    );
    expect(labels(el)).to.deep.equal(['Name', 'Email (optional)', 'Phone']);
    await type(el, 'name', 'Ada Lovelace');
    await type(el, 'phone', '+44 20 7946 0000');
    await type(el, 'email', 'ada@');
    input(el, 'email').blur();
    await settle(el);
    expect(errorText(el, 'email')).to.equal(
      'Email must be an email address, like name@example.com.',
    );
    expect(input(el, 'email').getAttribute('aria-invalid')).to.equal('true');
    expect(el.checkValidity()).to.equal(false);
    expect(el.validity.typeMismatch).to.equal(true);
    await expect(el).to.be.accessible();

    await type(el, 'email', '');
    expect(errorText(el, 'email')).to.equal(undefined);
    expect(el.checkValidity()).to.equal(true);
    expect(el.value).to.deep.equal({ name: 'Ada Lovelace', phone: '+44 20 7946 0000' });

    await type(el, 'email', ' ada@example.com ');
    expect(el.value).to.deep.equal({
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      phone: '+44 20 7946 0000',
    });
  });

  it('a required email stays required where a host asks for it (the waitlist)', async () => {
    const el = await fixture<SlotkitCustomerForm>(
      html`<slotkit-customer-form
        .fields=${FIRST_AND_LAST}
        .requiredFields=${['email']}
      ></slotkit-customer-form>`,
    );
    expect(labels(el)).to.deep.equal(['First name', 'Last name', 'Email']);
    await type(el, 'first_name', 'Ada');
    await type(el, 'last_name', 'Lovelace');
    submitButton(el).click();
    await settle(el);
    expect(errorText(el, 'email')).to.equal('Email is required.');
  });

  it('speaks the visitor’s language: German labels and messages', async () => {
    const el = await fixture<SlotkitCustomerForm>(
      html`<slotkit-customer-form locale="de" .fields=${FIRST_AND_LAST}></slotkit-customer-form>`,
    );
    // The German catalogue loads lazily; English shows until it is there.
    await waitUntil(() => labels(el)[0] === 'Vorname', 'German labels');
    expect(labels(el)).to.deep.equal(['Vorname', 'Nachname', 'E-Mail (optional)']);
    submitButton(el).click();
    await settle(el);
    expect(errorText(el, 'last_name')).to.equal('Nachname ist erforderlich.');
    await expect(el).to.be.accessible();
  });
});
