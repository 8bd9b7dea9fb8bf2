import type { SlotkitClient } from '../sdk/index.ts';
import type { AvailabilityRequest, AvailableDate, Group } from '../schemas/index.ts';
import { addDaysToDate, wallTimeToInstant } from '../lib/time/index.ts';
import { problemOf, type Problem } from './problem.ts';
import type { FlowState, Load, Picker, Signal } from './state.ts';
import type { FlowSettings } from './settings.ts';

type Kind = 'dates' | 'slots' | 'classes';
/** The settings an availability request is made of: the flow's, or the element's own. */
type Guess = Partial<Pick<FlowSettings, 'availability' | 'projectId' | 'resources'>>;

/**
 * Whether `early` (asked before the project's config came) gets the answer `wanted` would: the
 * same body but for the settings an API applies itself when a request names its project and
 * leaves them out (Timekit's contract; the mock's computeSlots). Keys in another order only
 * drop the guess.
 */
function alike(early: AvailabilityRequest, wanted: AvailabilityRequest): boolean {
  const trimmed: Record<string, unknown> = { ...wanted };
  for (const key of ['length', 'timeslot_increments', 'buffer', 'mode']) {
    if (wanted.project_id && !(key in early)) delete trimmed[key];
  }
  return JSON.stringify(early) === JSON.stringify(trimmed);
}

/** What the chooser's loads need of their flow; they read and write its state through it. */
export interface ChoicesHost {
  client: SlotkitClient;
  read(): FlowState;
  write(state: FlowState): void;
  signal(signal: Signal): void;
  timeZone(): string;
  settings(): FlowSettings | undefined;
}

/** The last answer of a load, kept on screen while the next one travels. */
function pending<T>(load: Load<T>): Load<T> {
  const stale =
    load.status === 'ready' ? load.value : load.status === 'loading' ? load.stale : undefined;
  return stale === undefined ? { status: 'loading' } : { status: 'loading', stale };
}

/**
 * The chooser's data (a month's days, a day's times, the classes), each load with its own
 * AbortSignal: a newer load of the same kind, or leaving the chooser, aborts the older one, so
 * a late answer never lands on the wrong month. Remembers the month and day across steps.
 */
export class Choices {
  month = '';
  date: string | undefined;
  private readonly running = new Map<Kind, AbortController>();
  /** A month's days asked for alongside the project's config, not taken yet: request, answer. */
  private early?: [AvailabilityRequest, Promise<AvailableDate[]>];

  constructor(private readonly host: ChoicesHost) {}

  freshPicker(): Picker {
    return {
      month: this.month,
      date: this.date,
      dates: { status: 'idle' },
      slots: { status: 'idle' },
    };
  }

  showMonth(month: string): void {
    this.month = month;
    if (this.updatePicker((picker) => ({ ...picker, month }))) void this.loadDates();
  }

  selectDate(date: string): void {
    this.date = date;
    if (this.updatePicker((picker) => ({ ...picker, date }))) void this.loadSlots();
  }

  /** Asks again for everything the chooser shows (explicitly: after a refusal, a retry, ...). */
  reload(): void {
    const state = this.host.read();
    if ('classes' in state) {
      void this.loadClasses();
    } else if ('picker' in state) {
      void this.loadDates();
      void this.loadSlots();
    }
  }

  abort(): void {
    for (const controller of this.running.values()) controller.abort();
    this.running.clear();
    this.early = undefined;
  }

  /**
   * Asks for `month`'s days now, as `guess` (the element's own settings) would, while the
   * project's config travels: the first `loadDates` takes the answer when its request turns out
   * alike, so the first bookable day is one round trip nearer. Unused, it is dropped unseen.
   */
  prefetchDates(month: string, guess: Guess): void {
    const request = this.availabilityRequest(...this.monthBounds(month), guess);
    const answer = this.host.client.availabilityDates(request, { signal: this.begin('dates') });
    // A guess nobody takes fails unheard; a taken one's failure reaches loadDates.
    answer.catch(() => undefined);
    this.early = [request, answer];
  }

  /** Drops the early days when the first step turned out not to be the month's days. */
  dropPrefetch(): void {
    if (this.early) this.running.get('dates')?.abort();
    this.early = undefined;
  }

  private begin(kind: Kind): AbortSignal {
    this.running.get(kind)?.abort();
    const controller = new AbortController();
    this.running.set(kind, controller);
    return controller.signal;
  }

  private updatePicker(change: (picker: Picker) => Picker): boolean {
    const state = this.host.read();
    if (!('picker' in state)) return false;
    this.host.write({ ...state, picker: change(state.picker) });
    return true;
  }

