/// <reference types="mocha" />
import { aTimeout, expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { HoldExpiredEvent, HoldExtendEvent } from '../../events.ts';
import { formatInstant } from '../../lib/time/index.ts';
import '../define-all.ts';
import type { SlotkitCountdown } from './countdown.ts';
import { formatClock, formatSpoken } from './format-remaining.ts';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
/** The server's "now" in every test. */
const T0 = Date.parse('2026-03-29T09:00:00Z');

/** A local clock that moves only when a test says so. */
function manualClock(start = T0) {
  let now = start;
  return {
    now: () => now,
    advance(ms: number) {
      now += ms;
    },
  };
}

const at = (ms: number): string => formatInstant(ms);

function timer(el: SlotkitCountdown): HTMLElement | null {
  return el.shadowRoot!.querySelector('[part="timer"]');
}
function liveRegion(el: SlotkitCountdown): HTMLElement {
  return el.shadowRoot!.querySelector('[role="status"]')!;
}
function message(el: SlotkitCountdown): HTMLElement | null {
  return el.shadowRoot!.querySelector('[part="message"]');
}
function extendButton(el: SlotkitCountdown): HTMLButtonElement | null {
  return el.shadowRoot!.querySelector('[part="extend-button"]');
}

/** Every text the live region has held, in order: what a screen reader would have been given. */
function recordAnnouncements(el: SlotkitCountdown): string[] {
  const seen: string[] = [];
  const region = liveRegion(el);
  new MutationObserver(() => {
    const text = region.textContent!.trim();
    if (text !== '') seen.push(text);
  }).observe(region, { childList: true, characterData: true, subtree: true });
  return seen;
}

function countEvents(el: EventTarget, type: string): Event[] {
  const events: Event[] = [];
  el.addEventListener(type, (event) => events.push(event));
  return events;
}

/** Moves the clock and lets the element recompute, without waiting for its timer. */
async function advance(
  el: SlotkitCountdown,
  clock: ReturnType<typeof manualClock>,
  ms: number,
): Promise<void> {
  clock.advance(ms);
  el.refresh();
  await el.updateComplete;
}

async function mount(
  clock: ReturnType<typeof manualClock>,
  expiresAt: string,
  extra: Partial<Pick<SlotkitCountdown, 'serverOffsetMs' | 'canExtend' | 'holdId'>> = {},
): Promise<SlotkitCountdown> {
  return fixture<SlotkitCountdown>(html`
    <slotkit-countdown
      .clock=${clock.now}
      .serverOffsetMs=${extra.serverOffsetMs ?? 0}
      .canExtend=${extra.canExtend ?? false}
      .holdId=${extra.holdId}
      expires-at=${expiresAt}
    ></slotkit-countdown>
  `);
}

describe('<slotkit-countdown>', () => {
  describe('formatting', () => {
    it('shows m:ss with an accessible name in words, and a duration for <time>', async () => {
      const clock = manualClock();
      const el = await mount(clock, at(T0 + 4 * MINUTE + 59 * SECOND));
      const time = timer(el)!;
      expect(time.tagName).to.equal('TIME');
      expect(time.textContent!.trim()).to.equal('4:59');
      expect(time.getAttribute('role')).to.equal('timer');
      expect(time.getAttribute('aria-live')).to.equal('off');
      expect(time.getAttribute('aria-label')).to.equal('Held for you for 4 minutes 59 seconds');
      expect(time.getAttribute('datetime')).to.equal('PT0H4M59S');
      expect(el.shadowRoot!.querySelector('[part="label"]')!.textContent).to.equal(
        'Held for you for',
      );

      await advance(el, clock, 4 * MINUTE + 50 * SECOND);
      expect(time.textContent!.trim()).to.equal('0:09');
      expect(time.getAttribute('aria-label')).to.equal('Held for you for 9 seconds');
    });

    it('rounds up to whole seconds, so 0:00 only shows at expiry', async () => {
      const clock = manualClock();
      const el = await mount(clock, at(T0 + MINUTE));
      await advance(el, clock, 1);
      expect(timer(el)!.textContent!.trim()).to.equal('1:00');
      await advance(el, clock, MINUTE - 2);
      expect(timer(el)!.textContent!.trim()).to.equal('0:01');
    });

    it('shows h:mm:ss from an hour up', async () => {
      const clock = manualClock();
      const el = await mount(clock, at(T0 + 62 * MINUTE + 3 * SECOND));
      expect(timer(el)!.textContent!.trim()).to.equal('1:02:03');
      expect(timer(el)!.getAttribute('aria-label')).to.equal(
        'Held for you for 1 hour 2 minutes 3 seconds',
      );
    });

    it('formats the parts on their own', () => {
      expect(formatClock(0, 'en')).to.equal('0:00');
      expect(formatClock(10 * MINUTE, 'en')).to.equal('10:00');
      expect(formatClock(3600 * SECOND, 'en')).to.equal('1:00:00');
      expect(formatSpoken(MINUTE, 'en')).to.equal('1 minute');
      expect(formatSpoken(3600 * SECOND + 5 * SECOND, 'en')).to.equal('1 hour 5 seconds');
      expect(formatSpoken(0, 'en')).to.equal('0 seconds');
    });

    it('uses the label override in the visible label and the accessible name', async () => {
      const clock = manualClock();
      const el = await mount(clock, at(T0 + 2 * MINUTE));
      el.label = 'Time left to pay';
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part="label"]')!.textContent).to.equal(
        'Time left to pay',
      );
      expect(timer(el)!.getAttribute('aria-label')).to.equal('Time left to pay 2 minutes');
    });
  });

  describe('clock skew', () => {
    // The server says 09:00; the visitor's clock says 08:58 (2 minutes behind).
    it("shows the server's remaining time when given the server's offset", async () => {
      const local = manualClock(T0 - 2 * MINUTE);
      const el = await mount(local, at(T0 + 5 * MINUTE), { serverOffsetMs: 2 * MINUTE });
      expect(timer(el)!.textContent!.trim()).to.equal('5:00');
    });

    it('would show 2 minutes too many without it', async () => {
      const local = manualClock(T0 - 2 * MINUTE);
      const el = await mount(local, at(T0 + 5 * MINUTE));
      expect(timer(el)!.textContent!.trim()).to.equal('7:00');
    });

    it('takes a refined offset without restarting or re-announcing', async () => {
      const local = manualClock(T0 - 2 * MINUTE);
      const el = await mount(local, at(T0 + 6 * MINUTE));
      const seen = recordAnnouncements(el);
      await advance(el, local, 3 * MINUTE); // 5:00 left by the local clock, wrongly
      expect(seen).to.deep.equal(['5 minutes left on your hold.']);
      el.serverOffsetMs = 2 * MINUTE;
      await el.updateComplete;
      expect(timer(el)!.textContent!.trim()).to.equal('3:00');
      expect(seen).to.deep.equal(['5 minutes left on your hold.']);
    });
  });

  describe('announcements', () => {
    it('announces 5 minutes, 1 minute and expiry once each, politely', async () => {
      const clock = manualClock();
      const el = await mount(clock, at(T0 + 6 * MINUTE));
      const region = liveRegion(el);
      expect(region.getAttribute('aria-live')).to.equal('polite');
      expect(region.classList.contains('visually-hidden')).to.equal(true);
      const seen = recordAnnouncements(el);

      for (let left = 6 * MINUTE; left > -10 * SECOND; left -= 10 * SECOND) {
        await advance(el, clock, 10 * SECOND);
        if (left === 5 * MINUTE + 10 * SECOND) {
          expect(region.textContent!.trim()).to.equal('5 minutes left on your hold.');
        }
      }
      expect(seen).to.deep.equal([
        '5 minutes left on your hold.',
        '1 minute left on your hold.',
        'Your hold has expired; the time is free for others again.',
      ]);
    });

    it('does not announce every second: the timer itself is not live', async () => {
      const clock = manualClock();
      const el = await mount(clock, at(T0 + 4 * MINUTE));
      const seen = recordAnnouncements(el);
      for (let i = 0; i < 5; i += 1) await advance(el, clock, SECOND);
      expect(seen).to.deep.equal([]);
      expect(timer(el)!.textContent!.trim()).to.equal('3:55');
      expect(timer(el)!.closest('[aria-live="polite"], [aria-live="assertive"]')).to.equal(null);
    });

    it('does not announce thresholds already passed when the count starts', async () => {
      const clock = manualClock();
      const el = await mount(clock, at(T0 + 3 * MINUTE));
      const seen = recordAnnouncements(el);
      await advance(el, clock, SECOND);
      expect(liveRegion(el).textContent!.trim()).to.equal('');
      await advance(el, clock, 2 * MINUTE);
      await advance(el, clock, MINUTE);
      expect(seen).to.deep.equal([
        '1 minute left on your hold.',
        'Your hold has expired; the time is free for others again.',
      ]);
    });

    it('announces only the latest threshold when a throttled tab skips past both', async () => {
      const clock = manualClock();
      const el = await mount(clock, at(T0 + 6 * MINUTE));
      const seen = recordAnnouncements(el);
      await advance(el, clock, 5 * MINUTE + 30 * SECOND);
      expect(liveRegion(el).textContent!.trim()).to.equal('1 minute left on your hold.');
      expect(seen.at(-1)).to.equal('1 minute left on your hold.');
    });

    it('announces the thresholds again for an extended hold', async () => {
      const clock = manualClock();
      const el = await mount(clock, at(T0 + 6 * MINUTE));
      const seen = recordAnnouncements(el);
      await advance(el, clock, MINUTE);
      el.expiresAt = at(T0 + 16 * MINUTE);
      await el.updateComplete;
      expect(liveRegion(el).textContent!.trim()).to.equal('');
      await advance(el, clock, 10 * MINUTE);
      expect(seen).to.deep.equal(['5 minutes left on your hold.', '5 minutes left on your hold.']);
    });
  });

  describe('expiry', () => {
    it('fires HoldExpiredEvent exactly once, and shows the expired state', async () => {
      const clock = manualClock();
      const expiresAt = at(T0 + 2 * MINUTE);
      const el = await mount(clock, expiresAt, { holdId: 'hold_1', canExtend: true });
      const fired = countEvents(el, HoldExpiredEvent.type);

      await advance(el, clock, 2 * MINUTE);
      expect(fired).to.have.length(1);
      const event = fired[0] as HoldExpiredEvent;
      expect(event).to.be.instanceOf(HoldExpiredEvent);
      expect(event.detail).to.deep.equal({ expiresAt, holdId: 'hold_1' });
      expect(event.bubbles && event.composed).to.equal(true);

      expect(el.matches(':state(expired)')).to.equal(true);
      expect(el.matches(':state(warning)')).to.equal(false);
      expect(message(el)!.textContent).to.equal(
        'Your hold has expired; the time is free for others again.',
      );
      expect(timer(el)).to.equal(null);
      expect(extendButton(el)).to.equal(null);

      // Later ticks, re-renders, and a disconnect/reconnect do not fire it again.
      await advance(el, clock, MINUTE);
      el.label = 'Something else';
      el.serverOffsetMs = 5 * SECOND;
      await el.updateComplete;
      const parent = el.parentElement!;
      el.remove();
      parent.append(el);
      await advance(el, clock, MINUTE);
      await aTimeout(300); // a full tick of the element's own timer
      expect(fired).to.have.length(1);
    });

    it('fires again for a new expires-at (once per expires-at)', async () => {
      const clock = manualClock();
      const el = await mount(clock, at(T0 + MINUTE));
      const fired = countEvents(el, HoldExpiredEvent.type);
      await advance(el, clock, MINUTE);
      el.expiresAt = at(T0 + 3 * MINUTE);
      await el.updateComplete;
      expect(el.matches(':state(expired)')).to.equal(false);
      expect(timer(el)!.textContent!.trim()).to.equal('2:00');
      await advance(el, clock, 2 * MINUTE);
      expect(fired.map((event) => (event as HoldExpiredEvent).detail.expiresAt)).to.deep.equal([
        at(T0 + MINUTE),
        at(T0 + 3 * MINUTE),
      ]);
    });

    it('counts on its own timer', async () => {
      const clock = manualClock();
      const el = await mount(clock, at(T0 + MINUTE));
      clock.advance(MINUTE);
      const event = await oneEvent(el, HoldExpiredEvent.type);
      expect(event).to.be.instanceOf(HoldExpiredEvent);
      await el.updateComplete;
      expect(el.matches(':state(expired)')).to.equal(true);
    });

    it('stops its timer when removed: no event after removal', async () => {
      const clock = manualClock();
      const el = await mount(clock, at(T0 + MINUTE));
      const fired = countEvents(el, HoldExpiredEvent.type);
      const parent = el.parentElement!;
      el.remove();
      clock.advance(2 * MINUTE);
      document.dispatchEvent(new Event('visibilitychange'));
      await aTimeout(600); // two periods of the 250 ms timer: it would have fired by now
      expect(fired).to.have.length(0);

      // Put back, it finds the hold expired and says so once.
      parent.append(el);
      await advance(el, clock, 0);
      expect(fired).to.have.length(1);
    });

    it('starts no timer for an expires-at set while removed', async () => {
      const clock = manualClock();
      const el = await mount(clock, at(T0 + 10 * MINUTE));
      const fired = countEvents(el, HoldExpiredEvent.type);
      const parent = el.parentElement!;
      el.remove();
      el.expiresAt = at(T0 + MINUTE);
      await el.updateComplete;
      clock.advance(2 * MINUTE);
      await aTimeout(600);
      expect(fired).to.have.length(0);

      parent.append(el);
      await advance(el, clock, 0);
      expect(fired).to.have.length(1);
    });

    it('shows an expires-at already past as expired, without an event or announcement', async () => {
      const clock = manualClock();
      const fired: Event[] = [];
      const el = await fixture<SlotkitCountdown>(html`
        <slotkit-countdown
          .clock=${clock.now}
          expires-at=${at(T0 - SECOND)}
          @slotkit-hold-expired=${(event: Event) => fired.push(event)}
        ></slotkit-countdown>
      `);
      await advance(el, clock, MINUTE);
      expect(fired).to.have.length(0);
      expect(el.matches(':state(expired)')).to.equal(true);
      expect(message(el)!.textContent).to.equal(
        'Your hold has expired; the time is free for others again.',
      );
      expect(liveRegion(el).textContent!.trim()).to.equal('');
    });

    it('recomputes when the tab becomes visible again', async () => {
      const clock = manualClock();
      const el = await mount(clock, at(T0 + 10 * MINUTE));
      clock.advance(3 * MINUTE);
      document.dispatchEvent(new Event('visibilitychange'));
      await el.updateComplete;
      expect(timer(el)!.textContent!.trim()).to.equal('7:00');
    });
  });

  describe('states', () => {
    it('is in the warning state at or under 1 minute, not before', async () => {
      const clock = manualClock();
      const el = await mount(clock, at(T0 + 2 * MINUTE));
      expect(el.matches(':state(warning)')).to.equal(false);
      await advance(el, clock, MINUTE - SECOND);
      expect(el.matches(':state(warning)')).to.equal(false);
      await advance(el, clock, SECOND);
      expect(el.matches(':state(warning)')).to.equal(true);
      expect(el.matches(':state(expired)')).to.equal(false);
    });

    it('is accessible while counting, in warning and expired', async () => {
      const clock = manualClock();
      const el = await mount(clock, at(T0 + 2 * MINUTE), { canExtend: true });
      await expect(el).to.be.accessible();
      await advance(el, clock, MINUTE + 30 * SECOND);
      expect(el.matches(':state(warning)')).to.equal(true);
      await expect(el).to.be.accessible();
      await advance(el, clock, MINUTE);
      expect(el.matches(':state(expired)')).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('fits 320 px without overflowing', async () => {
      const clock = manualClock();
      const el = await fixture<SlotkitCountdown>(html`
        <div style="width: 320px">
          <slotkit-countdown
            .clock=${clock.now}
            can-extend
            expires-at=${at(T0 + 62 * MINUTE)}
          ></slotkit-countdown>
        </div>
      `).then((wrapper) => wrapper.firstElementChild as SlotkitCountdown);
      await el.updateComplete;
      expect(el.scrollWidth).to.be.at.most(320);
      const base = el.shadowRoot!.querySelector('[part="base"]')!;
      expect(base.scrollWidth).to.be.at.most(base.clientWidth);
    });

    it('keeps Extend on the row of its timer when a long label leaves no room beside them', async () => {
      const clock = manualClock();
      // A 320 px phone's widget column is about 270 px; Swedish and German labels are long.
      const el = await fixture<SlotkitCountdown>(html`
        <div style="width: 270px">
          <slotkit-countdown
            .clock=${clock.now}
            can-extend
            label="Reserverat åt dig i"
            expires-at=${at(T0 + 10 * MINUTE)}
          ></slotkit-countdown>
        </div>
      `).then((wrapper) => wrapper.firstElementChild as SlotkitCountdown);
      await el.updateComplete;
      const time = timer(el)!.getBoundingClientRect();
      const button = extendButton(el)!.getBoundingClientRect();
      expect(button.top, 'Extend starts above the timer ends').to.be.below(time.bottom);
      expect(time.top, 'the timer starts above Extend ends').to.be.below(button.bottom);
    });
  });

  describe('extend', () => {
    it('fires a cancelable HoldExtendEvent with the hold id, then turns busy', async () => {
      const clock = manualClock();
      const el = await mount(clock, at(T0 + 3 * MINUTE), { canExtend: true, holdId: 'hold_9' });
      const button = extendButton(el)!;
      expect(button.textContent!.trim()).to.equal('Extend');
      const fired = countEvents(el, HoldExtendEvent.type);

      button.click();
      expect(fired).to.have.length(1);
      const event = fired[0] as HoldExtendEvent;
      expect(event).to.be.instanceOf(HoldExtendEvent);
      expect(event.cancelable).to.equal(true);
      expect(event.detail).to.deep.equal({ holdId: 'hold_9' });

      await el.updateComplete;
      expect(el.extending).to.equal(true);
      expect(button.getAttribute('aria-disabled')).to.equal('true');
      expect(button.textContent!.trim()).to.equal('Extending…');
      button.click();
      expect(fired).to.have.length(1);

      el.extending = false;
      await el.updateComplete;
      expect(button.getAttribute('aria-disabled')).to.equal('false');
    });

    it('stays idle when the event is cancelled', async () => {
      const clock = manualClock();
      const el = await mount(clock, at(T0 + 3 * MINUTE), { canExtend: true });
      el.addEventListener(HoldExtendEvent.type, (event) => event.preventDefault());
      extendButton(el)!.click();
      await el.updateComplete;
      expect(el.extending).to.equal(false);
      expect(extendButton(el)!.getAttribute('aria-disabled')).to.equal('false');
    });

    it('works from the keyboard and keeps focus while busy', async () => {
      const clock = manualClock();
      const el = await mount(clock, at(T0 + 3 * MINUTE), { canExtend: true });
      const fired = countEvents(el, HoldExtendEvent.type);
      extendButton(el)!.focus();
      await sendKeys({ press: 'Enter' });
      expect(fired).to.have.length(1);
      await el.updateComplete;
      expect(el.shadowRoot!.activeElement).to.equal(extendButton(el));
    });

    it('has no button when canExtend is false', async () => {
      const clock = manualClock();
      const el = await mount(clock, at(T0 + 3 * MINUTE), { canExtend: true });
      expect(extendButton(el)).to.not.equal(null);
      el.canExtend = false;
      await el.updateComplete;
      expect(extendButton(el)).to.equal(null);
    });
  });

  describe('a bad expires-at', () => {
    it('shows an inline message and logs one console.error naming expires-at', async () => {
      const logged: unknown[][] = [];
      const original = console.error;
      console.error = (...args: unknown[]) => logged.push(args);
      try {
        const clock = manualClock();
        const el = await mount(clock, 'tomorrow at noon');
        expect(message(el)!.textContent).to.equal('We could not read when your hold ends.');
        expect(timer(el)).to.equal(null);
        el.label = 'Re-render';
        el.refresh();
        await el.updateComplete;
        expect(logged).to.have.length(1);
        expect(String(logged[0]![0])).to.contain('expires-at');
        await expect(el).to.be.accessible();

        el.expiresAt = at(T0 + MINUTE);
        await el.updateComplete;
        expect(message(el)).to.equal(null);
        expect(timer(el)!.textContent!.trim()).to.equal('1:00');
      } finally {
        console.error = original;
      }
    });
  });
});
