import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The first render's classes: a phone screen's worth, so the list paints in one short task. */
const FIRST = 12;
/**
 * Milliseconds of update a later frame may take. Style and layout of the new rows follow it in
 * the same task, so it stays far under the 50 ms of a long task on a phone (CPU 4x).
 */
const BUDGET_MS = 8;

/**
 * How many classes <slotkit-class-list> renders. A screenful first; then each frame adds as
 * many as fit its time budget, judged by what the last frame cost per class it added, until
 * all are there. `restart()` (a new filter, day or zone) goes back to a screenful and drops the
 * frame still pending, so no frame grows the list with what an old filter showed.
 */
export class GrowingLimit implements ReactiveController {
  /** How many classes to render. */
  limit = FIRST;
  /** Classes the last render left out, for the frames still to come. */
  leftOut = 0;
  private step = FIRST;
  private started = 0;
  /** The pending frame's id; 0 when none (ids start at 1). */
  private frame = 0;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  restart(): void {
    this.hostDisconnected();
    this.limit = this.step = FIRST;
  }

  hostUpdate(): void {
    this.started = performance.now();
  }

  hostUpdated(): void {
    if (this.leftOut === 0 || this.frame) return;
    const spent = performance.now() - this.started;
    // The whole update counts against the rows it added (the rows already there cost too);
    // at most twice as many as last time, as one quick frame may be luck (or took 0 ms).
    this.step = Math.max(1, Math.min(2 * this.step, Math.floor((this.step * BUDGET_MS) / spent)));
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.limit += this.step;
      this.host.requestUpdate();
    });
  }

  hostDisconnected(): void {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
  }
}
