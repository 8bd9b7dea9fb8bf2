/**
 * What the benchmark page (`page.ts`, in Chromium) and its driver (`../components.bench.ts`, in
 * Node) say to each other. The driver calls `window.slotkitBench.*` through `page.evaluate` with
 * string expressions (tsx-compiled functions carry helpers the page does not have).
 */

/** One timed step, all times in ms on the page's `performance.now()` clock. */
export interface Measurement {
  /** Trigger (property set or the input event's `timeStamp`) to the frame after the update. */
  ms: number;
  /** Trigger to the end of Lit's update (`updateComplete`): the JS part of `ms`. */
  updateMs: number;
  /** Click on Book to the `slotkit-class-select` event; only for `classes-book`. */
  eventMs?: number;
  /** Long tasks overlapping the step, and their summed duration. */
  longTasks: number;
  longTaskMs: number;
  /** The longest of those long tasks (0 when none): the "no task over 50 ms". */
  longestTaskMs: number;
  /**
   * The browser's own Event Timing duration of the triggering event (input to next paint,
   * 8 ms granularity); `null` when it stayed under the 16 ms reporting threshold or for
   * property sets, which are not events.
   */
  eventTimingMs: number | null;
  /** What was rendered, for the log: "2000 times", "125 classes". */
  detail: string;
  /** The class list's first paint up to the frame that shows its first rows. */
  firstRows?: Measurement;
}

/** `performance.mark` at the class list's first rows: --task-cpu's traces end that part there. */
export const FIRST_ROWS_MARK = 'slotkit-first-rows';

export type PickerKind = 'worst' | 'month';

/** Interactions the page can be armed for before the driver sends the real input. */
export type Interaction =
  | 'picker-arrow'
  | 'picker-day'
  | 'classes-filter'
  | 'classes-clear'
  | 'classes-seats'
  | 'classes-book';

export interface SlotkitBench {
  /** Creates a fresh picker with no data and lets it settle. */
  mountPicker(kind: PickerKind): Promise<void>;
  /** Sets `dates`, `slots` and `selectedDate` and times the first paint of the times. */
  fillPicker(): Promise<Measurement>;
  /** Focuses the active time so ArrowDown goes to the list. */
  focusActiveTime(): void;
  /** The selected day and another available one, for the driver to click. */
  days(): { selected: string; other: string };
  mountClasses(): Promise<void>;
  fillClasses(): Promise<Measurement>;
  /** Id of a bookable class near the top, for the seats select and the Book button. */
  bookableClassId(): string;
  /** Listens for the next occurrence of the interaction; `collect()` returns its timing. */
  arm(interaction: Interaction, expect?: string): void;
  collect(): Promise<Measurement>;
  /** Static facts about the page: `navigator.hardwareConcurrency`, user agent. */
  environment(): { cores: number; userAgent: string };
}
