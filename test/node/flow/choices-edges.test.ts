import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Group } from '../../../src/schemas/index.ts';
import {
  CLASSES,
  MARCH,
  PICKER,
  SETTINGS,
  SLOT,
  TIMES,
  pickerOf,
  settle,
  stand,
  types,
} from './choices-stand.ts';

/**
 * choices.ts against a stand-in host and a client whose answers the test releases one by one:
 * what each load asks for, what it keeps on screen while asking, which answers it drops (a
 * newer load, leaving the chooser) and what it reports (issue 17's survivors).
 */

describe("the month's days", () => {
  test('asks from its first midnight to the next month’s, with the settings, zone and project', async () => {
    const s = stand(TIMES, { ...SETTINGS, projectId: 'proj_1', resources: ['res_1'] });
    s.choices.showMonth('2026-03');
    const request = {
      length: '30 minutes',
      mode: 'mutual',
      project_id: 'proj_1',
      resources: ['res_1'],
      ...MARCH,
      output_timezone: 'Europe/Oslo',
    };
    assert.deepEqual(
      s.calls.map((call) => [call.name, call.body]),
      [['availabilityDates', request]],
    );
    assert.deepEqual(s.signals, [{ type: 'availability-loading', detail: { request } }]);
    assert.deepEqual(s.states, [
      { ...TIMES, picker: { ...PICKER, month: '2026-03' } },
      { ...TIMES, picker: { ...PICKER, dates: { status: 'loading' } } },
    ]);
    s.calls[0]!.answer([{ date: '2026-03-02' }, { date: '2026-03-30' }]);
    await settle();
    assert.deepEqual(pickerOf(s.now()).dates, {
      status: 'ready',
      value: { dates: ['2026-03-02', '2026-03-30'], next: undefined },
    });
    assert.deepEqual(types(s.signals), ['availability-loading', 'availability-loaded']);
    assert.deepEqual(s.signals[1], {
      type: 'availability-loaded',
      detail: { dates: [{ date: '2026-03-02' }, { date: '2026-03-30' }] },
    });
  });

  test('no project or resources: neither is sent; no settings yet: only the times', () => {
    const s = stand(TIMES, { ...SETTINGS, availability: {} });
    s.choices.showMonth('2026-03');
    assert.deepEqual(s.calls[0]?.body, { ...MARCH, output_timezone: 'Europe/Oslo' });
    const bare = stand(TIMES, null);
    bare.choices.showMonth('2026-03');
    assert.deepEqual(bare.calls[0]?.body, { ...MARCH, output_timezone: 'Europe/Oslo' });
  });

  test('an empty month asks the next three months, and names their first day', async () => {
    const s = stand(TIMES);
    s.choices.showMonth('2026-03');
    s.calls[0]!.answer([]);
    await settle();
    const later = s.calls[1]!;
    assert.deepEqual(later.body, {
      ...SETTINGS.availability,
      from: MARCH.to,
      to: new Date(Date.parse(MARCH.to) + 92 * 86_400_000).toISOString(),
      output_timezone: 'Europe/Oslo',
    });
    assert.equal(later.signal, s.calls[0]!.signal);
    later.answer([{ date: '2026-05-04' }, { date: '2026-05-05' }]);
    await settle();
    assert.deepEqual(pickerOf(s.now()).dates, {
      status: 'ready',
      value: { dates: [], next: '2026-05-04' },
    });
    const none = stand(TIMES);
    none.choices.showMonth('2026-03');
    none.calls[0]!.answer([]);
    await settle();
    none.calls[1]!.answer([]);
    await settle();
    assert.deepEqual(pickerOf(none.now()).dates, {
      status: 'ready',
      value: { dates: [], next: undefined },
    });
  });

  test('while asking again, the last answer stays on screen', async () => {
    const s = stand(TIMES);
    s.choices.showMonth('2026-03');
    s.calls[0]!.answer([{ date: '2026-03-02' }]);
    await settle();
    s.choices.reload();
    const stale = { dates: ['2026-03-02'], next: undefined };
    assert.deepEqual(pickerOf(s.now()).dates, { status: 'loading', stale });
    s.choices.showMonth('2026-04');
    assert.deepEqual(pickerOf(s.now()).dates, { status: 'loading', stale });
  });

  test('a newer month aborts the older; its late answer is dropped', async () => {
    const s = stand(TIMES);
    s.choices.showMonth('2026-03');
    s.choices.showMonth('2026-04');
    assert.deepEqual([s.calls[0]!.signal.aborted, s.calls[1]!.signal.aborted], [true, false]);
    s.calls[0]!.answer([{ date: '2026-03-02' }]);
    await settle();
    assert.deepEqual(pickerOf(s.now()).dates, { status: 'loading' });
    assert.deepEqual(types(s.signals), ['availability-loading', 'availability-loading']);
    s.calls[1]!.answer([{ date: '2026-04-02' }]);
    await settle();
    assert.equal(s.choices.month, '2026-04');
    assert.deepEqual(pickerOf(s.now()).month, '2026-04');
  });

  test("a failure is shown and reported twice; an aborted one isn't", async () => {
    const s = stand(TIMES);
    s.choices.showMonth('2026-03');
    s.calls[0]!.refuse({ code: 'internal', message: 'boom' });
    await settle();
    const error = { code: 'internal', message: 'boom' };
    assert.deepEqual(pickerOf(s.now()).dates, { status: 'error', error });
    assert.deepEqual(s.signals.slice(1), [
      { type: 'availability-failed', detail: { error } },
      { type: 'error', detail: { error } },
    ]);
    for (const abort of [true, false]) {
      const quiet = stand(TIMES);
      quiet.choices.showMonth('2026-03');
      if (abort) quiet.choices.abort();
      quiet.calls[0]!.refuse({ code: abort ? 'internal' : 'aborted', message: '' });
      await settle();
      assert.deepEqual(types(quiet.signals), ['availability-loading']);
      assert.deepEqual(pickerOf(quiet.now()).dates, { status: 'loading' });
    }
  });

  test('away from the chooser: the month is remembered, nothing asked', () => {
    const s = stand({ step: 'loading' });
    s.choices.showMonth('2026-03');
    s.choices.selectDate('2026-03-02');
    s.choices.reload();
    assert.deepEqual([s.calls, s.states, s.signals], [[], [], []]);
    assert.deepEqual(s.choices.freshPicker(), { ...PICKER, date: '2026-03-02' });
  });
});

