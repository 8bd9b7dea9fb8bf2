import type { AvailabilityMode } from './availability.ts';
import type { CustomerInput } from './customer.ts';

/**
 * Request bodies as the API takes them. Types only: the server validates what it receives, and
 * the forms validate the customer with `customerInput` before sending.
 */

export interface AvailabilityRequest {
  project_id?: string;
  resources?: string[];
  mode?: AvailabilityMode;
  /** A duration such as "1 hour" or "30 minutes". */
  length?: string;
  /** An RFC 3339 instant, "now", or a duration after the other bound ("4 weeks"). */
  from?: string;
  to?: string;
  timeslot_increments?: string;
  buffer?: string;
  output_timezone?: string;
  constraints?: unknown[];
}

export interface GroupsQuery {
  /** The zone the classes' instants are written in. */
  timezone?: string;
  start?: string;
  end?: string;
  resource_id?: string;
  project_id?: string;
}

export type ReserveRequest =
  | { resource_id: string; start: string; end: string; project_id?: string }
  | { related: { owner_booking_id: string }; seats?: number; project_id?: string };

export interface EventRequest {
  start: string;
  end: string;
  what: string;
  where?: string;
  description?: string;
  calendar_id?: string;
  resource_id?: string;
}

export interface CreateBookingRequest {
  graph: string;
  action?: string;
  event?: EventRequest;
  customer?: CustomerInput;
  settings?: Record<string, unknown>;
  related?: { owner_booking_id?: string; seats?: number };
  resource_id?: string;
  project_id?: string;
  reservation_id?: string;
  /** The host page's campaign parameters (utm_* and named ones): read by the owner only. */
  custom_data?: Record<string, string>;
  /** Autoplay step toggles and inputs: `send_confirm_decline_email_to_owner: { enabled: false }`. */
  [step: string]: unknown;
}

export interface RescheduleRequest {
  start: string;
  end: string;
  resource_id?: string;
  message?: string;
}

/** Action input nests under the action's name: `{ cancel_by_customer: { message } }`. */
export type ActionBody = Record<string, unknown>;

export type BookingInclude = 'attributes' | 'customers' | 'calendar' | 'logs' | 'related_bookings';

/** Actions the booking's customer may take with its token; the owner's need the owner key. */
export type CustomerAction =
  'cancel_by_customer' | 'pay' | 'verify' | 'reschedule_by_customer' | (string & {});
