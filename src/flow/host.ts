import type { SlotkitClient } from '../sdk/index.ts';
import type { Booking, Group } from '../schemas/index.ts';
import type { FlowOptions, FlowSettings } from './settings.ts';
import type { Cue, CustomerValues, FlowState, Notice, Signal } from './state.ts';

/**
 * What the journey's later parts (holding.ts, after-booking.ts, waitlist.ts) get from
 * BookingFlow: they are chunks of their own in the script tag, imported the first time a step
 * needs one, so the first paint carries only the configuration and the chooser. BookingFlow owns
 * the state; the parts read and write it through here, and report as it does.
 */
export interface JourneyHost {
  client: SlotkitClient;
  options: FlowOptions;
  /** What the journey remembers from step to step; the parts change it in place. */
  memory: JourneyMemory;
  read(): FlowState;
  write(state: FlowState): void;
  emit(signal: Signal): void;
  cue(cue: Cue): void;
  settings(): FlowSettings | undefined;
  /** The zone times are asked for and shown in. */
  timeZone(): string;
  /** The booking's key (when the flow has one) and the journey's abort signal. */
  access(): { customerToken?: string; signal: AbortSignal };
  /** Back to the chooser, saying why. */
  choose(notice?: Notice): void;
  /** The chooser asks for its choices again (after a refused hold or move). */
  reloadChoices(): void;
  /** A class's last moment to cancel: the booking's own, else the class held for it. */
  cancellableUntil(booking: Booking): string | undefined;
  /**
   * The API refused the booking to manage: from a manage link, the token goes and the visitor
   * starts booking, told so (true); else (false) the manage step shows the error.
   */
  linkRefused(): boolean;
}

export interface JourneyMemory {
  /** The booking's key, from `customerToken` or the create answer. */
  token: string | undefined;
  /** What the visitor typed (over the prefill), kept when a hold ends for the next form. */
  values: CustomerValues;
  /** The class the visitor holds seats in: its cancel deadline goes on the result. */
  heldGroup: Group | undefined;
}

/**
 * A part of the journey imported the first time it is needed: shared by every flow on the page
 * (one import); a failed one is tried again when next needed.
 */
export function lazyPart<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () =>
    (pending ??= load().catch((error: unknown) => {
      pending = undefined;
      throw error;
    }));
}
