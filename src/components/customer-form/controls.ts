import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { FieldDefinition } from './fields.ts';

/**
 * The control of a text, email, tel, textarea or select field of <slotkit-customer-form> (the
 * checkbox is laid out with its label after it, so the form renders that one itself).
 */

export interface ControlView {
  /** The field's current value as text. */
  value: string;
  disabled: boolean;
  /** The select's empty choice, "Choose…". */
  choose: string;
  onInput: (event: Event) => void;
  onBlur: () => void;
}

export function renderControl(
  field: FieldDefinition,
  id: string,
  attrs: { describedBy: string | undefined; invalid: string | undefined },
  { value, disabled, choose, onInput, onBlur }: ControlView,
): TemplateResult {
  if (field.type === 'select') {
    return html`<select
      part="input"
      id=${id}
      name=${field.name}
      .value=${live(value)}
      ?required=${field.required}
      ?disabled=${disabled || field.readonly}
      autocomplete=${ifDefined(field.autocomplete)}
      aria-invalid=${ifDefined(attrs.invalid)}
      aria-describedby=${ifDefined(attrs.describedBy)}
      @input=${onInput}
      @blur=${onBlur}
    >
      <option value="" ?selected=${value === ''}>${choose}</option>
      ${(field.options ?? []).map(
        (option) =>
          html`<option value=${option.value} ?selected=${option.value === value}>
            ${option.label}
          </option>`,
      )}
    </select>`;
  }
  if (field.type === 'textarea') {
    return html`<textarea
      part="input"
      id=${id}
      name=${field.name}
      rows="3"
      .value=${live(value)}
      maxlength=${field.maxLength}
      placeholder=${ifDefined(field.placeholder)}
      autocomplete=${ifDefined(field.autocomplete)}
      ?required=${field.required}
      ?readonly=${field.readonly}
      ?disabled=${disabled}
      aria-invalid=${ifDefined(attrs.invalid)}
      aria-describedby=${ifDefined(attrs.describedBy)}
      @input=${onInput}
      @blur=${onBlur}
    ></textarea>`;
  }
  return html`<input
    part="input"
    id=${id}
    type=${field.type}
    name=${field.name}
    .value=${live(value)}
    maxlength=${field.maxLength}
    placeholder=${ifDefined(field.placeholder)}
    autocomplete=${ifDefined(field.autocomplete)}
    ?required=${field.required}
    ?readonly=${field.readonly}
    ?disabled=${disabled}
    aria-invalid=${ifDefined(attrs.invalid)}
    aria-describedby=${ifDefined(attrs.describedBy)}
    @input=${onInput}
    @blur=${onBlur}
  />`;
}