  private availabilityRequest(
    from: number,
    to: number,
    settings: Guess | undefined = this.host.settings(),
  ): AvailabilityRequest {
    return {
      ...settings?.availability,
      ...(settings?.projectId ? { project_id: settings.projectId } : {}),
      ...(settings?.resources ? { resources: settings.resources } : {}),
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
      output_timezone: this.host.timeZone(),
    };
  }

  /** The month, from its first midnight to the next month's, in the visitor's zone. */
  private monthBounds(month: string): [from: number, to: number] {
    const timeZone = this.host.timeZone();
    const first = `${month}-01`;
    return [
      wallTimeToInstant(first, '00:00', timeZone),
      wallTimeToInstant(`${addDaysToDate(first, 32).slice(0, 7)}-01`, '00:00', timeZone),
    ];
  }

  private async loadDates(): Promise<void> {
    const [from, to] = this.monthBounds(this.month);
    const request = this.availabilityRequest(from, to);
    // The early days, when they answer this request: their load goes on (used once either way).
    const early = this.early && alike(this.early[0], request) ? this.early[1] : undefined;
    this.early = undefined;
    const signal = early ? this.running.get('dates')!.signal : this.begin('dates');
    this.updatePicker((picker) => ({ ...picker, dates: pending(picker.dates) }));
    this.host.signal({ type: 'availability-loading', detail: { request } });
    try {
      const client = this.host.client;
      const dates = await (early ?? client.availabilityDates(request, { signal }));
      let next: string | undefined;
      if (dates.length === 0) {
        // "Next available": look three months further so an empty month is never a dead end.
        const later = await client.availabilityDates(
          this.availabilityRequest(to, to + 92 * 86_400_000),
          { signal },
        );
        next = later[0]?.date;
      }
      if (signal.aborted) return;
      this.host.signal({ type: 'availability-loaded', detail: { dates } });
      const value = { dates: dates.map((entry) => entry.date), next };
      this.updatePicker((picker) => ({ ...picker, dates: { status: 'ready', value } }));
    } catch (error) {
      this.failed(error, signal, 'availability-failed', (failure) =>
        this.updatePicker((picker) => ({ ...picker, dates: failure })),
      );
    }
  }

  private async loadSlots(): Promise<void> {
    const date = this.date;
    const signal = this.begin('slots');
    if (!date) {
      this.updatePicker((picker) => ({ ...picker, slots: { status: 'idle' } }));
      return;
    }
    this.updatePicker((picker) => ({ ...picker, slots: pending(picker.slots) }));
    const timeZone = this.host.timeZone();
    const from = wallTimeToInstant(date, '00:00', timeZone);
    const to = wallTimeToInstant(date, '24:00', timeZone);
    try {
      const value = await this.host.client.availability(this.availabilityRequest(from, to), {
        signal,
      });
      if (signal.aborted) return;
      this.updatePicker((picker) => ({ ...picker, slots: { status: 'ready', value } }));
    } catch (error) {
      this.failed(error, signal, 'availability-failed', (failure) =>
        this.updatePicker((picker) => ({ ...picker, slots: failure })),
      );
    }
  }

  private async loadClasses(): Promise<void> {
    const signal = this.begin('classes');
    const write = (classes: Load<Group[]>) => {
      const state = this.host.read();
      if ('classes' in state) this.host.write({ ...state, classes });
    };
    const state = this.host.read();
    if (!('classes' in state)) return;
    this.host.write({ ...state, classes: pending(state.classes) });
    const projectId = this.host.settings()?.projectId;
    this.host.signal({ type: 'classes-loading', detail: {} });
    try {
      const groups = await this.host.client.groups(projectId ? { project_id: projectId } : {}, {
        signal,
      });
      if (signal.aborted) return;
      this.host.signal({ type: 'classes-loaded', detail: { groups } });
      write({ status: 'ready', value: groups });
    } catch (error) {
      this.failed(error, signal, 'classes-failed', write);
    }
  }

  private failed(
    error: unknown,
    signal: AbortSignal,
    type: 'availability-failed' | 'classes-failed',
    show: (failure: { status: 'error'; error: Problem }) => void,
  ): void {
    const problem = problemOf(error);
    if (signal.aborted || problem.code === 'aborted') return;
    this.host.signal({ type, detail: { error: problem } });
    this.host.signal({ type: 'error', detail: { error: problem } });
    show({ status: 'error', error: problem });
  }
}
