import { formatNumber } from '../format.ts';

/**
 * English strings of the widget's steps after choosing (details, verification, payment, result,
 * manage): part of `widget` in every catalogue, but in English they load with those steps
 * (src/components/widget/steps/details.ts and after-booking.ts add them), not in the first paint.
 */
export const widgetAfter = {
  // Read only once the steps after choosing were on screen (their headings and announcements).
  verifyHeading: 'Check your email',
  paymentHeading: 'Payment',
  payIntro: 'Your booking is reserved until the payment window ends.',
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
  heldSlot: (when: string) => `Held for you: ${when}`,
  /** `locale` only chooses the digits (the visitor's full locale, e.g. "ar-EG"). */
  heldSeats: (what: string, when: string, seats: number, locale: string) =>
    `Held for you: ${seats === 1 ? 'one seat' : `${formatNumber(seats, locale)} seats`} in ${what}, ${when}`,
  submitPayment: 'Continue to payment',
  submitRequest: 'Request booking',
  verifyIntro: (email: string) =>
    `We sent a 6-digit code to ${email}. Enter it to confirm your booking.`,
  verifyCode: 'Code',
  verifySubmit: 'Confirm',
  payTest: 'Pay now (test payment, no money is taken)',
  paying: 'Processing payment…',
  resultConfirmed: 'You are booked.',
  resultRequested: 'Your request is sent. The host will confirm it; you will get an email.',
  resultPaid: 'Payment received. You are booked.',
  resultOther: (state: string) => `Your booking is ${state.replaceAll('_', ' ')}.`,
  confirmationSentTo: (email: string) => `A confirmation goes to ${email}.`,
  stateLabel: 'Status',
  whenLabel: 'When',
  /** The booking summary's "When" line: what is booked and its time ("Haircut, Thu 26 Nov, 18:00–18:30"). */
  whatAndWhen: (what: string, when: string) => `${what}, ${when}`,
  whereLabel: 'Where',
  seatsLabel: 'Seats',
  cancelBooking: 'Cancel booking',
  cancelMessage: 'Message to the host (optional)',
  cancelConfirm: 'Yes, cancel it',
  noActions: 'There is nothing to change on this booking any more.',
  loadingBooking: 'Loading your booking…',
  referenceLabel: 'Booking reference',
  priceLabel: 'Price',
  /** What happens next, per outcome. */
  emailOnItsWay: (email: string) => `An email with the details is on its way to ${email}.`,
  requestNext: (email: string) =>
    `The host will confirm or decline your request; we will email ${email} either way.`,
  cancelUntil: (when: string) => `You can cancel until ${when}.`,
  cancelClosed: (when: string) =>
    `Cancelling online closed at ${when}, as the host needs the seat's notice. Please contact the host.`,
  addToCalendar: 'Add to calendar',
  calendarFile: 'Calendar file (.ics)',
  cancelWhatHappens:
    'Cancelling releases your time for someone else and tells the host. It cannot be undone.',
  keepBooking: 'Keep my booking',
  movedBanner: (from: string, to: string) => `Your booking is moved: ${from} → ${to}`,
  hostMessage: 'Message from the host',
  amountDue: (amount: string) => `Amount due: ${amount}`,
  paymentWindowEnds: 'If the time runs out before you pay, the booking is released.',
  paymentFailed: 'The payment did not go through and no money was taken. You can try again.',
  releaseAndBack: 'Back: release this time',
  redirecting: 'Taking you on…',
  // Read only by the later steps' templates (steps/details.ts, after-booking.ts).
  submit: 'Book',
  manageLink: 'Manage this booking',
  bookAnother: 'Book another time',
  state: (state: string) => state.replaceAll('_', ' '),
  reschedule: 'Change time',
};
