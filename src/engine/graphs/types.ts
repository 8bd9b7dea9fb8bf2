/**
 * Graphs are data: the engine walks these definitions and knows nothing about any one graph.
 * A new graph is a new definition built from the effect vocabulary below.
 */

/** Who may start an action. `customer` means the booking's customer (with its token) or the owner. */
export type ActionActor = 'anyone' | 'owner' | 'customer' | 'system';

/** What a booking of this graph occupies while it rests in a state marked `holds`. */
export type GraphKind = 'slot' | 'class' | 'seats';

/** A named email the engine renders; `message` from the action input is added to its body. */
export interface EmailEffect {
  type: 'email';
  to: 'owner' | 'customer';
  /** Shown in the log as Timekit does: "Trying to send (confirm/decline) email to owner (...)". */
  template: string;
  subject: string;
}

export type Effect =
  | { type: 'save_customer' }
  | { type: 'save_booking' }
  | { type: 'create_event' }
  | { type: 'delete_event' }
  | { type: 'log'; text: string }
  | EmailEffect
  | { type: 'send_verification_code' }
  | { type: 'check_verification_code' }
  | { type: 'check_cancel_window' }
  | { type: 'register_payment' }
  | { type: 'reschedule' }
  | { type: 'cancel_seat_bookings' }
  | { type: 'complete_seat_bookings' };

/** Conditions on the booking's settings that switch a step on. */
export type StepCondition = 'verification_required';

export interface StepDefinition {
  /** The autoplay step's name: the key for `{ "<name>": { "enabled": false } }` and for step input. */
  name: string;
  effect?: Effect;
  /** The state entered once the effect has run. */
  to: string;
  /** Only run when the condition holds; otherwise skipped without a trace. */
  when?: StepCondition;
  /** Sends email or webhooks, so a request may switch it off. */
  optional?: boolean;
  /** Stop the chain after entering `to`; an action marked `resumes` continues it later. */
  pause?: boolean;
}

export interface ActionDefinition {
  description: string;
  /** Resting states the action may start from (empty for the create action). */
  from: string[];
  by: ActionActor;
  /** The action's own step first, then the autoplay chain, ending in a resting state. */
  steps: StepDefinition[];
  /** After its steps, continue the chain an earlier step paused (verification). */
  resumes?: boolean;
}

/** How a resting state moves on by itself when the clock passes a deadline. */
export interface StateTimeout {
  action: string;
  /** Booking setting holding the duration, and the default when unset. */
  setting: string;
  default: string;
}

export type StateOutcome = 'declined' | 'cancelled' | 'completed' | 'expired' | 'rescheduled';

export interface StateDefinition {
  description: string;
  /** Occupies time (slot), is open for sign-ups (class) or takes seats (seats). */
  holds?: boolean;
  final?: boolean;
  outcome?: StateOutcome;
  timeout?: StateTimeout;
}

export interface GraphDefinition {
  name: string;
  description: string;
  kind: GraphKind;
  /** The action a POST /bookings runs when the request names none. */
  createAction: string;
  /** Customer data is required on create (every graph but group_owner). */
  needsCustomer: boolean;
  /** Resting states; intermediate autoplay states need no entry. */
  states: Record<string, StateDefinition>;
  actions: Record<string, ActionDefinition>;
}
