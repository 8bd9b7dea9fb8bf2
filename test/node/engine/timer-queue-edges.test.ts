import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TimerQueue, type Timer } from '../../../src/engine/timer-queue.ts';

/**
 * The engine's deadlines (src/engine/timer-queue.ts, planted by hand, issue #17): a binary heap
 * that must give back every timer, earliest first, only once it is due, whatever order the
 * timers came in. The engine's tests push a few deadlines at a time, in order, so a heap that
 * sifts wrongly still answered them; here the heap is filled in every order.
 */

const timer = (at: number, id = `t${at}`): Timer => ({ at, kind: 'booking', id });

/** Every timer due at `now`, in the order popDue gives them. */
function drain(queue: TimerQueue, now: number): number[] {
  const ats: number[] = [];
  for (let next = queue.popDue(now); next; next = queue.popDue(now)) ats.push(next.at);
  return ats;
}

/** A small LCG: the same shuffles every run. */
function shuffled(values: number[], seed: number): number[] {
  const copy = [...values];
  let state = seed;
  for (let i = copy.length - 1; i > 0; i -= 1) {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    const j = state % (i + 1);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

test('timers come out earliest first, however they went in, duplicates included', () => {
  for (const size of [1, 2, 3, 4, 5, 6, 7, 8, 15, 16, 17, 40]) {
    const ats = Array.from({ length: size }, (_, i) => Math.floor(i / 2) * 10);
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const queue = new TimerQueue();
      for (const at of shuffled(ats, seed * 31 + size)) queue.push(timer(at));
      assert.equal(queue.size, size);
      assert.deepEqual(drain(queue, Infinity), ats, `${size} timers, shuffle ${seed}`);
      assert.equal(queue.size, 0);
    }
  }
  // Descending and ascending: every push sifts to the top, or none does.
  const down = new TimerQueue();
  for (let at = 20; at >= 1; at -= 1) down.push(timer(at));
  assert.deepEqual(
    drain(down, Infinity),
    Array.from({ length: 20 }, (_, i) => i + 1),
  );
  const up = new TimerQueue();
  for (let at = 1; at <= 20; at += 1) up.push(timer(at));
  assert.deepEqual(
    drain(up, Infinity),
    Array.from({ length: 20 }, (_, i) => i + 1),
  );
});

test('pushes between pops keep the order', () => {
  const queue = new TimerQueue();
  for (const at of [50, 10, 40, 30, 20]) queue.push(timer(at));
  assert.equal(queue.popDue(100)?.at, 10);
  assert.equal(queue.popDue(100)?.at, 20);
  for (const at of [5, 45, 25, 35]) queue.push(timer(at));
  assert.equal(queue.size, 7);
  assert.deepEqual(drain(queue, 100), [5, 25, 30, 35, 40, 45, 50]);
});

test('a timer is due at its own instant, not a millisecond before; the queue keeps the rest', () => {
  const queue = new TimerQueue();
  assert.equal(queue.popDue(Infinity), undefined, 'an empty queue has nothing due');
  for (const at of [300, 100, 200]) queue.push(timer(at));
  assert.equal(queue.popDue(99), undefined);
  assert.equal(queue.size, 3, 'nothing due takes nothing out');
  const first = queue.popDue(100);
  assert.deepEqual(first, { at: 100, kind: 'booking', id: 't100' });
  assert.equal(queue.popDue(199), undefined);
  assert.deepEqual(drain(queue, 200), [200]);
  assert.equal(queue.size, 1);
  assert.deepEqual(drain(queue, 300), [300]);
});

test('each timer comes back as pushed, the same object, once', () => {
  const queue = new TimerQueue();
  const timers = [timer(30, 'c'), timer(10, 'a'), timer(20, 'b'), timer(10, 'a2')];
  for (const each of timers) queue.push(each);
  const out: Timer[] = [];
  for (let next = queue.popDue(30); next; next = queue.popDue(30)) out.push(next);
  assert.equal(out.length, 4);
  assert.deepEqual(new Set(out), new Set(timers));
  assert.deepEqual(out.map((each) => each.id).slice(2), ['b', 'c']);
});

test('clear empties the queue, and it works as new afterwards', () => {
  const queue = new TimerQueue();
  for (const at of [3, 1, 2]) queue.push(timer(at));
  queue.clear();
  assert.equal(queue.size, 0);
  assert.equal(queue.popDue(Infinity), undefined);
  queue.push(timer(7));
  assert.deepEqual(drain(queue, 7), [7]);
});

test('timers of one instant come out in the order they went in', () => {
  // Two holds lapsing together must release (and email) in the order they were made; a heap
  // alone gives ties back in whatever order its sifts leave them.
  for (const size of [2, 3, 5, 8, 17, 40]) {
    for (const seed of [1, 2, 3]) {
      const queue = new TimerQueue();
      const pushed: string[] = [];
      const ats = shuffled(
        Array.from({ length: size }, (_, i) => (i % 3) * 10),
        seed * 7 + size,
      );
      ats.forEach((at, i) => {
        queue.push(timer(at, `t${i}`));
        pushed.push(`${at}:t${i}`);
      });
      const popped: string[] = [];
      for (let next = queue.popDue(Infinity); next; next = queue.popDue(Infinity))
        popped.push(`${next.at}:${next.id}`);
      const expected = [0, 10, 20].flatMap((at) =>
        pushed.filter((entry) => entry.startsWith(`${at}:`)),
      );
      assert.deepEqual(popped, expected, `${size} timers, shuffle ${seed}`);
    }
  }
});
