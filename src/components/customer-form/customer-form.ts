import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { LocalizeController } from '../../controllers/localize.ts';
import { customerForm } from '../../i18n/en/customer-form.ts';
import { FormSubmitEvent } from '../../events.ts';
import type { FieldIssue } from '../../schemas/error.ts';
import { defineElement } from '../shared/define.ts';
import { tokens } from '../shared/tokens.styles.ts';
import { renderControl } from './controls.ts';
import { initialValue, URL_PREFIX, urlValues } from './prefill.ts';
import { styles } from './customer-form.styles.ts';
import {
  FieldConfigError,
  normalizeFields,
  type FieldDefinition,
  type FieldsConfig,
} from './fields.ts';
import {
  buildSchema,
  validate,
  type ErrorKey,
  type FieldValue,
  type FieldValues,
} from './validation.ts';

export type CustomerFormStatus = 'idle' | 'submitting';
const STATUSES: readonly string[] = ['idle', 'submitting'];

/**
 * @summary The visitor's details: configurable fields, validated from the shared customer schema,
 * sent as one customer object. Form-associated, so an outer `<form>` sees its value and validity.
 * @tag slotkit-customer-form
 *
 * @event slotkit-form-submit - `FormSubmitEvent` with `{ customer }` when a valid form is
 * submitted. Cancelable; if not cancelled the element sets `status` to `'submitting'` until its
 * owner sets it back to `'idle'` (setting `serverErrors` does that too).
 *
 * @slot actions - More buttons beside the submit button, after it (the widget's Back). They are
 * not the form's: give them `type="button"`.
 *
 * @csspart form - The inner `<form>`.
 * @csspart field - The wrapper of one field (label, input, hint, error).
 * @csspart label - A field's visible label.
 * @csspart optional - The "(optional)" marker inside an optional field's label.
 * @csspart input - The input, textarea, select or checkbox.
 * @csspart hint - A field's hint.
 * @csspart error - A field's error message.
 * @csspart form-error - Refusals from the booking service that belong to no field.
 * @csspart submit - The submit button.
 * @csspart config-error - The message for the site owner when `fields` cannot be used.
 *
 * @cssproperty --slotkit-color-accent - Submit button and checkbox colour.
 * @cssproperty --slotkit-color-danger - Error text and invalid borders.
 * @cssproperty --slotkit-color-border - Input borders.
 * @cssproperty --slotkit-color-muted - Hints and the "(optional)" marker.
 *
 * @cssstate submitting - `status` is `'submitting'`.
 * @cssstate invalid - Some field does not pass validation (shown or not).
 * @cssstate user-invalid - Some error is shown to the visitor.
 * @cssstate disabled - Disabled by its `disabled` attribute or a disabled fieldset.
 */
export class SlotkitCustomerForm extends LitElement {
  static override styles = [tokens, styles];
  static formAssociated = true;

  private readonly localize = new LocalizeController(this, () => this.locale, { customerForm });
  private readonly internals = this.attachInternals();
  private definitions: FieldDefinition[] = [];
  private schema = buildSchema([]);
  private errors = new Map<string, ErrorKey>();
  /** Fields the visitor has changed: their values are theirs and no prefill replaces them. */
  private readonly dirty = new Set<string>();
  /** Fields the visitor has left at least once (Lion's "touched"). */
  private readonly touched = new Set<string>();
  private loggedProblem: string | undefined;

  @query('.form-error') private formErrorBox?: HTMLElement;

  /** Every value the visitor or a prefill has given, kept across config changes. */
  @state() private current: FieldValues = {};
  @state() private submitted = false;
  @state() private configError: string | undefined;
  @state() private formDisabled = false;
  @state() private serverIssues = new Map<string, string>();
  @state() private formIssues: string[] = [];
  @state() private announcement = '';

  /**
   * Which fields to ask for: slotkit's array (`{ name, type, label, ... }[]`) or booking.js v3's
   * `customer_fields` object. Unset or empty: name, email and an optional phone.
   */
  @property({ attribute: false }) fields: FieldsConfig | undefined;

