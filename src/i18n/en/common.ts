/** Strings several elements share. */
export const common = {
  retry: 'Try again',
  loading: 'Loading…',
  close: 'Close',
  back: 'Back',
  cancel: 'Cancel',
  /** Shown when an error carries no message of its own. */
  unknownError: 'Something went wrong. Please try again.',
  networkError: 'We could not reach the booking service. Check your connection and try again.',
  timeoutError: 'The booking service is taking too long to answer. Please try again.',
  /** API error codes in the visitor's words (widget/errors.ts); the raw message goes to events. */
  slotGone: 'That time is no longer available. Please choose another.',
  notFound: 'We could not find this booking. The link may be out of date.',
  notAllowed: 'This action is not possible for this booking any more.',
  tooManyRequests: 'Too many attempts in a short time. Please wait a minute and try again.',
  checkDetails: 'Some details need another look. Please check the form.',
  wrongCode: 'That code is not right. Check the email and try again.',
};
