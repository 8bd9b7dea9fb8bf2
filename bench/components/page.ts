/**
 * The benchmark page's script (bundled by `../components.bench.ts`, run in Chromium): mounts
 * fresh elements, times their first paint and the interactions the driver triggers with real
 * input, and counts long tasks. Exposes `window.slotkitBench` (see `protocol.ts`).
 */
import '../../src/define.ts';
import type { SlotkitClassList } from '../../src/components/class-list/class-list.ts';
import { PAGE } from '../../src/components/class-list/long-list.ts';
import type { SlotkitSlotPicker } from '../../src/components/slot-picker/slot-picker.ts';
import type { Group } from '../../src/schemas/booking.ts';
import {
  CLASSES_NOW,
  classData,
  fold,
  LOCALE,
  PICKER_NOW,
  pickerData,
  ZONE,
  type PickerData,
} from './data.ts';
import {
  FIRST_ROWS_MARK,
  type Interaction,
  type Measurement,
  type PickerKind,
  type SlotkitBench,
} from './protocol.ts';

declare global {
  interface Window {
    slotkitBench: SlotkitBench;
  }
}

/** Long tasks and slow events since the page loaded. */
const longTasks: PerformanceEntry[] = [];
const longTaskObserver = new PerformanceObserver((list) => longTasks.push(...list.getEntries()));
longTaskObserver.observe({ type: 'longtask', buffered: true });
const slowEvents: PerformanceEventTiming[] = [];
const eventObserver = new PerformanceObserver((list) =>
  slowEvents.push(...(list.getEntries() as PerformanceEventTiming[])),
);
// `durationThreshold` (Event Timing) is not in TypeScript's DOM typings yet; 16 ms is its minimum.
const eventInit: PerformanceObserverInit & { durationThreshold: number } = {
  type: 'event',
  durationThreshold: 16,
  buffered: true,
};
eventObserver.observe(eventInit);

const stage = document.getElementById('stage')!;
let picker: SlotkitSlotPicker | undefined;
let pickerInput: PickerData | undefined;
let classList: SlotkitClassList | undefined;
let groups: Group[] = [];
let pending: Promise<Measurement> | undefined;

/** Resolves after the next frame has been produced: a task queued from requestAnimationFrame. */
function afterNextFrame(): Promise<number> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(null);
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits for the observers to hear of long tasks and events in [t0, t1], then sums them up. */
async function finish(
  t0: number,
  tUpdated: number,
  t1: number,
  detail: string,
  event?: Event,
): Promise<Measurement> {
  await sleep(50);
  longTasks.push(...longTaskObserver.takeRecords());
  slowEvents.push(...(eventObserver.takeRecords() as PerformanceEventTiming[]));
  const overlapping = longTasks.filter(
    (task) => task.startTime < t1 && task.startTime + task.duration > t0,
  );
  const timing = event
    ? slowEvents.find(
        (entry) => entry.name === event.type && Math.abs(entry.startTime - event.timeStamp) < 1,
      )
    : undefined;
  return {
    ms: t1 - t0,
    updateMs: tUpdated - t0,
    longTasks: overlapping.length,
    longTaskMs: overlapping.reduce((sum, task) => sum + task.duration, 0),
    longestTaskMs: Math.max(0, ...overlapping.map((task) => task.duration)),
    eventTimingMs: timing ? timing.duration : null,
    detail,
  };
}

function fail(message: string): never {
  throw new Error(`[bench page] ${message}`);
}

function pickerTimes(): HTMLElement[] {
  return [...(picker?.shadowRoot?.querySelectorAll<HTMLElement>('li[role=option]') ?? [])];
}

/** The shown classes' Book buttons: rows the filters leave out are kept, hidden. */
function bookButtons(): HTMLButtonElement[] {
  return [
    ...(classList?.shadowRoot?.querySelectorAll<HTMLButtonElement>('[part~=book-button]') ?? []),
  ].filter((button) => !button.closest('[hidden]'));
}

async function settle(element: HTMLElement & { updateComplete: Promise<boolean> }) {
  stage.replaceChildren(element);
  await element.updateComplete;
  await afterNextFrame();
  await afterNextFrame();
}

async function mountPicker(kind: PickerKind): Promise<void> {
  pickerInput = pickerData(kind);
  classList = undefined;
  picker = document.createElement('slotkit-slot-picker');
  picker.timeZone = ZONE;
  picker.locale = LOCALE;
  picker.now = () => PICKER_NOW;
  await settle(picker);
}

async function fillPicker(): Promise<Measurement> {
  const el = picker ?? fail('no picker mounted');
  const input = pickerInput!;
  const t0 = performance.now();
  el.dates = input.dates;
  el.slots = input.slots;
  el.selectedDate = input.selectedDate;
  await el.updateComplete;
  const tUpdated = performance.now();
  const t1 = await afterNextFrame();
  const times = pickerTimes();
  const expected = input.perDay.get(input.selectedDate);
  if (times.length !== expected) fail(`picker lists ${times.length} times, expected ${expected}`);
  if (!times[0]!.checkVisibility()) fail('the first time is not visible');
  return finish(t0, tUpdated, t1, `${times.length} times`);
}

async function mountClasses(): Promise<void> {
  picker = undefined;
  classList = document.createElement('slotkit-class-list');
  classList.timeZone = ZONE;
  classList.locale = LOCALE;
  classList.now = CLASSES_NOW;
  groups = classData();
  await settle(classList);
}