describe("a day's times", () => {
  test('asks from its midnight to the next (a 23-hour day here), and shows them', async () => {
    const s = stand(TIMES);
    s.choices.selectDate('2026-03-29');
    assert.deepEqual(
      s.calls.map((call) => [call.name, call.body]),
      [
        [
          'availability',
          {
            ...SETTINGS.availability,
            from: '2026-03-28T23:00:00.000Z',
            to: '2026-03-29T22:00:00.000Z',
            output_timezone: 'Europe/Oslo',
          },
        ],
      ],
    );
    assert.deepEqual(s.states, [
      { ...TIMES, picker: { ...PICKER, date: '2026-03-29' } },
      { ...TIMES, picker: { ...PICKER, date: '2026-03-29', slots: { status: 'loading' } } },
    ]);
    s.calls[0]!.answer([SLOT]);
    await settle();
    assert.deepEqual(pickerOf(s.now()).slots, { status: 'ready', value: [SLOT] });
    assert.deepEqual(s.signals, []);
    s.choices.month = '2026-03';
    s.choices.reload();
    assert.deepEqual(pickerOf(s.now()).slots, { status: 'loading', stale: [SLOT] });
  });

  test('no day chosen: the times are idle, and an older day is aborted', async () => {
    const s = stand(TIMES);
    s.choices.selectDate('2026-03-02');
    s.calls[0]!.answer([SLOT]);
    await settle();
    s.choices.selectDate('2026-03-03');
    s.choices.selectDate('');
    assert.equal(s.calls[1]!.signal.aborted, true);
    assert.deepEqual(pickerOf(s.now()).slots, { status: 'idle' });
    s.calls[1]!.answer([SLOT]);
    await settle();
    assert.deepEqual(pickerOf(s.now()).slots, { status: 'idle' });
    assert.equal(s.calls.length, 2);
  });

  test("a failure is the times' error; an aborted day says nothing", async () => {
    const s = stand(TIMES);
    s.choices.selectDate('2026-03-02');
    s.calls[0]!.refuse({ code: 'internal', message: 'boom' });
    await settle();
    const error = { code: 'internal', message: 'boom' };
    assert.deepEqual(pickerOf(s.now()).slots, { status: 'error', error });
    assert.deepEqual(types(s.signals), ['availability-failed', 'error']);
    const quiet = stand(TIMES);
    quiet.choices.selectDate('2026-03-02');
    quiet.choices.abort();
    quiet.calls[0]!.answer([SLOT]);
    await settle();
    assert.deepEqual(pickerOf(quiet.now()).slots, { status: 'loading' });
  });
});

