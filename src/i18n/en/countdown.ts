/** English strings of <slotkit-countdown>. Add a key here first; other locales follow its type. */
export const countdown = {
  /** Shown before the m:ss timer; the `label` property replaces it. Says neither seat nor time:
   * the same countdown holds a 1:1 time and a class's seats. */
  label: 'Held for you for',
  /** The timer's accessible name: the label and the time left in words ("4 minutes 59 seconds"). */
  timerName: (label: string, timeLeft: string) => `${label} ${timeLeft}`,
  /** Announced once when 5 minutes and once when 1 minute are left ("5 minutes"). */
  timeLeft: (timeLeft: string) => `${timeLeft} left on your hold.`,
  expired: 'Your hold has expired; the time is free for others again.',
  extend: 'Extend',
  extending: 'Extending…',
  /** Shown instead of the timer when `expires-at` cannot be read. */
  invalidExpiresAt: 'We could not read when your hold ends.',
};
