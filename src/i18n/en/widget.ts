import { formatNumber } from '../format.ts';

/**
 * English strings of <slotkit-widget> that the script's first paint carries: the first step and
 * what the widget shows before a later step's code is in (the headings shown while it loads, the
 * notices on going back to the chooser). Add a key here first (or in widget-after.ts when only
 * the steps after choosing, or what follows them, read it); other locales follow both's type.
 */
export const widget = {
  configProblem: 'This booking widget is not set up correctly:',
  configLoading: 'Loading the booking calendar…',
  configFailed: 'The booking calendar could not be loaded.',
  chooseTimeHeading: 'Choose a time',
  chooseClassHeading: 'Choose a class',
  rescheduleHeading: 'Choose a new time',
  detailsHeading: 'Your details',
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
  paymentExpired: 'The payment window ended and the booking was released. You can book again.',
  online: 'Online',
  free: 'Free',
};
