/** English strings of the waitlist: joining a sold-out class and taking an offered seat. */
export const waitlist = {
  join: 'Join the waitlist',
  intro: 'This class is full. Leave your details and we’ll email you if a seat opens.',
  joinedHeading: 'You’re on the waitlist',
  joined: 'You’re on the waitlist — we’ll email you if a seat opens.',
  seatsAvailable: 'Seats are free again: book one now.',
  leave: 'Leave the waitlist',
  leftHeading: 'You have left the waitlist',
  left: 'You have left the waitlist. We won’t email you about this class.',
  backToClasses: 'Back to classes',
  offerExpired: 'This offer has ended and the seat went to the next person on the waitlist.',
};
