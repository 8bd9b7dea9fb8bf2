import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * The first render's classes: what a phone screen shows below the zone, strip and filters. Its
 * cost is mostly fixed (templates made the first time, formatters, the first slice of classes),
 * so fewer rows than this would save little.
 */
export const FIRST = 6;
/**
 * Classes shown before the visitor asks for more ("Show more classes"), and how many each ask
 * adds: a few busy days. A studio's whole season (500 classes were 34,000 nodes) cost every
 * filter and frame style, layout and memory for rows few visitors scroll to.
 */
export const PAGE = 50;
/**
 * Milliseconds a later frame may take, its style, layout and paint included: half the 50 ms of
 * a long task on a phone (CPU 4x), as a busy device may take twice as long as the last frame.
 */
const BUDGET_MS = 24;

/** Runs `then` in a task of its own after the current one: after a frame's rendering work. */
function afterTask(then: () => void): void {
  const channel = new MessageChannel();
  channel.port1.onmessage = then;
  channel.port2.postMessage(null);
}

/**
 * Runs `then` after the tasks the frame queued: new off-screen days (`content-visibility: auto`)
 * are laid out in a task of their own after the frame that made them, which must be counted.
 */
function afterFrameWork(then: () => void): void {
  afterTask(() => afterTask(then));
}

/**
 * How many classes <slotkit-class-list> renders. A screenful first; then each frame adds as
 * many as fit its time budget, judged by what the last frame cost per class it added (from the
 * frame's start to after its rendering, as a long task counts it), up to `ceiling` (a page);
 * `showMore()` raises it by a page. `restart()` (a new filter, day or zone) goes back to a
 * screenful of the first page and drops the frame still pending, so no frame grows the list with
 * what an old filter showed. `restart(true)` shows none at first: the controls paint alone, the
 * first screenful of rows a frame later.
 */
export class GrowingLimit implements ReactiveController {
  /** How many classes to render. */
  limit = FIRST;
  /** Classes the last render left out: for the frames still to come, or behind "Show more". */
  leftOut = 0;
  /** The most classes the frames grow the list to before the visitor asks for more. */
  ceiling = PAGE;
  private step = FIRST;
  /** Counts restarts, so a frame measured before one does not schedule the next. */
  private run = 0;
  /** The pending frame's id; 0 when none (ids start at 1). */
  private frame = 0;
  /** A frame grew the list and its cost is being measured. */
  private measuring = false;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  restart(defer = false): void {
    this.hostDisconnected();
    this.step = FIRST;
    this.limit = defer ? 0 : FIRST;
    this.ceiling = PAGE;
  }

  /** Frames are still to add classes. */
  get growing(): boolean {
    return this.leftOut > 0 && this.limit < this.ceiling;
  }

  /** Classes are left out until the visitor asks for more. */
  get capped(): boolean {
    return this.leftOut > 0 && this.limit >= this.ceiling;
  }

  /**
   * One page more. A screenful of it renders with the update the click makes, so the first new
   * row is there to take focus as the button goes; the frames add the rest.
   */
  showMore(): void {
    this.ceiling = this.limit + PAGE;
    this.limit += Math.min(FIRST, this.leftOut);
    this.host.requestUpdate();
  }

  /** Back in the page mid-growth: the frames go on. */
  hostConnected(): void {
    this.hostUpdated();
  }

  hostUpdated(): void {
    if (!this.growing || this.frame || this.measuring) return;
    const run = this.run;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      const started = performance.now();
      this.limit = Math.min(this.ceiling, this.limit + this.step);
      this.measuring = true;
      this.host.requestUpdate();
      afterFrameWork(() => {
        if (run !== this.run) return;
        this.measuring = false;
        const spent = performance.now() - started;
        // At most twice as many as last time: one quick frame may be luck (or took 0 ms).
        this.step = Math.max(
          1,
          Math.min(2 * this.step, Math.floor((this.step * BUDGET_MS) / spent)),
        );
        this.hostUpdated();
      });
    });
  }

  hostDisconnected(): void {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.measuring = false;
    this.run++;
  }
}
