/**
 * The in-page half of `npm run bench:compare`: a script added with `page.addInitScript`, so it
 * runs before the page's own scripts. It watches, once per frame, for the elements that mean
 * "a visitor can book now", timestamps them on the page's `performance.now()` clock (0 is the
 * navigation's start), counts long tasks, and resolves `window.__slotkitCompare.done` one second
 * after the last moment. A string, not a function: tsx compiles functions with `__name()`
 * helpers that do not exist in the page.
 */

/** One moment to wait for: the first visible match of `path`. */
export interface Target {
  /** Key in `ProbeResult.marks`. */
  name: string;
  /**
   * Selectors from the document down: every selector but the last names a shadow host whose
   * (open) shadow root the next one searches.
   */
  path: string[];
  /** Click the element the moment it is seen (for slotkit: the first available day). */
  click?: boolean;
}

export interface ProbeResult {
  /** ms from navigation start; each taken in a task right after the frame that showed it. */
  marks: Record<string, number>;
  /** Long tasks (> 50 ms) that started before `settledAt`. */
  longTasks: number;
  longTaskMs: number;
  /** The longest of those (0 when there is none). */
  longTaskMaxMs: number;
  /** Total blocking time: the sum of each long task's time over 50 ms. */
  blockingMs: number;
  /** The last mark + 1000 ms: the end of the long-task window, when the heap is read. */
  settledAt: number;
  /** From resource timing: when the widget's script finished downloading, when it first called the API. */
  scriptResponseEnd: number | null;
  firstApiCallStart: number | null;
  /** Every API call in order: path, start, response end (ms; CORS preflights included in each). */
  apiTimeline: Array<[path: string, start: number, end: number]>;
  /** The page's own files (the widget's chunks) in order: path, start, response end (ms). */
  fileTimeline: Array<[path: string, start: number, end: number]>;
  /** The counted long tasks: start, duration (ms). */
  longTaskList: Array<[start: number, duration: number]>;
  /**
   * Whether each marked element was visible without scrolling when it was seen: some part of it
   * inside the viewport and inside every clipping (scrolling) ancestor.
   */
  inViewport: Record<string, boolean>;
}

/** The probe for one page, as script text. */
export function probeScript(options: {
  targets: Target[];
  scriptName: string;
  apiOrigin: string;
}): string {
  return `(() => {
  const OPTIONS = ${JSON.stringify(options)};
  const longTasks = [];
  const record = (entries) => {
    for (const entry of entries) longTasks.push([entry.startTime, entry.duration]);
  };
  let observer;
  try {
    observer = new PerformanceObserver((list) => record(list.getEntries()));
    observer.observe({ type: 'longtask', buffered: true });
  } catch (error) {
    console.error('[compare] no longtask observer: ' + error);
  }
  const marks = {};
  const inViewport = {};
  let finish;
  const done = new Promise((resolve) => (finish = resolve));
  window.__slotkitCompare = { done, marks };

  const find = (path) => {
    let root = document;
    for (let i = 0; i < path.length; i++) {
      const element = root.querySelector(path[i]);
      if (!element || i === path.length - 1) return element;
      root = element.shadowRoot;
      if (!root) return null;
    }
    return null;
  };
  const visible = (element) => {
    const box = element.getBoundingClientRect();
    return (
      box.width > 0 &&
      box.height > 0 &&
      element.checkVisibility({ opacityProperty: true, visibilityProperty: true })
    );
  };
  // Some part of the element inside the viewport and inside every ancestor that clips
  // (overflow other than visible: a scroller), across shadow boundaries.
  const onScreen = (element) => {
    const box = element.getBoundingClientRect();
    let top = Math.max(box.top, 0);
    let left = Math.max(box.left, 0);
    let bottom = Math.min(box.bottom, innerHeight);
    let right = Math.min(box.right, innerWidth);
    const up = (node) => node.assignedSlot || node.parentElement || (node.parentNode && node.parentNode.host) || null;
    for (let node = up(element); node && top < bottom && left < right; node = up(node)) {
      const style = getComputedStyle(node);
      if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
      const clip = node.getBoundingClientRect();
      top = Math.max(top, clip.top);
      left = Math.max(left, clip.left);
      bottom = Math.min(bottom, clip.bottom);
      right = Math.min(right, clip.right);
    }
    return top < bottom && left < right;
  };
  // A task queued from inside a frame callback runs after that frame's paint is committed.
  const afterPaint = (callback) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = callback;
    channel.port2.postMessage(0);
  };

  const settle = () => {
    const settledAt = performance.now();
    if (observer) record(observer.takeRecords());
    const counted = longTasks.filter(([start]) => start < settledAt);
    const resources = performance.getEntriesByType('resource');
    const script = resources.find((entry) => new URL(entry.name).pathname === '/' + OPTIONS.scriptName);
    const calls = resources
      .filter((entry) => entry.name.startsWith(OPTIONS.apiOrigin))
      .sort((a, b) => a.startTime - b.startTime);
    const api = calls[0];
    const files = resources
      .filter((entry) => !entry.name.startsWith(OPTIONS.apiOrigin))
      .sort((a, b) => a.startTime - b.startTime);
    const span = (entry) => [
      new URL(entry.name).pathname,
      Math.round(entry.startTime),
      Math.round(entry.responseEnd),
    ];
    finish({
      marks,
      inViewport,
      longTasks: counted.length,
      longTaskMs: counted.reduce((sum, [, duration]) => sum + duration, 0),
      longTaskMaxMs: counted.reduce((max, [, duration]) => Math.max(max, duration), 0),
      blockingMs: counted.reduce((sum, [, duration]) => sum + Math.max(0, duration - 50), 0),
      settledAt,
      scriptResponseEnd: script ? script.responseEnd : null,
      firstApiCallStart: api ? api.startTime : null,
      apiTimeline: calls.map(span),
      fileTimeline: files.map(span),
      longTaskList: counted.map(([start, duration]) => [Math.round(start), Math.round(duration)]),
    });
  };

  let next = 0;
  const frame = () => {
    const target = OPTIONS.targets[next];
    const element = find(target.path);
    if (!element || !visible(element)) return requestAnimationFrame(frame);
    next += 1;
    inViewport[target.name] = onScreen(element);
    afterPaint(() => {
      marks[target.name] = performance.now();
      if (target.click) element.click();
      if (next < OPTIONS.targets.length) requestAnimationFrame(frame);
      else setTimeout(settle, 1000);
    });
  };
  requestAnimationFrame(frame);
})();`;
}

/**
 * The page's Date runs from `now` (the mock's stopped clock), as a phone's clock agrees with the
 * booking service's: without it the page believes it is the machine's today, and a widget that
 * guesses "this month" before the server's first answer guesses wrong for a reason no visitor
 * has. Only Date moves: timers, performance.now() and the long-task clock stay real.
 */
export function phoneClockScript(now: string): string {
  return `(() => {
  const Real = Date;
  const offset = Real.parse(${JSON.stringify(now)}) - Real.now();
  class PhoneDate extends Real {
    constructor(...args) { args.length ? super(...args) : super(Real.now() + offset); }
    static now() { return Real.now() + offset; }
  }
  globalThis.Date = PhoneDate;
})();`;
}
