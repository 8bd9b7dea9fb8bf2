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
};
