import { formatNumber } from '../format.ts';

/**
 * English strings of <slotkit-widget> that the script's first paint carries: the first step and
 * what the widget itself shows. Add a key here first (or in widget-after.ts when only the steps
 * after choosing read it); other locales follow the type of both.
 */
export const widget = {
  configProblem: 'This booking widget is not set up correctly:',
  configLoading: 'Loading the booking calendar…',
  configFailed: 'The booking calendar could not be loaded.',
  chooseTimeHeading: 'Choose a time',
  chooseClassHeading: 'Choose a class',
  rescheduleHeading: 'Choose a new time',
  detailsHeading: 'Your details',
  verifyHeading: 'Check your email',
  paymentHeading: 'Payment',
  resultHeading: 'Booking',
  manageHeading: 'Your booking',
  back: 'Back',
  holding: 'Holding this time for you…',
  holdCreatedAnnouncement: (minutes: number, locale: string) =>
    `The time is held for you for ${formatNumber(minutes, locale)} ${minutes === 1 ? 'minute' : 'minutes'}. Fill in your details to book.`,
  holdExpired:
    'Your hold expired and the time was released. Pick a time again; what you typed is kept.',
  slotTaken: 'Someone else just took that time. Please pick another.',
  classFull: 'That class no longer has enough seats. Please pick another class or fewer seats.',
  manageLinkInvalid:
    'That booking link does not work (it may be old or incomplete). You can book a new time below.',
  payIntro: 'Your booking is reserved until the payment window ends.',
  paymentExpired: 'The payment window ended and the booking was released. You can book again.',
  cancelled: 'Your booking is cancelled.',
  rescheduleConfirm: (when: string) => `Move your booking to ${when}?`,
  rescheduleDone: (when: string) => `Your booking is moved to ${when}.`,
  /** Every booking outcome in the visitor's words (flow/outcome.ts): headings and status. */
  outcome: {
    booked: 'You are booked',
    requested: 'Request sent — the host will confirm',
    'awaiting-payment': 'Reserved until you pay',
    paid: 'Paid and booked',
    'awaiting-verification': 'Waiting for your code',
    declined: 'The host declined this request',
    cancelled: 'This booking is cancelled',
    'cancelled-by-host': 'The host cancelled this booking',
    moved: 'This booking was moved to another time',
    expired: 'This booking was released',
    past: 'This booking has taken place',
    processing: 'We are finishing your booking',
  },
  online: 'Online',
  free: 'Free',
};