  /**
   * Fields required whatever `fields` says: the waitlist needs an email to send its offer to,
   * even where the project books without one.
   */
  @property({ attribute: false }) requiredFields: readonly string[] = [];

  /** Starting values by field name; applied to every field the visitor has not changed. */
  @property({ attribute: false }) values: Record<string, FieldValue | undefined> | undefined;

  /** Field problems from the booking service's 422 (`{ path: 'customer.email', message }`). */
  @property({ attribute: false }) serverErrors: FieldIssue[] = [];

  /** `'submitting'` while the owner sends the details: the submit button shows progress. */
  @property() status: CustomerFormStatus = 'idle';

  /** The submit button's text; the catalogue's "Book" when unset. */
  @property({ attribute: 'submit-label' }) submitLabel: string | undefined;

  /** Prefill from `?customer.<field>=` in the page address (never over read-only prefills). */
  @property({
    attribute: 'prefill-from-url',
    converter: { fromAttribute: (value: string | null) => value !== 'false' },
  })
  prefillFromUrl = true;

  @property({ type: Boolean, reflect: true }) disabled = false;

  /** The language of labels and messages; otherwise `lang` on the element or the page. */
  @property() locale: string | undefined;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('fields') || changed.has('requiredFields') || !this.hasUpdated) {
      this.applyConfig();
    } else if (changed.has('values') || changed.has('prefillFromUrl')) this.refill();
    if (changed.has('serverErrors')) {
      this.mapServerErrors();
      // The service has answered: the submission is over even if the owner forgets to say so.
      if (this.serverErrors?.length) this.status = 'idle';
    }
    if (changed.has('status') && !STATUSES.includes(this.status)) {
      this.logOnce(
        `slotkit-customer-form: status "${String(this.status)}" is not one of idle, submitting`,
      );
    }
    this.errors = validate(this.schema, this.current);
  }

  protected override updated(changed: PropertyValues<this>): void {
    this.syncForm();
    const visible = this.definitions.some((field) => this.errorFor(field) !== undefined);
    this.toggleState('submitting', this.submitting);
    this.toggleState('invalid', this.invalidNames().length > 0);
    this.toggleState('user-invalid', visible);
    this.toggleState('disabled', this.isDisabled);
    if (changed.has('serverErrors') && this.serverErrors.length > 0) void this.showServerErrors();
    if (changed.has('status') && this.submitting && changed.get('status') !== undefined) {
      void this.announce(this.localize.t.customerForm.sending);
    }
  }

  formDisabledCallback(disabled: boolean): void {
    this.formDisabled = disabled;
  }

  formResetCallback(): void {
    this.reset();
  }

  formStateRestoreCallback(saved: unknown): void {
    if (!(saved instanceof FormData)) return;
    const restored: FieldValues = {};
    for (const field of this.definitions) {
      const entry = saved.get(field.name);
      if (typeof entry !== 'string') continue;
      restored[field.name] = field.type === 'checkbox' ? entry === 'on' : entry;
      // Restored input is the visitor's own: no prefill may replace it.
      this.dirty.add(field.name);
    }
    this.current = { ...this.current, ...restored };
  }

  private onInput(field: FieldDefinition, event: Event): void {
    const target = event.target as HTMLInputElement;
    const value = field.type === 'checkbox' ? target.checked : target.value;
    this.current = { ...this.current, [field.name]: value };
    this.dirty.add(field.name);
    if (this.serverIssues.has(field.name)) {
      const issues = new Map(this.serverIssues);
      issues.delete(field.name);
      this.serverIssues = issues;
    }
  }

  private async onBlur(field: FieldDefinition): Promise<void> {
    const before = this.errorFor(field);
    this.touched.add(field.name);
    this.requestUpdate();
    await this.updateComplete;
    const after = this.errorFor(field);
    if (after !== undefined && after !== before) void this.announce(after);
  }

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    if (this.submitting || this.isDisabled || this.configError !== undefined) return;
    if (!this.reportValidity()) return;
    const submit = new FormSubmitEvent({ customer: this.value });
    if (this.dispatchEvent(submit)) this.status = 'submitting';
  }

  /** The customer as the booking service takes it: `{ name, email, phone?, ...custom }`. */
  get value(): Record<string, string | boolean> {
    const customer: Record<string, string | boolean> = {};
    const parts: string[] = [];
    for (const field of this.definitions) {
      const raw = this.current[field.name];
      if (field.type === 'checkbox') {
        customer[field.name] = raw === true;
        continue;
      }
      const text = typeof raw === 'string' ? raw.trim() : '';
      if (field.joinsInto) {
        // Keep `name` where the split name sits in the form; booking.js sends the parts too.
        if (parts.length === 0) customer.name = '';
        parts.push(text);
        if (text !== '' || field.required) customer[field.name] = text;
      } else if (text !== '' || field.required) {
        customer[field.name] = text;
      }
    }
    if (parts.length > 0) customer.name = parts.filter(Boolean).join(' ');
    return customer;
  }

  /** The outer `<form>` this element belongs to, if any. */
  get form(): HTMLFormElement | null {
    return this.internals.form;
  }

  get validity(): ValidityState {
    return this.internals.validity;
  }

  get validationMessage(): string {
    return this.internals.validationMessage;
  }

  /**
   * Focuses the first field the visitor can edit. (Not `delegatesFocus`: with it, a click on any
   * label-less spot of a long form would jump to the first input.)
   */
  override focus(options?: FocusOptions): void {
    const editable = this.renderRoot.querySelector<HTMLElement>(
      '[part="input"]:not([readonly]):not(:disabled)',
    );
    editable?.focus(options);
  }

  /** Whether every field passes, without showing anything. */
  checkValidity(): boolean {
    return this.internals.checkValidity();
  }

  /**
   * As a submit attempt does: shows every error, moves focus to the first invalid field and
   * announces how many need attention. Returns whether the form is valid.
   */
  reportValidity(): boolean {
    this.submitted = true;
    const invalid = this.invalidNames();
    if (invalid.length === 0) return true;
    void this.updateComplete.then(() => {
      this.inputFor(invalid[0]!)?.focus();
      void this.announce(
        this.localize.t.customerForm.needAttention(invalid.length, this.localize.locale),
      );
    });
    return false;
  }

  /** Back to the prefilled values, with nothing touched and no errors shown. */
  reset(): void {
    this.dirty.clear();
    this.touched.clear();
    this.submitted = false;
    this.serverIssues = new Map();
    this.formIssues = [];
    this.current = {};
    this.refill();
  }

  private get submitting(): boolean {
    return this.status === 'submitting';
  }

  private get isDisabled(): boolean {
    return this.disabled || this.formDisabled;
  }

  private applyConfig(): void {
    try {
      this.definitions = normalizeFields(this.fields).map((field) =>
        this.requiredFields.includes(field.name) ? { ...field, required: true } : field,
      );
      this.configError = undefined;
    } catch (error) {
      // Whatever the page handed us, the element reports it and never throws into the page.
      const message =
        error instanceof FieldConfigError ? error.message : `fields: ${String(error)}`;
      this.definitions = [];
      this.configError = message;
      this.logOnce(`slotkit-customer-form: ${message}`);
    }
    this.schema = buildSchema(this.definitions);
    this.refill();
  }

  /** Fills every field the visitor has not changed from `values`, the URL and the config. */
  private refill(): void {
    const next: FieldValues = { ...this.current };
    const fromUrl = this.prefillFromUrl ? urlValues() : {};
    for (const field of this.definitions) {
      if (this.dirty.has(field.name) && field.name in this.current) continue;
      next[field.name] = initialValue(field, this.values ?? {}, fromUrl);
    }
    this.current = next;
  }

  private mapServerErrors(): void {
    const issues = new Map<string, string>();
    const other: string[] = [];
    const t = this.localize.t.customerForm;
    const names = new Set(this.definitions.map((field) => field.name));
    for (const issue of this.serverErrors ?? []) {
      let name = issue.path.startsWith(URL_PREFIX)
        ? issue.path.slice(URL_PREFIX.length)
        : issue.path;
      if (name === 'name' && !names.has('name') && names.has('first_name')) name = 'first_name';
      if (names.has(name)) {
        if (!issues.has(name)) issues.set(name, issue.message);
      } else {
        other.push(t.errors.server(name || issue.path, issue.message));
      }
    }
    this.serverIssues = issues;
    this.formIssues = other;
  }

  private async showServerErrors(): Promise<void> {
    await this.updateComplete;
    const first = this.definitions.find((field) => this.serverIssues.has(field.name));
    if (first) {
      this.inputFor(first.name)?.focus();
      void this.announce(
        this.localize.t.customerForm.needAttention(this.serverIssues.size, this.localize.locale),
      );
    } else {
      // No field to point at: the box with the service's words takes focus and is read out.
      this.formErrorBox?.focus();
    }
  }

  /** Invalid fields in form order: the schema's errors and the service's not yet edited. */
  private invalidNames(): string[] {
    return this.definitions
      .filter((field) => this.errors.has(field.name) || this.serverIssues.has(field.name))
      .map((field) => field.name);
  }

  /** The message shown for a field now, following Lion's rule. */
  private errorFor(field: FieldDefinition): string | undefined {
    const t = this.localize.t.customerForm;
    const label = this.labelFor(field);
    const server = this.serverIssues.get(field.name);
    if (server !== undefined) return t.errors.server(label, server);
    const key = this.errors.get(field.name);
    if (key === undefined) return undefined;
    const shown = this.submitted || (this.touched.has(field.name) && this.dirty.has(field.name));
    return shown ? this.messageFor(field, key) : undefined;
  }

  private messageFor(field: FieldDefinition, key: ErrorKey): string {
    const errors = this.localize.t.customerForm.errors;
    const label = this.labelFor(field);
    switch (key) {
      case 'required':
        if (field.type === 'checkbox') return errors.requiredCheckbox(label);
        return field.type === 'select' ? errors.requiredChoice(label) : errors.required(label);
      case 'too_long':
        return errors.tooLong(label, field.maxLength, this.localize.locale);
      case 'email':
        return errors.email(label);
      case 'tel':
        return errors.tel(label);
      case 'choice':
        return errors.choice(label);
      default:
        return errors.invalid(label);
    }
  }

  private labelFor(field: FieldDefinition): string {
    return field.label ?? this.localize.t.customerForm.labels[field.name] ?? field.name;
  }

  private inputFor(name: string): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`#field-${name}`);
  }

  /** Value and validity for an outer `<form>`; the state keeps the raw inputs for restoring. */
  private syncForm(): void {
    const data = new FormData();
    for (const [key, value] of Object.entries(this.value)) {
      if (value === true) data.append(key, 'on');
      else if (typeof value === 'string') data.append(key, value);
    }
    const saved = new FormData();
    for (const field of this.definitions) {
      const value = this.current[field.name];
      saved.append(field.name, typeof value === 'boolean' ? (value ? 'on' : '') : (value ?? ''));
    }
    this.internals.setFormValue(data, saved);

    if (this.configError !== undefined) {
      this.internals.setValidity({ customError: true }, this.configError);
      return;
    }
    const first = this.definitions.find((field) => this.invalidNames().includes(field.name));
    if (!first) {
      this.internals.setValidity({});
      return;
    }
    const server = this.serverIssues.get(first.name);
    const key = this.errors.get(first.name);
    const message =
      server !== undefined
        ? this.localize.t.customerForm.errors.server(this.labelFor(first), server)
        : this.messageFor(first, key ?? 'invalid');
    const flags: ValidityStateFlags =
      server !== undefined
        ? { customError: true }
        : key === 'required'
          ? { valueMissing: true }
          : key === 'email' || key === 'tel'
            ? { typeMismatch: true }
            : key === 'too_long'
              ? { tooLong: true }
              : { customError: true };
    this.internals.setValidity(flags, message, this.inputFor(first.name) ?? undefined);
  }

  private async announce(message: string): Promise<void> {
    // Cleared first, so the same words twice in a row are read twice.
    this.announcement = '';
    await this.updateComplete;
    this.announcement = message;
  }

  private toggleState(name: string, on: boolean): void {
    try {
      if (on) this.internals.states.add(name);
      else this.internals.states.delete(name);
    } catch {
      // Browsers before CustomStateSet (or with only the `--name` form): styling hook only.
    }
  }

  private logOnce(message: string): void {
    if (this.loggedProblem === message) return;
    this.loggedProblem = message;
    console.error(message);
  }

  protected override render(): TemplateResult {
    const t = this.localize.t.customerForm;
    const region = html`<div role="status" aria-live="polite" class="visually-hidden">
      ${this.announcement}
    </div>`;
    if (this.configError !== undefined) {
      return html`<p
          part="config-error"
          class="config-error"
          dir=${this.localize.dir}
          lang=${this.localize.locale}
        >
          ${t.configError(this.configError)}
        </p>
        <slot name="actions"></slot>
        ${region}`;
    }
    return html`
      <form
        part="form"
        dir=${this.localize.dir}
        lang=${this.localize.locale}
        novalidate
        aria-busy=${this.submitting ? 'true' : 'false'}
        @submit=${this.onSubmit}
      >
        ${
          this.formIssues.length > 0
            ? html`<div part="form-error" class="form-error" tabindex="-1">
                ${this.formIssues.map((message) => html`<p>${message}</p>`)}
              </div>`
            : nothing
        }
        ${this.definitions.map((field) => this.renderField(field))}
        <div class="actions">
          <button
            part="submit"
            class="button submit"
            type="submit"
            ?disabled=${this.isDisabled}
            aria-disabled=${this.submitting ? 'true' : nothing}
          >
            ${
              this.submitting
                ? html`<span class="spinner" aria-hidden="true"></span>${t.submitting}`
                : (this.submitLabel ?? t.submit)
            }
          </button>
          <slot name="actions"></slot>
        </div>
      </form>
      ${region}
    `;
  }

  private renderField(field: FieldDefinition): TemplateResult {
    const t = this.localize.t.customerForm;
    const id = `field-${field.name}`;
    const error = this.errorFor(field);
    const describedBy = [field.hint ? `hint-${field.name}` : '', error ? `error-${field.name}` : '']
      .filter(Boolean)
      .join(' ');
    const attrs = {
      describedBy: describedBy || undefined,
      invalid: error !== undefined ? 'true' : undefined,
    };
    const optional = field.required
      ? nothing
      : html` <span part="optional" class="optional">${t.optional}</span>`;
    const label = html`<label part="label" for=${id}>${this.labelFor(field)}${optional}</label>`;
    const hint = field.hint
      ? html`<p part="hint" class="hint" id="hint-${field.name}">${field.hint}</p>`
      : nothing;
    const message = error
      ? html`<p part="error" class="error" id="error-${field.name}">${error}</p>`
      : nothing;
    const classes = `field ${field.type === 'checkbox' ? 'checkbox' : ''} ${field.joinsInto ? 'part' : ''}`;
    if (field.type === 'checkbox') {
      return html`<div part="field" class=${classes}>
        <input
          part="input"
          id=${id}
          type="checkbox"
          name=${field.name}
          .checked=${live(this.current[field.name] === true)}
          ?required=${field.required}
          ?disabled=${this.isDisabled || field.readonly}
          aria-invalid=${ifDefined(attrs.invalid)}
          aria-describedby=${ifDefined(attrs.describedBy)}
          @input=${(event: Event) => this.onInput(field, event)}
          @blur=${() => this.onBlur(field)}
        />
        ${label} ${hint} ${message}
      </div>`;
    }
    const control = renderControl(field, id, attrs, {
      value: String(this.current[field.name] ?? ''),
      disabled: this.isDisabled,
      choose: t.choose,
      onInput: (event: Event) => this.onInput(field, event),
      onBlur: () => this.onBlur(field),
    });
    return html`<div part="field" class=${classes}>${label} ${hint} ${control} ${message}</div>`;
  }
}

/** Registers <slotkit-customer-form> (once per version; see shared/define.ts). */
export function defineCustomerForm(): void {
  defineElement('slotkit-customer-form', SlotkitCustomerForm);
}

declare global {
  interface HTMLElementTagNameMap {
    'slotkit-customer-form': SlotkitCustomerForm;
  }
}
