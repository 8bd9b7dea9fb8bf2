import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { EngineError, type BookingView } from '../../../src/engine/index.ts';
import { DAY, HOUR, OWNER, T0, makeEngine, openClass, signUp } from './helpers.ts';

/**
 * Sign-ups against a model that is one counter per class: a sign-up is booked exactly when its
 * seats fit in max_seats minus the seats taken, else refused as sold out naming what is left; a
 * cancellation (by the customer or the owner) gives its seats back; seat holds take seats until
 * they are released or run out. After every step every class shows the model's count, and the
 * seats taken never exceed max_seats. Guards the seat counting the sign-up path was sped up on.
 */

const RUNS = Number(process.env.PROPERTY_RUNS ?? 200);

type Step =
  | { kind: 'signUp'; klass: number; seats: number; asOwner: boolean }
  | { kind: 'cancel'; pick: number; byOwner: boolean }
  | { kind: 'hold'; klass: number; seats: number }
  | { kind: 'release'; pick: number }
  | { kind: 'wait'; minutes: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('signUp' as const),
      klass: fc.nat(2),
      seats: fc.integer({ min: 1, max: 3 }),
      asOwner: fc.boolean(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('cancel' as const),
      pick: fc.nat(),
      byOwner: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('hold' as const),
      klass: fc.nat(2),
      seats: fc.integer({ min: 1, max: 3 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('release' as const), pick: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('wait' as const),
      minutes: fc.integer({ min: 1, max: 15 }),
    }),
  },
);

test('sign-ups, cancellations and seat holds agree with a per-class seat counter', () => {
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 3, maxLength: 3 }),
      fc.array(step, { maxLength: 40 }),
      (maxSeats, steps) => {
        const { engine, clock } = makeEngine();
        const classes = maxSeats.map(
          (max, index) => openClass(engine, T0 + 3 * DAY + index * 2 * HOUR, { max_seats: max }).id,
        );
        const taken = [0, 0, 0];
        const seats: Array<{ view: BookingView; klass: number; seats: number }> = [];
        // Live holds: their class, seats and when they run out (10 minutes, the project's).
        const holds: Array<{ id: string; klass: number; seats: number; until: number }> = [];
        const heldNow = (klass: number) =>
          holds
            .filter((hold) => hold.klass === klass && hold.until > clock.now())
            .reduce((sum, hold) => sum + hold.seats, 0);
        let n = 0;
        for (const s of steps) {
          if (s.kind === 'signUp' || s.kind === 'hold') {
            const left = maxSeats[s.klass]! - taken[s.klass]! - heldNow(s.klass);
            n += 1;
            try {
              if (s.kind === 'signUp') {
                const view = signUp(
                  engine,
                  classes[s.klass]!,
                  s.seats,
                  s.asOwner ? OWNER : undefined,
                  'group_customer',
                  n,
                );
                seats.push({ view, klass: s.klass, seats: s.seats });
                taken[s.klass]! += s.seats;
              } else {
                const hold = engine.reserve(
                  { related: { owner_booking_id: classes[s.klass]! }, seats: s.seats },
                  { role: 'public', projectId: 'proj' },
                );
                holds.push({
                  id: hold.id,
                  klass: s.klass,
                  seats: s.seats,
                  until: clock.now() + 10 * 60_000,
                });
              }
              assert.ok(s.seats <= left, `${s.kind} of ${s.seats} went through with ${left} left`);
            } catch (error) {
              if (!(error instanceof EngineError) || error.code !== 'sold_out') throw error;
              assert.ok(s.seats > left, `refused ${s.seats} with ${left} left`);
              assert.match(
                error.message,
                left === 0 ? /0 seats left/ : new RegExp(`only ${left} seat`),
              );
            }
          } else if (s.kind === 'cancel' && seats.length) {
            const [seat] = seats.splice(s.pick % seats.length, 1);
            const actor = s.byOwner
              ? OWNER
              : {
                  role: 'public' as const,
                  projectId: 'proj',
                  customerToken: seat!.view.customer_token!,
                };
            engine.performAction(
              seat!.view.id,
              s.byOwner ? 'cancel_by_owner' : 'cancel_by_customer',
              {},
              actor,
            );
            taken[seat!.klass]! -= seat!.seats;
          } else if (s.kind === 'release' && holds.length) {
            const [hold] = holds.splice(s.pick % holds.length, 1);
            if (hold!.until > clock.now()) engine.releaseHold(hold!.id);
          } else if (s.kind === 'wait') {
            clock.advance(s.minutes * 60_000);
          }
          classes.forEach((id, klass) => {
            const group = engine.getGroup(id).attributes.group_booking;
            assert.equal(group.current_seats, taken[klass]! + heldNow(klass), `class ${klass}`);
            assert.ok(
              group.current_seats <= maxSeats[klass]!,
              'group.current_seats <= maxSeats[klass]!',
            );
            assert.equal(group.seats_left, maxSeats[klass]! - group.current_seats);
          });
        }
      },
    ),
    { numRuns: RUNS },
  );
});
