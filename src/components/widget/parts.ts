import type { ReactiveControllerHost } from 'lit';
import { flowFor } from '../../flow/graphs.ts';

/**
 * The widget's inner elements and its steps after booking, each imported the first time a step
 * needs it: a visitor who picks a time never downloads the class list, and the first paint
 * waits for neither the form, the countdown nor the payment and manage steps. With
 * `slotkit/define` (which registers everything up front) the imports resolve at once; in the
 * script-tag build each part is a chunk of its own in `embed/`.
 */
export type Part = 'picker' | 'classes' | 'form' | 'countdown' | 'steps' | 'waitlist';

/** The part that shows a graph's first step: the class list for group graphs, else the picker. */
export const chooserFor = (graph: string): Part =>
  flowFor(graph) === 'group' ? 'classes' : 'picker';

type AfterBookingSteps = typeof import('./after-booking.ts');
type WaitlistSteps = typeof import('./waitlist.ts');
type DetailsStep = typeof import('./steps/details.ts');

/** The steps after booking (after-booking.ts), once imported. */
let afterBooking: AfterBookingSteps | undefined;
/** The details step's template (steps/details.ts), imported with the form it shows. */
let detailsStep: DetailsStep | undefined;
/** The waitlist's form and confirmation (waitlist.ts), once imported. */
let waitlist: WaitlistSteps | undefined;

const IMPORTS: Record<Part, () => Promise<void>> = {
  picker: () => import('../slot-picker/slot-picker.ts').then((m) => m.defineSlotPicker()),
  classes: () => import('../class-list/class-list.ts').then((m) => m.defineClassList()),
  form: () =>
    Promise.all([import('../customer-form/customer-form.ts'), import('./steps/details.ts')]).then(
      ([form, details]) => {
        form.defineCustomerForm();
        detailsStep = details;
      },
    ),
  countdown: () => import('../countdown/countdown.ts').then((m) => m.defineCountdown()),
  steps: () => import('./after-booking.ts').then((m) => void (afterBooking = m)),
  waitlist: () => import('./waitlist.ts').then((m) => void (waitlist = m)),
};

/** Parts that are step templates, not an element. */
type Templates = 'steps' | 'waitlist';

/** The elements each part registers. */
const TAGS: Record<Exclude<Part, Templates>, string> = {
  picker: 'slotkit-slot-picker',
  classes: 'slotkit-class-list',
  form: 'slotkit-customer-form',
  countdown: 'slotkit-countdown',
};

const partName = (part: Part) =>
  part === 'steps'
    ? 'the steps after booking'
    : part === 'waitlist'
      ? 'the waitlist step'
      : `<${TAGS[part]}>`;

/** The steps after booking, when imported (`status(['steps'])` says 'ready'). */
export function afterBookingSteps(): AfterBookingSteps | undefined {
  return afterBooking;
}

/** The details step's template, when imported (`status(['form'])` says 'ready'). */
export function detailsTemplate(): DetailsStep | undefined {
  return detailsStep;
}

/** The waitlist's templates, when imported (`status(['waitlist'])` says 'ready'). */
export function waitlistSteps(): WaitlistSteps | undefined {
  return waitlist;
}

/**
 * Shared by every widget on the page: one import per part. A failed one is kept (asking again
 * fails at once) until a visitor's retry; each widget still says once that it failed.
 */
const loading = new Map<Part, Promise<void>>();
const failedParts = new Set<Part>();

function isDefined(part: Part): boolean {
  if (part === 'steps') return afterBooking !== undefined;
  if (part === 'waitlist') return waitlist !== undefined;
  if (part === 'form' && detailsStep === undefined) return false;
  return globalThis.customElements?.get(TAGS[part]) !== undefined;
}

function load(part: Part): Promise<void> {
  let pending = loading.get(part);
  if (!pending) {
    pending = IMPORTS[part]().catch((error: unknown) => {
      // Asked again before a retry, the part fails at once rather than fetching again.
      failedParts.add(part);
      throw error;
    });
    loading.set(part, pending);
  }
  return pending;
}

/** Starts importing `part` (if it is not in yet); a failure is left to whoever needs it. */
export function prefetchPart(part: Part): void {
  if (!isDefined(part)) void load(part).catch(() => undefined);
}

export type PartsStatus = 'ready' | 'loading' | 'error';

/** Loads parts for its host and re-renders it when they arrive (or fail to). */
export class PartsLoader {
  private readonly failed = new Set<Part>();
  private readonly waiting = new Set<Part>();

  constructor(private readonly host: Pick<ReactiveControllerHost, 'requestUpdate'>) {}

  /**
   * Whether `parts` can render now. Starts importing the missing ones (once) and updates the
   * host when they are in; a failure stays 'error' until `retry()`.
   */
  status(parts: readonly Part[]): PartsStatus {
    const missing = parts.filter((part) => !isDefined(part));
    if (missing.length === 0) return 'ready';
    if (missing.some((part) => this.failed.has(part))) return 'error';
    for (const part of missing) this.request(part);
    return 'loading';
  }

  /** Imports `parts` without rendering them (the next step's, while the visitor chooses). */
  prefetch(parts: readonly Part[]): void {
    for (const part of parts) prefetchPart(part);
  }

  /** Forgets failures, so the next `status()` imports again. */
  retry(): void {
    // The visitor's retry imports again: the network may be back.
    for (const part of failedParts) loading.delete(part);
    failedParts.clear();
    this.failed.clear();
    this.host.requestUpdate();
  }

  private request(part: Part): void {
    if (this.waiting.has(part)) return;
    this.waiting.add(part);
    load(part).then(
      () => {
        this.waiting.delete(part);
        this.host.requestUpdate();
      },
      (error: unknown) => {
        this.waiting.delete(part);
        this.failed.add(part);
        console.error(`slotkit: could not load ${partName(part)}:`, error);
        this.host.requestUpdate();
      },
    );
  }
}
