/** English strings of the waitlist: joining a sold-out class and taking an offered seat. */
import { formatNumber } from '../format.ts';

const seatCount = (seats: number, locale: string) =>
  seats === 1 ? 'one seat' : `${formatNumber(seats, locale)} seats`;

export const waitlist = {
  join: 'Join the waitlist',
  intro: 'This class is full. Leave your details and we’ll email you if a seat opens.',
  joinedHeading: 'You’re on the waitlist',
  joined: 'You’re on the waitlist — we’ll email you if a seat opens.',
  /** The form's line when the visitor waits for more than one seat. */
  forSeats: (seats: number, locale: string): string => `Waitlist for ${seatCount(seats, locale)}`,
  /** `joined` for more than one seat. */
  joinedSeats: (seats: number, locale: string): string =>
    `You’re on the waitlist for ${seatCount(seats, locale)} — we’ll email you if they open.`,
  seatsAvailable: 'Seats are free again: book one now.',
  leave: 'Leave the waitlist',
  leftHeading: 'You have left the waitlist',
  left: 'You have left the waitlist. We won’t email you about this class.',
  backToClasses: 'Back to classes',
  offerExpired: 'This offer has ended and the seat went to the next person on the waitlist.',
};
