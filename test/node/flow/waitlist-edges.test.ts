import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  joinWaitlist,
  leaveWaitlist,
  openOffer,
  openWaitlist,
} from '../../../src/flow/waitlist.ts';
import type { FlowState } from '../../../src/flow/state.ts';
import type { SlotkitClient } from '../../../src/sdk/index.ts';
import type { Hold, WaitlistEntry } from '../../../src/schemas/index.ts';
import { GROUP, refuse, signalled, stand as journeyStand, type Stand } from './journey-stand.ts';

/**
 * waitlist.ts against a stand-in host and client: the paths the mock API rarely takes (a busy
 * chooser, a second press, a refusal without field issues, an aborted call, a failed offer link),
 * each with exactly what the host is told (issue 17's survivors).
 */

const ENTRY = { id: 'wl_1', state: 'waiting', customer_token: 'tok_1' } as WaitlistEntry;
const CHOOSE: FlowState = {
  step: 'choose',
  chooser: 'classes',
  classes: { status: 'ready', value: [GROUP] },
  busy: false,
} as FlowState;
const FORM: FlowState = {
  step: 'waitlist',
  group: GROUP,
  seats: 2,
  values: {},
  submitting: false,
  fieldErrors: [],
};

/**
 * The journey's stand with nothing typed or held yet, project settings only when a project is
 * named, and a failure if waitlist.ts ever asks the chooser to reload.
 */
function stand(start: FlowState, client: Partial<SlotkitClient>, projectId?: string): Stand {
  const s = journeyStand(start, client, {
    settings: projectId !== undefined,
    ...(projectId === undefined ? {} : { projectId }),
    memory: { token: undefined, values: {}, heldGroup: undefined },
  });
  s.host.reloadChoices = () => assert.fail('not asked');
  return s;
}

describe('openWaitlist: only from an idle chooser, seats within the class', () => {
  test('the form opens with the seats and values given, fresh', () => {
    const s = stand(CHOOSE, {});
    openWaitlist(s.host, GROUP, 4, { name: 'Ada' });
    assert.deepEqual(s.states, [
      {
        step: 'waitlist',
        group: GROUP,
        seats: 4,
        values: { name: 'Ada' },
        submitting: false,
        fieldErrors: [],
      },
    ]);
  });

  test('a busy chooser, or another step, opens nothing', () => {
    for (const start of [{ ...CHOOSE, busy: true } as FlowState, FORM]) {
      const s = stand(start, {});
      openWaitlist(s.host, GROUP, 1, {});
      assert.deepEqual([s.states, s.signals], [[], []]);
    }
  });

  test('one seat more than the class seats is refused, in words', () => {
    const s = stand(CHOOSE, {});
    openWaitlist(s.host, GROUP, 5, {});
    assert.deepEqual(s.states, []);
    assert.deepEqual(s.signals, [
      {
        type: 'error',
        detail: {
          error: {
            code: 'validation_failed',
            message: 'seats must be a whole number from 1 to 4',
            details: [{ path: 'related.seats', message: 'must be a whole number from 1 to 4' }],
          },
        },
      },
    ]);
  });
});

