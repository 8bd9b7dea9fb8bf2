import type { Settings } from './settings.ts';
import type { Scenario } from './scenarios.ts';

/** The sandbox's own events, from its panels up to <sandbox-app>, which does the work. */

const BUBBLES = { bubbles: true, composed: true } as const;

export class SettingsChangeEvent extends Event {
  static readonly type = 'sandbox-settings-change';
  constructor(readonly detail: Partial<Settings>) {
    super(SettingsChangeEvent.type, BUBBLES);
  }
}

export class OwnerActionEvent extends Event {
  static readonly type = 'sandbox-owner-action';
  constructor(readonly detail: { bookingId: string; action: string; message?: string }) {
    super(OwnerActionEvent.type, BUBBLES);
  }
}

export class OwnerStatusEvent extends Event {
  static readonly type = 'sandbox-owner-status';
  constructor(readonly detail: { bookingId: string; status: string }) {
    super(OwnerStatusEvent.type, BUBBLES);
  }
}

/** The owner's Confirm / Decline link of a confirm_decline email, used from the outbox. */
export class OwnerDecisionEvent extends Event {
  static readonly type = 'sandbox-owner-decision';
  constructor(readonly detail: { href: string; action: 'confirm' | 'decline' }) {
    super(OwnerDecisionEvent.type, BUBBLES);
  }
}

export class BookingSelectEvent extends Event {
  static readonly type = 'sandbox-booking-select';
  constructor(readonly detail: { bookingId: string | undefined }) {
    super(BookingSelectEvent.type, BUBBLES);
  }
}

export class ClockAdvanceEvent extends Event {
  static readonly type = 'sandbox-clock-advance';
  constructor(readonly detail: { advance: string; label: string }) {
    super(ClockAdvanceEvent.type, BUBBLES);
  }
}

export class ScenarioChangeEvent extends Event {
  static readonly type = 'sandbox-scenario-change';
  constructor(readonly detail: { scenario: Scenario }) {
    super(ScenarioChangeEvent.type, BUBBLES);
  }
}

export class ResetEvent extends Event {
  static readonly type = 'sandbox-reset';
  constructor() {
    super(ResetEvent.type, BUBBLES);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'sandbox-settings-change': SettingsChangeEvent;
    'sandbox-owner-action': OwnerActionEvent;
    'sandbox-owner-status': OwnerStatusEvent;
    'sandbox-owner-decision': OwnerDecisionEvent;
    'sandbox-booking-select': BookingSelectEvent;
    'sandbox-clock-advance': ClockAdvanceEvent;
    'sandbox-scenario-change': ScenarioChangeEvent;
    'sandbox-reset': ResetEvent;
  }
}