describe('the classes', () => {
  const GROUPS = [{ id: 'grp_1' }] as Group[];

  test("the project's classes, reported and shown; the last ones kept while asking again", async () => {
    const s = stand(CLASSES, { ...SETTINGS, projectId: 'proj_1' });
    s.choices.reload();
    assert.deepEqual(
      s.calls.map((call) => [call.name, call.body]),
      [['groups', { project_id: 'proj_1' }]],
    );
    assert.deepEqual(s.states, [{ ...CLASSES, classes: { status: 'loading' } }]);
    s.calls[0]!.answer(GROUPS);
    await settle();
    assert.deepEqual(s.now(), { ...CLASSES, classes: { status: 'ready', value: GROUPS } });
    assert.deepEqual(s.signals, [
      { type: 'classes-loading', detail: {} },
      { type: 'classes-loaded', detail: { groups: GROUPS } },
    ]);
    s.choices.reload();
    assert.deepEqual(s.now(), { ...CLASSES, classes: { status: 'loading', stale: GROUPS } });
  });

  test('no project: every class; a newer load aborts the older, whose answer is dropped', async () => {
    const s = stand(CLASSES);
    s.choices.reload();
    s.choices.reload();
    assert.deepEqual(s.calls[0]!.body, {});
    assert.deepEqual([s.calls[0]!.signal.aborted, s.calls[1]!.signal.aborted], [true, false]);
    s.calls[0]!.answer(GROUPS);
    await settle();
    assert.deepEqual(s.now(), { ...CLASSES, classes: { status: 'loading' } });
    assert.deepEqual(types(s.signals), ['classes-loading', 'classes-loading']);
  });

  test("a failure is the classes' error; gone from the classes meanwhile, nothing written", async () => {
    const s = stand(CLASSES);
    s.choices.reload();
    s.calls[0]!.refuse({ code: 'internal', message: 'boom' });
    await settle();
    const error = { code: 'internal', message: 'boom' };
    assert.deepEqual(s.now(), { ...CLASSES, classes: { status: 'error', error } });
    assert.deepEqual(s.signals.slice(1), [
      { type: 'classes-failed', detail: { error } },
      { type: 'error', detail: { error } },
    ]);
    for (const answer of [true, false]) {
      const gone = stand(CLASSES);
      gone.choices.reload();
      gone.host.write({ step: 'loading' });
      const call = gone.calls[0]!;
      if (answer) call.answer(GROUPS);
      else call.refuse({ code: 'internal', message: 'boom' });
      await settle();
      assert.deepEqual(gone.now(), { step: 'loading' });
      assert.equal(gone.states.length, 2);
    }
  });
});
