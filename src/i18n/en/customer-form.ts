/** English strings of <slotkit-customer-form>. Add a key here first; other locales follow its type. */
import { formatNumber } from '../format.ts';
export const customerForm = {
  /** Labels of the standard fields, used when the configuration gives none. */
  labels: {
    name: 'Name',
    first_name: 'First name',
    last_name: 'Last name',
    email: 'Email',
    phone: 'Phone',
    voip: 'Skype or VoIP address',
    location: 'Location',
    comment: 'Comment',
  } as Record<string, string>,
  /** After an optional field's label. */
  optional: '(optional)',
  /** The empty first entry of a drop-down. */
  choose: 'Choose…',
  submit: 'Book',
  submitting: 'Booking…',
  /** Announced while the details are being sent. */
  sending: 'Sending your details…',
  errors: {
    // Owner labels are arbitrary text, so the label stands alone rather than inside a phrase.
    required: (label: string) => `${label} is required.`,
    requiredChoice: (label: string) => `${label}: choose an option.`,
    requiredCheckbox: (label: string) => `Tick “${label}” to continue.`,
    email: (label: string) => `${label} must be an email address, like name@example.com.`,
    tel: (label: string) => `${label} must be a phone number, like +1 555 123 4567.`,
    tooLong: (label: string, max: number, locale: string) =>
      `${label} must be ${formatNumber(max, locale)} characters or fewer.`,
    choice: (label: string) => `${label}: choose one of the options.`,
    invalid: (label: string) => `${label} is not valid.`,
    /** A refusal from the booking service, with its own (English) wording. */
    server: (label: string, message: string) => `${label}: ${message}`,
  },
  /** Announced when a submit finds problems. */
  needAttention: (count: number, locale: string) =>
    count === 1
      ? `${formatNumber(1, locale)} field needs attention.`
      : `${formatNumber(count, locale)} fields need attention.`,
  /** For the site owner, above nothing else: the form cannot be shown as configured. */
  configError: (detail: string) => `This booking form is not set up correctly. ${detail}`,
};
