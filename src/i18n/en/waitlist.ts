/**
 * English strings of the waitlist that the script's first paint carries: the class list's button,
 * the heading shown while the waitlist's step loads, and the notices the widget shows itself. The
 * rest load with the waitlist's step (waitlist-after.ts).
 */
export const waitlist = {
  join: 'Join the waitlist',
  joinedHeading: 'You’re on the waitlist',
  joined: 'You’re on the waitlist — we’ll email you if a seat opens.',
  seatsAvailable: 'Seats are free again: book one now.',
  left: 'You have left the waitlist. We won’t email you about this class.',
  offerExpired: 'This offer has ended and the seat went to the next person on the waitlist.',
};
