import { after, before, beforeEach } from 'node:test';
import { ManualClock } from '../../../src/engine/index.ts';
import { createMockServer } from '../../../src/mock/node.ts';
import { createClient } from '../../../src/sdk/index.ts';
import {
  BookingFlow,
  type FlowOptions,
  type FlowState,
  type Signal,
} from '../../../src/flow/index.ts';

/** The flow against the real mock engine in msw/node, on a clock the test moves. */
export const BASE = 'http://slotkit.test/v2';
export const NOW = Date.parse('2026-11-26T12:00:00Z');
export const clock = new ManualClock(NOW);
export const mock = createMockServer({ clock, seed: 'demo' });

/** Registers the server's lifecycle in the calling test file. */
export function useMockServer(): void {
  before(() => mock.server.listen({ onUnhandledRequest: 'error' }));
  after(() => mock.server.close());
  beforeEach(() => {
    clock.set(NOW);
    mock.api.reset('demo');
    mock.api.limiter.clear();
    mock.server.resetHandlers();
  });
}

export interface Running {
  flow: BookingFlow;
  /** Every signal's type, in order. */
  signals: string[];
  all: Signal[];
  cues: string[];
  /** Resolves once the state matches (checked at once and after every change). */
  until<S extends FlowState>(match: (state: FlowState) => state is S, what?: string): Promise<S>;
  until(match: (state: FlowState) => boolean, what?: string): Promise<FlowState>;
}

export function startFlow(
  appKey: string,
  options: Omit<FlowOptions, 'client' | 'remoteConfig'> & {
    remoteConfig?: boolean;
    client?: FlowOptions['client'];
  } = {},
): Running {
  const client = options.client ?? createClient({ baseUrl: BASE, appKey, retries: 0 });
  const flow = new BookingFlow({
    remoteConfig: true,
    timeZone: 'America/New_York',
    ...options,
    client,
  });
  const signals: string[] = [];
  const all: Signal[] = [];
  const cues: string[] = [];
  flow.subscribe((report) => {
    if (report.kind === 'signal') {
      signals.push(report.signal.type);
      all.push(report.signal);
    }
    if (report.kind === 'cue') cues.push(report.cue.kind);
  });
  const until = (match: (state: FlowState) => boolean, what = 'state') =>
    new Promise<FlowState>((resolve, reject) => {
      if (match(flow.state)) return resolve(flow.state);
      const timer = setTimeout(
        () =>
          reject(
            new Error(`never reached ${what}; at ${JSON.stringify(flow.state).slice(0, 300)}`),
          ),
        5000,
      );
      const stop = flow.subscribe((report) => {
        if (report.kind === 'state' && match(report.state)) {
          clearTimeout(timer);
          stop();
          resolve(report.state);
        }
      });
    });
  void flow.start();
  return { flow, signals, all, cues, until: until as Running['until'] };
}

type StepState<S extends FlowState['step']> = Extract<FlowState, { step: S }>;
export const at =
  <S extends FlowState['step']>(step: S) =>
  (state: FlowState): state is StepState<S> =>
    state.step === step;

export const timesReady = (state: FlowState): state is StepState<'choose'> =>
  state.step === 'choose' && state.chooser === 'times' && state.picker.dates.status === 'ready';

export const classesReady = (state: FlowState): state is StepState<'choose'> =>
  state.step === 'choose' && state.chooser === 'classes' && state.classes.status === 'ready';

export const CUSTOMER = { name: 'Marty McFly', email: 'marty@example.test' };

/** Picks the first day with times and returns that day's first time. */
export async function firstSlot(running: Running) {
  const choose = await running.until(
    (state) => 'picker' in state && state.picker.dates.status === 'ready',
    'the month loaded',
  );
  if (!('picker' in choose) || choose.picker.dates.status !== 'ready') throw new Error();
  const date = choose.picker.dates.value.dates[0];
  if (!date) throw new Error('no day with times');
  running.flow.selectDate(date);
  const withSlots = await running.until(
    (state) =>
      (state.step === 'choose' || state.step === 'rescheduling') &&
      'picker' in state &&
      state.picker.slots.status === 'ready',
    'the day loaded',
  );
  if (!('picker' in withSlots) || withSlots.picker.slots.status !== 'ready') throw new Error();
  const slot = withSlots.picker.slots.value[0];
  if (!slot) throw new Error('no times that day');
  return slot;
}

export async function firstClass(running: Running) {
  const state = await running.until(classesReady, 'classes loaded');
  if (state.chooser !== 'classes' || state.classes.status !== 'ready') throw new Error();
  const group = state.classes.value.find((entry) => entry.attributes.group_booking.seats_left > 3);
  if (!group) throw new Error('no class with seats');
  return group;
}