describe('joinWaitlist: what is sent and what each answer does', () => {
  test('sends the class, seats, text-only name and email, zone and project', async () => {
    const s = stand(FORM, { joinWaitlist: async () => ENTRY }, 'proj_1');
    await joinWaitlist(s.host, { name: true, phone: '123' });
    assert.deepEqual(s.calls[0]?.args[0], {
      related: { owner_booking_id: 'grp_1', seats: 2 },
      customer: { name: '', email: '', phone: '123', timezone: 'Europe/Oslo' },
      project_id: 'proj_1',
    });
    assert.equal(signalled(s.calls[0]), true);
    assert.deepEqual(s.host.memory.values, { name: true, phone: '123' });
    assert.deepEqual(s.states, [
      {
        ...FORM,
        values: { name: true, phone: '123' },
        submitting: true,
        fieldErrors: [],
        error: undefined,
      },
      { step: 'waitlisted', group: GROUP, entry: ENTRY },
    ]);
    assert.deepEqual(s.cues, [{ kind: 'waitlisted' }]);
  });

  test('no project: no project_id', async () => {
    const s = stand(FORM, { joinWaitlist: async () => ENTRY });
    await joinWaitlist(s.host, {});
    assert.equal(Object.hasOwn(s.calls[0]?.args[0] as object, 'project_id'), false);
  });

  test('while one join is on its way, or from another step, a press asks nothing', async () => {
    for (const start of [{ ...FORM, submitting: true } as FlowState, CHOOSE]) {
      const s = stand(start, { joinWaitlist: async () => ENTRY });
      await joinWaitlist(s.host, {});
      assert.deepEqual([s.calls, s.states], [[], []]);
    }
  });

  test("a refusal without field issues is the form's error, and reported", async () => {
    const s = stand(FORM, { joinWaitlist: refuse('rate_limited') });
    await joinWaitlist(s.host, { name: 'Ada' });
    const error = { code: 'rate_limited', message: 'rate_limited message' };
    assert.deepEqual(s.states.at(-1), {
      ...FORM,
      values: { name: 'Ada' },
      submitting: false,
      fieldErrors: [],
      error,
    });
    assert.deepEqual(s.signals, [{ type: 'error', detail: { error } }]);
  });

  test('validation_failed without details is an error too, not empty field errors', async () => {
    const s = stand(FORM, { joinWaitlist: refuse('validation_failed') });
    await joinWaitlist(s.host, {});
    const last = s.states.at(-1);
    assert.equal(last?.step === 'waitlist' && last.error?.code, 'validation_failed');
  });

  test("another refusal with field issues is still the form's error", async () => {
    const details = [{ path: 'related.seats', message: 'taken' }];
    const s = stand(FORM, { joinWaitlist: refuse('conflict', details) });
    await joinWaitlist(s.host, {});
    const error = { code: 'conflict', message: 'conflict message', details };
    assert.deepEqual(s.states.at(-1), { ...FORM, submitting: false, fieldErrors: [], error });
  });

  test('field issues go on the fields', async () => {
    const details = [{ path: 'customer.email', message: 'invalid' }];
    const s = stand(FORM, { joinWaitlist: refuse('validation_failed', details) });
    await joinWaitlist(s.host, {});
    assert.deepEqual(s.states.at(-1), {
      ...FORM,
      submitting: false,
      fieldErrors: details,
      error: undefined,
    });
  });

  test('an aborted join says nothing and changes nothing more', async () => {
    const s = stand(FORM, { joinWaitlist: refuse('aborted') });
    await joinWaitlist(s.host, {});
    assert.equal(s.states.length, 1);
    assert.deepEqual([s.signals, s.notices], [[], []]);
  });

  test('the visitor left the form while it was sent: the error is reported, the state kept', async () => {
    const s = stand(FORM, {
      joinWaitlist: () => {
        s.host.write(CHOOSE);
        return refuse('rate_limited')();
      },
    });
    await joinWaitlist(s.host, {});
    assert.equal(s.states.at(-1), CHOOSE);
    assert.equal(s.signals.length, 1);
  });
});

