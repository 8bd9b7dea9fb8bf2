import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { MARCH, SETTINGS, TIMES, pickerOf, settle, stand } from './choices-stand.ts';

/**
 * choices.ts's early month: the days asked for alongside the project's config, taken by the
 * first load only when the API would answer both alike (issue 17's survivors).
 */

describe("the month asked early, alongside the project's config", () => {
  const ALL = {
    length: '1 hour',
    timeslot_increments: '15 minutes',
    buffer: '5 minutes',
    mode: 'mutual',
  };
  const PROJECT = { ...SETTINGS, availability: ALL, projectId: 'proj_1' };

  test('a guess the API answers alike is taken: one request, on its own signal', async () => {
    const s = stand(TIMES, PROJECT);
    s.choices.prefetchDates('2026-03', { projectId: 'proj_1' });
    const early = s.calls[0]!;
    assert.deepEqual(early.body, {
      project_id: 'proj_1',
      ...MARCH,
      output_timezone: 'Europe/Oslo',
    });
    s.choices.showMonth('2026-03');
    assert.equal(s.calls.length, 1);
    assert.equal(early.signal.aborted, false);
    early.answer([{ date: '2026-03-02' }]);
    await settle();
    assert.deepEqual(pickerOf(s.now()).dates, {
      status: 'ready',
      value: { dates: ['2026-03-02'], next: undefined },
    });
    // Taken once: the next load asks again.
    s.choices.reload();
    assert.equal(s.calls.length, 2);
  });

  for (const key of Object.keys(ALL)) {
    test(`a guess naming its own ${key} is not taken`, () => {
      const s = stand(TIMES, PROJECT);
      s.choices.prefetchDates('2026-03', {
        projectId: 'proj_1',
        availability: { [key]: 'other' },
      });
      s.choices.showMonth('2026-03');
      assert.equal(s.calls.length, 2);
      assert.equal(s.calls[0]!.signal.aborted, true);
    });
  }

  test("without a project the API applies nothing itself: the guess isn't taken", () => {
    const s = stand(TIMES, { ...SETTINGS, availability: { length: '1 hour' } });
    s.choices.prefetchDates('2026-03', {});
    s.choices.showMonth('2026-03');
    assert.deepEqual(
      s.calls.map((call) => call.name),
      ['availabilityDates', 'availabilityDates'],
    );
    assert.equal(s.calls[0]!.signal.aborted, true);
  });

  test('a guess with the same settings is taken; another month, resources or project is not', () => {
    const same = stand(TIMES, { ...SETTINGS, projectId: 'p', resources: ['r'] });
    same.choices.prefetchDates('2026-03', {
      availability: SETTINGS.availability,
      projectId: 'p',
      resources: ['r'],
    });
    same.choices.showMonth('2026-03');
    assert.equal(same.calls.length, 1);
    for (const [month, guess] of [
      ['2026-04', { projectId: 'p', resources: ['r'] }],
      ['2026-03', { projectId: 'p' }],
      ['2026-03', { resources: ['r'] }],
    ] as Array<[string, { projectId?: string; resources?: string[] }]>) {
      const s = stand(TIMES, { ...SETTINGS, availability: {}, projectId: 'p', resources: ['r'] });
      s.choices.prefetchDates(month, guess);
      s.choices.showMonth('2026-03');
      assert.equal(s.calls.length, 2, JSON.stringify(guess));
    }
  });

  test("a taken guess's failure is the month's error", async () => {
    const s = stand(TIMES, PROJECT);
    s.choices.prefetchDates('2026-03', { projectId: 'proj_1' });
    s.calls[0]!.refuse({ code: 'internal', message: 'boom' });
    await settle();
    assert.deepEqual(s.signals, []);
    s.choices.showMonth('2026-03');
    await settle();
    assert.deepEqual(pickerOf(s.now()).dates, {
      status: 'error',
      error: { code: 'internal', message: 'boom' },
    });
  });

  test('dropped (classes first) or aborted: aborted, and the month is asked anew', () => {
    for (const drop of ['dropPrefetch', 'abort'] as const) {
      const s = stand(TIMES, PROJECT);
      s.choices.prefetchDates('2026-03', { projectId: 'proj_1' });
      s.choices[drop]();
      assert.equal(s.calls[0]!.signal.aborted, true);
      s.choices.showMonth('2026-03');
      assert.equal(s.calls.length, 2);
    }
  });

  test('with no guess, dropping it leaves a running month alone', () => {
    const s = stand(TIMES);
    s.choices.showMonth('2026-03');
    s.choices.dropPrefetch();
    assert.equal(s.calls[0]!.signal.aborted, false);
  });

  test('abort stops every load at once', () => {
    const s = stand(TIMES);
    s.choices.showMonth('2026-03');
    s.choices.selectDate('2026-03-02');
    s.choices.abort();
    assert.deepEqual(
      s.calls.map((call) => call.signal.aborted),
      [true, true],
    );
  });
});
