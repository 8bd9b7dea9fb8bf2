import { PAYMENT_GRAPHS } from './graphs.ts';

/**
 * What a booking's state means to the visitor: the one mapping from (graph, state) to the
 * visitor's words. The engine's states ("tentative", "cancelled_by_owner") never reach a
 * screen; the view translates each outcome (`t.widget.outcome[outcome]`).
 */
export type Outcome =
  /** Booked for sure: instant, a confirmed request, a seat in a free class. */
  | 'booked'
  /** A request the host has yet to answer (confirm_decline). */
  | 'requested'
  /** Reserved until the payment window ends. */
  | 'awaiting-payment'
  | 'paid'
  /** Waits for the code e-mailed to the visitor. */
  | 'awaiting-verification'
  | 'declined'
  | 'cancelled'
  | 'cancelled-by-host'
  /** Replaced by a booking at another time. */
  | 'moved'
  /** Not paid or verified in time: released. */
  | 'expired'
  | 'past'
  /** A state between steps (the engine is still working): rarely seen, never alarming. */
  | 'processing';

const BY_STATE: Record<string, Outcome> = {
  confirmed: 'booked',
  paid: 'paid',
  awaiting_verification: 'awaiting-verification',
  declined: 'declined',
  cancelled: 'cancelled',
  cancelled_by_customer: 'cancelled',
  cancelled_by_owner: 'cancelled-by-host',
  rescheduled_by_customer: 'moved',
  unpaid: 'expired',
  verification_expired: 'expired',
  completed: 'past',
};

export function outcomeOf(graph: string, state: string): Outcome {
  if (state === 'tentative') {
    if (PAYMENT_GRAPHS.includes(graph)) return 'awaiting-payment';
    if (graph === 'confirm_decline') return 'requested';
    return 'booked';
  }
  return Object.hasOwn(BY_STATE, state) ? BY_STATE[state]! : 'processing';
}

/** Whether the outcome is good news (the success mark) rather than an ending. */
export const isLive = (outcome: Outcome): boolean =>
  outcome === 'booked' || outcome === 'paid' || outcome === 'requested';