async function fillClasses(): Promise<Measurement> {
  const el = classList ?? fail('no class list mounted');
  const t0 = performance.now();
  el.groups = groups;
  // The frame that shows the first rows: what the visitor waits for before the list grows.
  let tRows = t0;
  const rowsShown = (async () => {
    do tRows = await afterNextFrame();
    while (bookButtons().length === 0);
    performance.mark(FIRST_ROWS_MARK);
  })();
  await el.updateComplete;
  const tUpdated = performance.now();
  const t1 = await afterNextFrame();
  await rowsShown;
  const buttons = bookButtons();
  // A page of classes; the rest wait behind "Show more classes".
  const page = Math.min(groups.length, PAGE);
  if (buttons.length !== page) fail(`${buttons.length} classes, expected ${page}`);
  if (!buttons[0]!.checkVisibility()) fail('the first Book button is not visible');
  const all = await finish(t0, tUpdated, t1, `${buttons.length} of ${groups.length} classes`);
  return { ...all, firstRows: await finish(t0, tRows, tRows, 'first rows') };
}

/** What each interaction listens for, and how it knows the new state is on screen. */
function plan(interaction: Interaction, expect: string | undefined) {
  if (interaction === 'picker-arrow' || interaction === 'picker-day') {
    const el = picker ?? fail('no picker mounted');
    const root = el.shadowRoot!;
    if (interaction === 'picker-arrow') {
      const from = Number((root.activeElement as HTMLElement | null)?.dataset.index ?? NaN);
      if (Number.isNaN(from)) fail('focus is not on a time');
      return {
        type: 'keydown',
        root,
        host: el,
        check: () => {
          const active = root.activeElement as HTMLElement | null;
          if (active?.id !== `time-${from + 1}` || active.tabIndex !== 0) {
            fail(`focus is on ${active?.id}, expected time-${from + 1}`);
          }
          return `time-${from} -> time-${from + 1} of ${pickerTimes().length}`;
        },
      };
    }
    return {
      type: 'click',
      root,
      host: el,
      check: () => {
        const count = pickerTimes().length;
        const expected = pickerInput!.perDay.get(expect ?? '');
        if (el.selectedDate !== expect || count !== expected) {
          fail(`selected ${el.selectedDate} with ${count} times, expected ${expect} (${expected})`);
        }
        return `${expect}: ${count} times`;
      },
    };
  }
  const el = classList ?? fail('no class list mounted');
  const root = el.shadowRoot!;
  const shown = () => bookButtons().length;
  switch (interaction) {
    case 'classes-filter':
    case 'classes-clear': {
      const needle = fold(expect ?? '');
      const matching = groups.filter((g) => fold(g.attributes.event_info.what).includes(needle));
      const page = Math.min(matching.length, PAGE);
      return {
        type: 'input',
        root,
        host: el,
        check: () => {
          if (shown() !== page) fail(`${shown()} classes, expected ${page}`);
          return `"${expect}": ${page} of ${matching.length} classes`;
        },
      };
    }
    case 'classes-seats':
      return {
        type: 'change',
        root,
        host: el,
        check: () => {
          const select = root.querySelector<HTMLSelectElement>(
            `[part~=seats-select][data-id="${expect}"]`,
          );
          if (select?.value !== '2') fail(`seats select shows ${select?.value}, expected 2`);
          return `seats of ${expect} = 2`;
        },
      };
    case 'classes-book':
      return {
        type: 'click',
        root,
        host: el,
        check: () => {
          const item = root
            .querySelector(`[part~=book-button][data-id="${expect}"]`)
            ?.closest('slotkit-class-list-item');
          if (el.selectedGroupId !== expect || !item?.matches(':state(selected)')) {
            fail(`selected ${el.selectedGroupId}, expected ${expect} shown as selected`);
          }
          return `booked ${expect}`;
        },
      };
    default:
      return fail(`unknown interaction ${interaction as string}`);
  }
}

/**
 * Listens on the shadow root in the bubble phase, so the element's own handlers (on nodes inside
 * it) have run and the update is queued; then waits for the update and the next frame.
 */
function arm(interaction: Interaction, expect?: string): void {
  const { type, root, host, check } = plan(interaction, expect);
  let selectedAt: number | undefined;
  if (interaction === 'classes-book') {
    host.addEventListener('slotkit-class-select', () => (selectedAt = performance.now()), {
      once: true,
    });
  }
  pending = new Promise<Measurement>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${type} event for ${interaction}`)), 5000);
    root.addEventListener(
      type,
      (event) => {
        clearTimeout(timer);
        const t0 = event.timeStamp;
        void (async () => {
          await host.updateComplete;
          const tUpdated = performance.now();
          const t1 = await afterNextFrame();
          const detail = check();
          const result = await finish(t0, tUpdated, t1, detail, event);
          if (selectedAt !== undefined) result.eventMs = selectedAt - t0;
          else if (interaction === 'classes-book') fail('no slotkit-class-select event');
          return result;
        })().then(resolve, reject);
      },
      { once: true },
    );
  });
}

window.slotkitBench = {
  mountPicker,
  fillPicker,
  focusActiveTime() {
    const root = picker?.shadowRoot ?? fail('no picker mounted');
    (root.querySelector<HTMLElement>('li[role=option][tabindex="0"]') ?? fail('no time')).focus();
  },
  days() {
    const input = pickerInput ?? fail('no picker mounted');
    return { selected: input.selectedDate, other: input.otherDate };
  },
  mountClasses,
  fillClasses,
  bookableClassId() {
    const button = bookButtons().find((candidate) => !candidate.disabled);
    return button?.dataset.id ?? fail('no bookable class');
  },
  arm,
  collect: () => pending ?? Promise.reject(new Error('nothing armed')),
  environment: () => ({ cores: navigator.hardwareConcurrency, userAgent: navigator.userAgent }),
};
