/**
 * English strings of the waitlist that the script's first paint carries: the class list's button
 * (also the heading while the waitlist's step loads) and the notice of an offer link that came
 * too late, shown before any waitlist step. The rest load with the waitlist's step
 * (waitlist-after.ts): every other string appears only once that step was on screen.
 */
export const waitlist = {
  join: 'Join the waitlist',
  offerExpired: 'This offer has ended and the seat went to the next person on the waitlist.',
};
