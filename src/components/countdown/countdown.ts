import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { CountdownController } from '../../controllers/countdown.ts';
import { LocalizeController } from '../../controllers/localize.ts';
import { countdown } from '../../i18n/en/countdown.ts';
import { HoldExpiredEvent, HoldExtendEvent } from '../../events.ts';
import { parseInstant } from '../../lib/time/index.ts';
import { defineElement } from '../shared/define.ts';
import { tokens } from '../shared/tokens.styles.ts';
import { styles } from './countdown.styles.ts';
import { durationAttribute, formatClock, formatSpoken } from './format-remaining.ts';

const MINUTE = 60_000;
/** Announced once each when crossed while counting. */
const THRESHOLDS_MS = [5 * MINUTE, MINUTE];

/**
 * @summary The time left on a hold, corrected for a wrong local clock, with an optional Extend
 * button. The visible m:ss changes every tick; screen readers hear only 5 minutes left, 1 minute
 * left and the expiry, through a polite live region.
 * @tag slotkit-countdown
 *
 * @event slotkit-hold-extend - `HoldExtendEvent`, cancelable: the visitor pressed Extend. Unless
 *   cancelled, the button turns busy (`extending` = true) until the owner sets `extending` back.
 * @event slotkit-hold-expired - `HoldExpiredEvent`: the count reached zero. Once per `expires-at`;
 *   not fired for an `expires-at` already past when it is set (the expired state shows instead).
 *
 * @csspart base - The row holding label, timer and button.
 * @csspart label - The visible text before the timer.
 * @csspart timer - The m:ss (h:mm:ss from an hour up) `<time role="timer">`.
 * @csspart extend-button - The Extend button.
 * @csspart message - The expired notice, or the problem with `expires-at`.
 *
 * @cssproperty --slotkit-countdown-font-size - The timer's size (1.25em).
 * @cssproperty --slotkit-countdown-warning-color - The timer's colour under a minute.
 *
 * @cssstate warning - One minute or less is left.
 * @cssstate expired - The hold has expired.
 */
export class SlotkitCountdown extends LitElement {
  static override styles = [tokens, styles];

  private readonly localize = new LocalizeController(this, () => this.locale, { countdown });
  private readonly countdown = new CountdownController(this, {
    now: () => this.clock(),
    thresholdsMs: THRESHOLDS_MS,
    onThreshold: (thresholdMs) => this.handleThreshold(thresholdMs),
    onExpire: () => this.handleExpire(),
  });
  private readonly internals = this.attachInternals();
  /** The instant being counted to, so a new offset does not restart the count. */
  private instant: number | undefined;
  /** True while a new instant starts: one already past is shown expired, not reported. */
  private starting = false;
  private invalid = false;
  /** The bad value last logged, so a re-render does not log it again. */
  private loggedInvalid: string | undefined;

  /** The polite live region's text. */
  @state() private announcement = '';

  /** When the hold ends, RFC 3339 with an offset (`2026-03-29T09:10:00Z`). Setting it (re)starts the count. */
  @property({ attribute: 'expires-at' }) expiresAt?: string;

  /** Server clock minus local clock in ms (the SDK's `serverClock().offsetMs()`). */
  @property({ attribute: 'server-offset-ms', type: Number }) serverOffsetMs = 0;

  /** Shows the Extend button (hidden once expired). */
  @property({ attribute: 'can-extend', type: Boolean }) canExtend = false;

  /** The extension is under way: the button stays focusable but busy and inert. */
  @property({ type: Boolean }) extending = false;

  /** Passed through in the events' detail. */
  @property({ attribute: 'hold-id' }) holdId?: string;

  /** Replaces the visible label and the start of the timer's accessible name. */
  @property() label?: string;

  /** BCP 47 tag; otherwise the nearest `lang`, then the browser's. */
  @property() locale?: string;

  /** The local clock in ms; tests inject one. */
  @property({ attribute: false }) clock: () => number = Date.now;