describe('leaveWaitlist', () => {
  const JOINED: FlowState = { step: 'waitlisted', group: GROUP, entry: ENTRY };

  test("leaves with the entry's token, once", async () => {
    const left = { ...ENTRY, state: 'left' } as WaitlistEntry;
    const s = stand(JOINED, { leaveWaitlist: async () => left });
    await leaveWaitlist(s.host);
    assert.equal(s.calls[0]?.args[0], 'wl_1');
    assert.equal((s.calls[0]?.args[1] as { customerToken?: string }).customerToken, 'tok_1');
    assert.equal(signalled(s.calls[0]), true);
    assert.deepEqual(s.states, [
      { ...JOINED, leaving: true, error: undefined },
      { step: 'waitlisted', group: GROUP, entry: left, left: true },
    ]);
    assert.deepEqual(s.cues, [{ kind: 'waitlist-left' }]);
  });

  test('no token: none sent', async () => {
    const s = stand(
      { ...JOINED, entry: { ...ENTRY, customer_token: '' } },
      { leaveWaitlist: async () => ENTRY },
    );
    await leaveWaitlist(s.host);
    assert.equal(Object.hasOwn(s.calls[0]?.args[1] as object, 'customerToken'), false);
  });

  test('while leaving, after leaving, or from another step: nothing asked', async () => {
    for (const start of [
      { ...JOINED, leaving: true },
      { ...JOINED, left: true },
      FORM,
    ] as FlowState[]) {
      const s = stand(start, { leaveWaitlist: async () => ENTRY });
      await leaveWaitlist(s.host);
      assert.deepEqual([s.calls, s.states], [[], []]);
    }
  });

  test('a refusal is shown on the confirmation and reported; an abort is not', async () => {
    const s = stand(JOINED, { leaveWaitlist: refuse('not_found') });
    await leaveWaitlist(s.host);
    const error = { code: 'not_found', message: 'not_found message' };
    assert.deepEqual(s.states.at(-1), { ...JOINED, leaving: false, error });
    assert.deepEqual(s.signals, [{ type: 'error', detail: { error } }]);
    const quiet = stand(JOINED, { leaveWaitlist: refuse('aborted') });
    await leaveWaitlist(quiet.host);
    assert.deepEqual([quiet.states.length, quiet.signals], [1, []]);
  });

  test('gone from the confirmation meanwhile: the state is left alone', async () => {
    const s = stand(JOINED, {
      leaveWaitlist: () => {
        s.host.write(CHOOSE);
        return refuse('conflict')();
      },
    });
    await leaveWaitlist(s.host);
    assert.equal(s.states.at(-1), CHOOSE);
  });
});

describe('openOffer: a link whose hold no longer holds', () => {
  const NOW = Date.parse('2026-12-04T12:00:00Z');
  const offered = (patch: Partial<Hold>) =>
    ({
      id: 'hold_1',
      state: 'reserved',
      expires_at: new Date(NOW + 60_000).toISOString(),
      related: { owner_booking_id: 'grp_1' },
      ...patch,
    }) as Hold;
  const client = (hold: Hold): Partial<SlotkitClient> => ({
    getHold: async () => hold,
    serverNow: () => NOW,
    group: async () => assert.fail('the class is not asked for'),
  });

  for (const [why, patch] of [
    ['expired', { state: 'expired' }],
    ['not on a class', { related: undefined }],
    ['at its very end', { expires_at: new Date(NOW).toISOString() }],
    ['with an unreadable end', { expires_at: 'soon' }],
  ] as const) {
    test(`a hold ${why}: the chooser, told the offer ended`, async () => {
      const s = stand(CHOOSE, client(offered(patch as Partial<Hold>)));
      await openOffer(s.host, 'hold_1');
      assert.deepEqual(s.notices, [{ kind: 'offer-expired' }]);
      assert.deepEqual(s.signals, []);
    });
  }

  test('an unknown or ended hold: the offer ended; another refusal is the problem', async () => {
    for (const code of ['not_found', 'hold_expired']) {
      const s = stand(CHOOSE, { getHold: refuse(code) });
      await openOffer(s.host, 'hold_1');
      assert.deepEqual(s.notices, [{ kind: 'offer-expired' }]);
      assert.equal(s.signals.length, 1);
    }
    const s = stand(CHOOSE, { getHold: refuse('rate_limited') });
    await openOffer(s.host, 'hold_1');
    const problem = { code: 'rate_limited', message: 'rate_limited message' };
    assert.deepEqual(s.notices, [{ kind: 'problem', problem }]);
    assert.deepEqual(s.signals, [{ type: 'error', detail: { error: problem } }]);
    assert.equal(signalled(s.calls[0]), true);
  });

  test("a hold that still holds: its class is asked for with the journey's signal", async () => {
    const s = stand(CHOOSE, { ...client(offered({})), group: refuse('aborted') });
    await openOffer(s.host, 'hold_1');
    assert.deepEqual(
      s.calls.map(({ name, args }) => [name, args[0]]),
      [
        ['getHold', 'hold_1'],
        ['serverNow', undefined],
        ['group', 'grp_1'],
      ],
    );
    assert.equal(signalled(s.calls[2]), true);
    assert.deepEqual([s.notices, s.signals], [[], []]);
  });

  test('an aborted look-up does nothing', async () => {
    const s = stand(CHOOSE, { getHold: refuse('aborted') });
    await openOffer(s.host, 'hold_1');
    assert.deepEqual([s.notices, s.signals], [[], []]);
  });
});
