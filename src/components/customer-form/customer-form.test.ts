/// <reference types="mocha" />
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { FormSubmitEvent } from '../../events.ts';
import '../define-all.ts';
import type { SlotkitCustomerForm } from './customer-form.ts';
import { FieldConfigError, normalizeFields, type FieldsConfig } from './fields.ts';

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

/** Types as a visitor would: the value changes and an `input` event fires. */
async function type(el: SlotkitCustomerForm, name: string, value: string) {
  const field = input(el, name);
  field.focus();
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

async function blur(el: SlotkitCustomerForm, name: string) {
  input(el, name).blur();
  await el.updateComplete;
  await el.updateComplete;
}

async function submit(el: SlotkitCustomerForm) {
  submitButton(el).click();
  await el.updateComplete;
  await el.updateComplete;
}

const bookingJsFields: FieldsConfig = {
  name: { title: 'Your name', split_name: true },
  email: { title: 'E-mail', prefilled: 'doc@example.com', readonly: true },
  phone: { title: 'Phone', enabled: false },
  comment: { title: 'Comment', format: 'textarea' },
  department: { title: 'Department', format: 'select', enum: ['Development', 'Design', 'Sales'] },
  terms: { title: 'I accept the terms', format: 'checkbox', required: true },
};

describe('normalizeFields', () => {
  it('gives name, email and an optional phone when nothing is configured', () => {
    for (const input of [undefined, null, [], {}]) {
      const fields = normalizeFields(input);
      expect(fields.map((field) => [field.name, field.type, field.required])).to.deep.equal([
        ['name', 'text', true],
        ['email', 'email', true],
        ['phone', 'tel', false],
      ]);
      expect(fields.map((field) => field.autocomplete)).to.deep.equal(['name', 'email', 'tel']);
    }
  });

  it('reads booking.js customer_fields: split name, formats, enum, checkbox, readonly prefill', () => {
    const fields = normalizeFields(bookingJsFields);
    expect(fields.map((field) => field.name)).to.deep.equal([
      'first_name',
      'last_name',
      'email',
      'comment',
      'department',
      'terms',
    ]);
    const [first, last, email, comment, department, terms] = fields;
    expect(first).to.include({
      type: 'text',
      required: true,
      joinsInto: 'name',
      autocomplete: 'given-name',
    });
    expect(last).to.include({ required: true, joinsInto: 'name', autocomplete: 'family-name' });
    expect(email).to.include({
      type: 'email',
      required: true,
      readonly: true,
      prefilled: 'doc@example.com',
      label: 'E-mail',
    });
    expect(comment).to.include({ type: 'textarea', required: false });
    expect(department!.options).to.deep.equal([
      { value: 'Development', label: 'Development' },
      { value: 'Design', label: 'Design' },
      { value: 'Sales', label: 'Sales' },
    ]);
    expect(terms).to.include({ type: 'checkbox', required: true, label: 'I accept the terms' });
  });

  it('always has a required name and email, even when the config leaves them out', () => {
    const fields = normalizeFields({
      // Only `required: false` makes the email optional (required-fields.test.ts).
      email: { enabled: false },
      company: { title: 'Company' },
    });
    expect(fields.map((field) => [field.name, field.required])).to.deep.equal([
      ['name', true],
      ['email', true],
      ['company', false],
    ]);
    expect(fields[2]!.label).to.equal('Company');
  });

  it("reads slotkit's array shape with option objects and caps maxLength at the API's limit", () => {
    const fields = normalizeFields([
      { name: 'name', type: 'text', label: 'Full name', maxLength: 10_000 },
      { name: 'email', type: 'email', label: 'Email' },
      {
        name: 'size',
        type: 'select',
        label: 'Group size',
        options: [
          { value: 's', label: 'Small' },
          { value: 'l', label: 'Large' },
        ],
        hint: 'How many of you',
      },
    ]);
    expect(fields[0]).to.include({ label: 'Full name', maxLength: 200 });
    expect(fields[2]).to.include({ hint: 'How many of you', required: false });
    expect(fields[2]!.options).to.deep.equal([
      { value: 's', label: 'Small' },
      { value: 'l', label: 'Large' },
    ]);
  });

  it('names the bad key and the accepted values', () => {
    const cases: [unknown, string][] = [
      [
        { age: { title: 'Age', format: 'colour' } },
        'customer_fields.age.format: "colour" is not one of text, email, tel, textarea, select, checkbox',
      ],
      [
        { age: { required: 'yes' } },
        'customer_fields.age.required: "yes" is not one of true, false',
      ],
      [
        { team: { format: 'select' } },
        'customer_fields.team.options: undefined is not a non-empty array',
      ],
      [{ terms: { format: 'checkbox', enum: ['a'] } }, 'customer_fields.terms.enum: a checkbox is'],
      [[{ name: 'age', label: 'Age' }], 'fields[0].type: missing; one of text, email, tel'],
      [[{ name: 'x y', type: 'text', label: 'X' }], 'fields[0].name: "x y" is not a field name'],
      [[{ name: 'age', type: 'text' }], 'fields[0].label: missing'],
      [
        [
          { name: 'age', type: 'text', label: 'Age' },
          { name: 'age', type: 'text', label: 'Age' },
        ],
        'fields: "age" is configured twice',
      ],
      ['name,email', 'fields: "name,email" is not an array of fields'],
    ];
    for (const [config, message] of cases) {
      expect(() => normalizeFields(config), message)
        .to.throw(FieldConfigError)
        .with.property('message')
        .that.satisfies((text: string) => text.startsWith(message));
    }
  });
});

describe('<slotkit-customer-form>', () => {
  let errors: unknown[][];
  const originalError = console.error;
  beforeEach(() => {
    errors = [];
    console.error = (...args: unknown[]) => errors.push(args);
  });
  afterEach(() => {
    console.error = originalError;
  });

  it('asks for name, email and an optional phone by default, each labelled', async () => {
    const el = await fixture<SlotkitCustomerForm>(
      html`<slotkit-customer-form></slotkit-customer-form>`,
    );
    expect(labels(el)).to.deep.equal(['Name', 'Email', 'Phone (optional)']);
    expect(input(el, 'name').getAttribute('autocomplete')).to.equal('name');
    expect(input(el, 'email').type).to.equal('email');
    expect(input(el, 'email').getAttribute('autocomplete')).to.equal('email');
    expect(input(el, 'phone').type).to.equal('tel');
    expect(input(el, 'phone').getAttribute('autocomplete')).to.equal('tel');
    expect(input(el, 'name').required).to.equal(true);
    expect(input(el, 'phone').required).to.equal(false);
    expect(submitButton(el).textContent!.trim()).to.equal('Book');
    expect(root(el).querySelectorAll('[part="error"]')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('renders booking.js customer_fields and joins a split name into the customer', async () => {
    const el = await fixture<SlotkitCustomerForm>(
      html`<slotkit-customer-form .fields=${bookingJsFields}></slotkit-customer-form>`,
    );
    expect(labels(el)).to.deep.equal([
      'First name',
      'Last name',
      'E-mail',
      'Comment (optional)',
      'Department (optional)',
      'I accept the terms',
    ]);
    expect(input(el, 'email').value).to.equal('doc@example.com');
    expect(input(el, 'email').readOnly).to.equal(true);
    expect(input(el, 'comment').tagName).to.equal('TEXTAREA');
    const select = root(el).querySelector<HTMLSelectElement>('#field-department')!;
    expect([...select.options].map((option) => option.value)).to.deep.equal([
      '',
      'Development',
      'Design',
      'Sales',
    ]);
    expect(input(el, 'terms').type).to.equal('checkbox');
    expect(root(el).querySelector('#field-phone')).to.equal(null);

    el.values = { department: 'Sales' };
    await el.updateComplete;
    expect(select.value).to.equal('Sales');

    await type(el, 'first_name', 'Marty');
    await type(el, 'last_name', ' McFly ');
    select.value = 'Design';
    select.dispatchEvent(new Event('input'));
    input(el, 'terms').click();
    await el.updateComplete;
    expect(el.value).to.deep.equal({
      name: 'Marty McFly',
      first_name: 'Marty',
      last_name: 'McFly',
      email: 'doc@example.com',
      department: 'Design',
      terms: true,
    });
    await expect(el).to.be.accessible();
  });

  it('shows a message for the site owner and logs once for a malformed config, without throwing', async () => {
    const el = await fixture<SlotkitCustomerForm>(
      html`<slotkit-customer-form
        .fields=${{ age: { title: 'Age', format: 'colour' } }}
      ></slotkit-customer-form>`,
    );
    const message = root(el).querySelector('[part="config-error"]')!.textContent!;
    expect(message).to.contain('customer_fields.age.format: "colour" is not one of text, email');
    expect(root(el).querySelector('form')).to.equal(null);
    expect(errors).to.have.length(1);
    expect(String(errors[0]![0])).to.contain('customer_fields.age.format');
    expect(el.checkValidity()).to.equal(false);

    // The same mistake handed again (a parent re-rendering) is not logged again.
    el.fields = { age: { title: 'Age', format: 'colour' } };
    await el.updateComplete;
    expect(errors).to.have.length(1);

    el.fields = { age: { title: 'Age', format: 'text' } };
    await el.updateComplete;
    expect(root(el).querySelector('[part="config-error"]')).to.equal(null);
    expect(input(el, 'age')).to.be.instanceOf(HTMLInputElement);
  });

  it('shows slotted actions beside the submit button, after it, and they do not submit', async () => {
    let submits = 0;
    const el = await fixture<SlotkitCustomerForm>(
      html`<slotkit-customer-form @slotkit-form-submit=${() => submits++}>
        <button slot="actions" type="button">Back</button>
      </slotkit-customer-form>`,
    );
    const back = el.querySelector('button')!;
    const submit = submitButton(el).getBoundingClientRect();
    const beside = back.getBoundingClientRect();
    expect(beside.top).to.be.below(submit.bottom);
    expect(beside.left).to.be.at.least(submit.right);
    // After the submit button in the tab order: its slot follows the button in the form.
    const slot = root(el).querySelector('slot[name="actions"]')!;
    expect(submitButton(el).compareDocumentPosition(slot)).to.equal(
      Node.DOCUMENT_POSITION_FOLLOWING,
    );
    await type(el, 'name', 'Ada Lovelace');
    await type(el, 'email', 'ada@example.com');
    back.click();
    await el.updateComplete;
    expect(submits).to.equal(0);

    // A config the site owner got wrong shows no form, but the way back stays.
    el.fields = { age: { title: 'Age', format: 'colour' } };
    await el.updateComplete;
    expect(root(el).querySelector('form')).to.equal(null);
    expect(back.assignedSlot).to.not.equal(null);
    expect(back.getBoundingClientRect().height).to.be.greaterThan(0);
    expect(errors).to.have.length(1);
  });

  it('logs a status it does not know and behaves as idle', async () => {
    const el = await fixture<SlotkitCustomerForm>(
      html`<slotkit-customer-form></slotkit-customer-form>`,
    );
    el.status = 'busy' as never;
    await el.updateComplete;
    expect(errors).to.have.length(1);
    expect(String(errors[0]![0])).to.contain('status "busy" is not one of idle, submitting');
    expect(submitButton(el).hasAttribute('aria-disabled')).to.equal(false);
  });

  it('fits a 320 px wide column, split name included', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="width: 320px">
        <slotkit-customer-form .fields=${bookingJsFields}></slotkit-customer-form>
      </div>`,
    );
    const el = wrapper.querySelector('slotkit-customer-form')!;
    await el.updateComplete;
    const form = root(el).querySelector('form')!;
    expect(form.scrollWidth).to.be.at.most(320);
    for (const part of root(el).querySelectorAll<HTMLElement>('[part="input"]')) {
      expect(part.getBoundingClientRect().right).to.be.at.most(
        wrapper.getBoundingClientRect().right + 0.5,
      );
    }
    // First and last name stack rather than squeeze side by side.
    expect(input(el, 'last_name').getBoundingClientRect().top).to.be.greaterThan(
      input(el, 'first_name').getBoundingClientRect().bottom,
    );
  });

  describe("Lion's rule", () => {
    it('shows no error before the field was touched and changed', async () => {
      const el = await fixture<SlotkitCustomerForm>(
        html`<slotkit-customer-form></slotkit-customer-form>`,
      );
      // Focus and leave without typing: touched, not changed.
      input(el, 'email').focus();
      await blur(el, 'email');
      expect(errorText(el, 'email')).to.equal(undefined);
      // Typing without leaving: changed, not touched.
      await type(el, 'phone', 'abc');
      expect(errorText(el, 'phone')).to.equal(undefined);
      expect(input(el, 'phone').hasAttribute('aria-invalid')).to.equal(false);
    });

    it('shows the error after a change and a blur, and keeps it live from then on', async () => {
      const el = await fixture<SlotkitCustomerForm>(
        html`<slotkit-customer-form></slotkit-customer-form>`,
      );
      await type(el, 'email', 'marty@');
      await blur(el, 'email');
      expect(errorText(el, 'email')).to.equal(
        'Email must be an email address, like name@example.com.',
      );
      const field = input(el, 'email');
      expect(field.getAttribute('aria-invalid')).to.equal('true');
      expect(field.getAttribute('aria-describedby')).to.equal('error-email');
      expect(liveRegion(el)).to.equal('Email must be an email address, like name@example.com.');

      await type(el, 'email', 'marty@example.com');
      expect(errorText(el, 'email')).to.equal(undefined);
      expect(field.hasAttribute('aria-invalid')).to.equal(false);
      expect(field.hasAttribute('aria-describedby')).to.equal(false);
    });

    it('points aria-describedby at the hint and the error', async () => {
      const el = await fixture<SlotkitCustomerForm>(
        html`<slotkit-customer-form
          .fields=${[{ name: 'phone', type: 'tel', label: 'Mobile', hint: 'For a reminder text' }]}
        ></slotkit-customer-form>`,
      );
      expect(input(el, 'phone').getAttribute('aria-describedby')).to.equal('hint-phone');
      await type(el, 'phone', 'call me');
      await blur(el, 'phone');
      expect(input(el, 'phone').getAttribute('aria-describedby')).to.equal(
        'hint-phone error-phone',
      );
      expect(errorText(el, 'phone')).to.equal(
        'Mobile must be a phone number, like +1 555 123 4567.',
      );
    });

    it('shows every error on submit, focuses the first invalid field and announces the count', async () => {
      const el = await fixture<SlotkitCustomerForm>(
        html`<slotkit-customer-form .fields=${bookingJsFields}></slotkit-customer-form>`,
      );
      let submitted = 0;
      el.addEventListener(FormSubmitEvent.type, () => submitted++);
      await type(el, 'last_name', 'McFly');
      await submit(el);
      expect(submitted).to.equal(0);
      expect(errorText(el, 'first_name')).to.equal('First name is required.');
      expect(errorText(el, 'last_name')).to.equal(undefined);
      expect(errorText(el, 'terms')).to.equal('Tick “I accept the terms” to continue.');
      expect(errorText(el, 'department')).to.equal(undefined);
      expect(root(el).activeElement).to.equal(input(el, 'first_name'));
      expect(liveRegion(el)).to.equal('2 fields need attention.');
      await expect(el).to.be.accessible();
    });
  });

  describe('submit', () => {
    it('fires FormSubmitEvent with the customer and shows progress', async () => {
      const el = await fixture<SlotkitCustomerForm>(
        html`<slotkit-customer-form></slotkit-customer-form>`,
      );
      await type(el, 'name', '  Marty McFly ');
      await type(el, 'email', 'marty@example.com');
      setTimeout(() => submitButton(el).click());
      const event = await oneEvent(el, FormSubmitEvent.type);
      expect(event).to.be.instanceOf(FormSubmitEvent);
      expect(event.cancelable).to.equal(true);
      expect(event.detail.customer).to.deep.equal({
        name: 'Marty McFly',
        email: 'marty@example.com',
      });
      await el.updateComplete;
      expect(el.status).to.equal('submitting');
      expect(submitButton(el).getAttribute('aria-disabled')).to.equal('true');
      expect(submitButton(el).textContent!.trim()).to.equal('Booking…');

      // A second press while sending does nothing.
      let again = 0;
      el.addEventListener(FormSubmitEvent.type, () => again++);
      await submit(el);
      expect(again).to.equal(0);
      await expect(el).to.be.accessible();
    });

    it('stays idle when the event is cancelled', async () => {
      const el = await fixture<SlotkitCustomerForm>(
        html`<slotkit-customer-form submit-label="Reserve"></slotkit-customer-form>`,
      );
      expect(submitButton(el).textContent!.trim()).to.equal('Reserve');
      await type(el, 'name', 'Marty');
      await type(el, 'email', 'marty@example.com');
      el.addEventListener(FormSubmitEvent.type, (event) => event.preventDefault());
      await submit(el);
      expect(el.status).to.equal('idle');
      expect(submitButton(el).hasAttribute('aria-disabled')).to.equal(false);
    });
  });

  it('maps serverErrors onto their fields, focuses the first and clears one when edited', async () => {
    const el = await fixture<SlotkitCustomerForm>(
      html`<slotkit-customer-form></slotkit-customer-form>`,
    );
    await type(el, 'name', 'Marty');
    await type(el, 'email', 'marty@example.com');
    await submit(el);
    expect(el.status).to.equal('submitting');
    el.serverErrors = [
      { path: 'customer.email', message: 'is not accepted for this calendar' },
      { path: 'start', message: 'is in the past' },
    ];
    await el.updateComplete;
    await el.updateComplete;
    expect(el.status).to.equal('idle');
    expect(errorText(el, 'email')).to.equal('Email: is not accepted for this calendar');
    expect(input(el, 'email').getAttribute('aria-invalid')).to.equal('true');
    expect(root(el).activeElement).to.equal(input(el, 'email'));
    expect(root(el).querySelector('[part="form-error"]')!.textContent).to.contain(
      'start: is in the past',
    );
    expect(el.checkValidity()).to.equal(false);
    expect(el.value).to.deep.equal({ name: 'Marty', email: 'marty@example.com' });

    await type(el, 'email', 'marty@hillvalley.example');
    expect(errorText(el, 'email')).to.equal(undefined);
    expect(el.checkValidity()).to.equal(true);
  });

  it('maps a server error on the name to the first of a split name', async () => {
    const el = await fixture<SlotkitCustomerForm>(
      html`<slotkit-customer-form
        .fields=${{ name: { split_name: true } }}
        .serverErrors=${[{ path: 'customer.name', message: 'is too long' }]}
      ></slotkit-customer-form>`,
    );
    expect(errorText(el, 'first_name')).to.equal('First name: is too long');
  });

  it('keeps what the visitor typed across status changes, config changes and values updates', async () => {
    const el = await fixture<SlotkitCustomerForm>(
      html`<slotkit-customer-form></slotkit-customer-form>`,
    );
    await type(el, 'name', 'Marty');
    await type(el, 'email', 'marty@example.com');
    await type(el, 'phone', '555 0100');

    el.status = 'submitting';
    await el.updateComplete;
    el.status = 'idle';
    el.serverErrors = [{ path: 'customer.phone', message: 'is not reachable' }];
    await el.updateComplete;
    expect(el.value).to.deep.equal({
      name: 'Marty',
      email: 'marty@example.com',
      phone: '555 0100',
    });

    // A new config that keeps name and phone but drops... nothing the visitor typed is lost.
    el.fields = [
      { name: 'name', type: 'text', label: 'Your name' },
      { name: 'email', type: 'email', label: 'Email' },
      { name: 'company', type: 'text', label: 'Company' },
    ];
    await el.updateComplete;
    expect(input(el, 'name').value).to.equal('Marty');
    expect(input(el, 'email').value).to.equal('marty@example.com');
    expect(el.value).to.deep.equal({ name: 'Marty', email: 'marty@example.com' });

    // The phone comes back, with what was typed in it.
    el.fields = undefined;
    await el.updateComplete;
    expect(input(el, 'phone').value).to.equal('555 0100');

    // Host values fill fields the visitor has not changed, and only those.
    el.fields = [
      { name: 'name', type: 'text', label: 'Name' },
      { name: 'email', type: 'email', label: 'Email' },
      { name: 'company', type: 'text', label: 'Company' },
    ];
    el.values = { name: 'Doc', company: 'Hill Valley Labs' };
    await el.updateComplete;
    expect(input(el, 'name').value).to.equal('Marty');
    expect(input(el, 'company').value).to.equal('Hill Valley Labs');
  });

  describe('prefill from the page address', () => {
    const original = location.href;
    afterEach(() => history.replaceState(null, '', original));

    it('fills fields from ?customer.<name>= but never over a read-only prefill', async () => {
      history.replaceState(
        null,
        '',
        '?customer.name=Marty%20McFly&customer.email=biff@example.com&customer.terms=true&customer.size=huge',
      );
      const el = await fixture<SlotkitCustomerForm>(
        html`<slotkit-customer-form
          .fields=${{
            name: { split_name: true },
            email: { prefilled: 'doc@example.com', readonly: true },
            terms: { title: 'Terms', format: 'checkbox' },
            size: { title: 'Size', format: 'select', enum: ['small', 'large'] },
          }}
        ></slotkit-customer-form>`,
      );
      expect(input(el, 'first_name').value).to.equal('Marty');
      expect(input(el, 'last_name').value).to.equal('McFly');
      expect(input(el, 'email').value).to.equal('doc@example.com');
      expect(input(el, 'terms').checked).to.equal(true);
      // Not one of the options: ignored rather than shown as an error.
      expect(el.value.size).to.equal(undefined);
    });

    it('fills an editable prefilled field from the URL, and not at all when opted out', async () => {
      history.replaceState(null, '', '?customer.email=marty@example.com&other=1');
      const fields = { email: { prefilled: 'doc@example.com' } };
      const el = await fixture<SlotkitCustomerForm>(
        html`<slotkit-customer-form .fields=${fields}></slotkit-customer-form>`,
      );
      expect(input(el, 'email').value).to.equal('marty@example.com');
      const off = await fixture<SlotkitCustomerForm>(
        html`<slotkit-customer-form
          .fields=${fields}
          prefill-from-url="false"
        ></slotkit-customer-form>`,
      );
      expect(off.prefillFromUrl).to.equal(false);
      expect(input(off, 'email').value).to.equal('doc@example.com');
    });
  });

  describe('in an outer <form>', () => {
    it('reports validity and its values to the form, and resets with it', async () => {
      const form = await fixture<HTMLFormElement>(
        html`<form>
          <slotkit-customer-form></slotkit-customer-form>
          <button>Send</button>
        </form>`,
      );
      const el = form.querySelector('slotkit-customer-form')!;
      await el.updateComplete;
      expect(el.form).to.equal(form);
      expect(form.checkValidity()).to.equal(false);
      expect(el.validity.valueMissing).to.equal(true);
      expect(el.validationMessage).to.equal('Name is required.');
      // Checking validity does not show errors the visitor has not earned yet.
      await el.updateComplete;
      expect(errorText(el, 'name')).to.equal(undefined);

      await type(el, 'name', 'Marty');
      await type(el, 'email', 'marty@');
      expect(form.checkValidity()).to.equal(false);
      expect(el.validity.typeMismatch).to.equal(true);
      await type(el, 'email', 'marty@example.com');
      expect(form.checkValidity()).to.equal(true);
      const data = new FormData(form);
      expect(data.get('name')).to.equal('Marty');
      expect(data.get('email')).to.equal('marty@example.com');
      expect(data.has('phone')).to.equal(false);

      form.reset();
      await el.updateComplete;
      expect(input(el, 'name').value).to.equal('');
      expect(form.checkValidity()).to.equal(false);
    });

    it('sends checkbox and split-name values, and is disabled by a disabled fieldset', async () => {
      const form = await fixture<HTMLFormElement>(
        html`<form>
          <fieldset>
            <slotkit-customer-form
              .fields=${{
                name: { split_name: true, prefilled: 'Doc Brown' },
                email: { prefilled: 'doc@example.com' },
                news: { title: 'Newsletter', format: 'checkbox', prefilled: true },
              }}
            ></slotkit-customer-form>
          </fieldset>
        </form>`,
      );
      const el = form.querySelector('slotkit-customer-form')!;
      await el.updateComplete;
      expect(form.checkValidity()).to.equal(true);
      const data = new FormData(form);
      expect([...data.entries()]).to.deep.equal([
        ['name', 'Doc Brown'],
        ['first_name', 'Doc'],
        ['last_name', 'Brown'],
        ['email', 'doc@example.com'],
        ['news', 'on'],
      ]);

      form.querySelector('fieldset')!.disabled = true;
      await el.updateComplete;
      expect(input(el, 'first_name').disabled).to.equal(true);
      expect(submitButton(el).disabled).to.equal(true);
      expect([...new FormData(form).keys()]).to.deep.equal([]);
    });

    it('restores saved state as the visitor’s own input', async () => {
      const el = await fixture<SlotkitCustomerForm>(
        html`<slotkit-customer-form></slotkit-customer-form>`,
      );
      const saved = new FormData();
      saved.append('name', 'Marty');
      saved.append('email', 'marty@example.com');
      saved.append('phone', '');
      el.formStateRestoreCallback(saved);
      await el.updateComplete;
      expect(input(el, 'name').value).to.equal('Marty');
      el.values = { name: 'Someone else' };
      await el.updateComplete;
      expect(input(el, 'name').value).to.equal('Marty');
    });
  });

  it('can be filled in and submitted with the keyboard alone', async () => {
    const el = await fixture<SlotkitCustomerForm>(
      html`<slotkit-customer-form></slotkit-customer-form>`,
    );
    el.focus();
    expect(root(el).activeElement).to.equal(input(el, 'name'));
    await sendKeys({ type: 'Marty McFly' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'marty@example.com' });
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement).to.equal(input(el, 'phone'));
    await sendKeys({ type: '+1 555 0100' });
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement).to.equal(submitButton(el));
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(root(el).activeElement).to.equal(input(el, 'phone'));
    const submitted = oneEvent(el, FormSubmitEvent.type);
    await sendKeys({ press: 'Enter' });
    const event = await submitted;
    expect(event.detail.customer).to.deep.equal({
      name: 'Marty McFly',
      email: 'marty@example.com',
      phone: '+1 555 0100',
    });
  });

  it('shows a blurred keyboard error and a submit-by-Enter attempt on an empty field', async () => {
    const el = await fixture<SlotkitCustomerForm>(
      html`<slotkit-customer-form></slotkit-customer-form>`,
    );
    el.focus();
    await sendKeys({ type: 'M' });
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    expect(errorText(el, 'name')).to.equal('Name is required.');
    expect(root(el).activeElement).to.equal(input(el, 'email'));
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await el.updateComplete;
    expect(errorText(el, 'email')).to.equal('Email is required.');
    expect(root(el).activeElement).to.equal(input(el, 'name'));
  });
});
