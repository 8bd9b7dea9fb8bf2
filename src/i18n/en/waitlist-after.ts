import { formatNumber } from '../format.ts';

const seatCount = (seats: number, locale: string) =>
  seats === 1 ? 'one seat' : `${formatNumber(seats, locale)} seats`;

/**
 * English strings of the waitlist's form and confirmation, and of what follows them (the
 * announcements on joining and leaving, the notice when a seat freed while the visitor typed):
 * part of `waitlist` in every catalogue, but in English they load with that step
 * (src/components/widget/waitlist.ts adds them), not in the first paint: most visitors never
 * meet a full class.
 */
export const waitlistAfter = {
  joinedHeading: 'You’re on the waitlist',
  joined: 'You’re on the waitlist — we’ll email you if a seat opens.',
  seatsAvailable: 'Seats are free again: book one now.',
  left: 'You have left the waitlist. We won’t email you about this class.',
  intro: 'This class is full. Leave your details and we’ll email you if a seat opens.',
  /** The form's line when the visitor waits for more than one seat. */
  forSeats: (seats: number, locale: string): string => `Waitlist for ${seatCount(seats, locale)}`,
  /** `joined` for more than one seat. */
  joinedSeats: (seats: number, locale: string): string =>
    `You’re on the waitlist for ${seatCount(seats, locale)} — we’ll email you if they open.`,
  leave: 'Leave the waitlist',
  leftHeading: 'You have left the waitlist',
  backToClasses: 'Back to classes',
};