  override connectedCallback(): void {
    super.connectedCallback();
    // Background tabs throttle timers: recompute as soon as the visitor comes back.
    document.addEventListener('visibilitychange', this.handleVisibilityChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this.handleVisibilityChange);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('expiresAt') || changed.has('serverOffsetMs')) this.syncCount();
    const remaining = this.invalid ? undefined : this.countdown.remainingMs;
    const expired = remaining !== undefined && this.countdown.isExpired;
    this.toggleState('expired', expired);
    this.toggleState('warning', remaining !== undefined && !expired && remaining <= MINUTE);
  }

  private readonly handleVisibilityChange = (): void => {
    if (document.visibilityState === 'visible') this.refresh();
  };

  private handleThreshold(thresholdMs: number): void {
    const t = this.localize.t.countdown;
    this.announcement = t.timeLeft(formatSpoken(thresholdMs, this.localize.locale));
  }

  private handleExpire(): void {
    if (this.starting || this.expiresAt === undefined) return;
    this.announcement = this.localize.t.countdown.expired;
    this.dispatchEvent(new HoldExpiredEvent({ expiresAt: this.expiresAt, holdId: this.holdId }));
  }

  private handleExtendClick(): void {
    if (this.extending) return;
    if (this.dispatchEvent(new HoldExtendEvent({ holdId: this.holdId }))) this.extending = true;
  }

  /** Recomputes the time left now (the timer does this on its own every 250 ms). */
  refresh(): void {
    this.countdown.tick();
  }

  private syncCount(): void {
    const text = this.expiresAt ?? '';
    const instant = text === '' ? undefined : parseInstant(text);
    this.invalid = text !== '' && instant === undefined;
    if (instant === undefined) {
      this.instant = undefined;
      this.countdown.stop();
      if (this.invalid && this.loggedInvalid !== text) {
        this.loggedInvalid = text;
        console.error(
          `<slotkit-countdown>: expires-at "${text}" is not an RFC 3339 instant; expected e.g. "2026-03-29T09:10:00Z" or "2026-03-29T11:10:00+02:00".`,
        );
      }
      return;
    }
    this.loggedInvalid = undefined;
    const offset = Number.isFinite(this.serverOffsetMs) ? this.serverOffsetMs : 0;
    this.starting = instant !== this.instant;
    // A new hold starts with a quiet live region, so the same words can be announced again.
    if (this.starting) this.announcement = '';
    this.instant = instant;
    try {
      this.countdown.start(instant, offset);
    } finally {
      this.starting = false;
    }
  }

  private toggleState(name: string, on: boolean): void {
    if (on) this.internals.states.add(name);
    else this.internals.states.delete(name);
  }

  private renderBody(): TemplateResult | typeof nothing {
    const t = this.localize.t.countdown;
    if (this.invalid) {
      return html`<p part="message" class="message error">${t.invalidExpiresAt}</p>`;
    }
    const remaining = this.countdown.remainingMs;
    if (remaining === undefined) return nothing;
    if (this.countdown.isExpired) {
      return html`<p part="message" class="message">${t.expired}</p>`;
    }
    const locale = this.localize.locale;
    const label = this.label || t.label;
    // The label is part of the timer's name, so assistive tech does not also read it on its own.
    return html`<div part="base" class="base" dir=${this.localize.dir} lang=${this.localize.locale}>
      <span part="label" class="label" aria-hidden="true">${label}</span>
      <span class="clock">
        <time
          part="timer"
          class="timer"
          role="timer"
          aria-live="off"
          datetime=${durationAttribute(remaining)}
          aria-label=${t.timerName(label, formatSpoken(remaining, locale))}
          >${formatClock(remaining, locale)}</time
        >
        ${this.canExtend ? this.renderExtendButton() : nothing}
      </span>
    </div>`;
  }

  private renderExtendButton(): TemplateResult {
    const t = this.localize.t.countdown;
    // aria-disabled, not disabled: a disabled button would drop the visitor's focus to <body>.
    return html`<button
      part="extend-button"
      class="button secondary"
      type="button"
      aria-disabled=${this.extending ? 'true' : 'false'}
      @click=${this.handleExtendClick}
    >
      ${this.extending ? t.extending : t.extend}
    </button>`;
  }

  protected override render(): TemplateResult {
    return html`${this.renderBody()}
      <div role="status" aria-live="polite" class="visually-hidden">${this.announcement}</div>`;
  }
}

/** Registers <slotkit-countdown> (once per version; see shared/define.ts). */
export function defineCountdown(): void {
  defineElement('slotkit-countdown', SlotkitCountdown);
}

declare global {
  interface HTMLElementTagNameMap {
    'slotkit-countdown': SlotkitCountdown;
  }
}
