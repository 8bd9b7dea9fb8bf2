export interface Timer {
  at: number;
  kind: 'booking' | 'hold' | 'reminder';
  id: string;
}

/** A timer and when it was pushed: ties at one instant come out in the order they went in. */
interface Entry {
  timer: Timer;
  seq: number;
}

const before = (a: Entry, b: Entry) =>
  a.timer.at < b.timer.at || (a.timer.at === b.timer.at && a.seq < b.seq);

/**
 * Deadlines in time order (a binary heap), and deadlines of one instant in the order they were
 * set, so the emails and logs of, say, two holds lapsing together follow the holds' order.
 * Entries are never removed early: whoever pops one checks that the record still has that
 * deadline, which keeps rollbacks and reschedules simple.
 */
export class TimerQueue {
  private heap: Entry[] = [];
  private pushed = 0;

  get size(): number {
    return this.heap.length;
  }

  push(timer: Timer): void {
    const heap = this.heap;
    const entry = { timer, seq: this.pushed++ };
    let index = heap.length;
    heap.push(entry);
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (before(heap[parent]!, entry)) break;
      heap[index] = heap[parent]!;
      index = parent;
    }
    heap[index] = entry;
  }

  /** Removes and returns the earliest timer due at or before `now`. */
  popDue(now: number): Timer | undefined {
    const heap = this.heap;
    const first = heap[0];
    if (!first || first.timer.at > now) return undefined;
    const last = heap.pop()!;
    if (heap.length > 0) {
      let index = 0;
      for (;;) {
        const left = index * 2 + 1;
        const right = left + 1;
        let smallest = index;
        const candidate = (child: number) =>
          child < heap.length && before(heap[child]!, smallest === index ? last : heap[smallest]!);
        if (candidate(left)) smallest = left;
        if (candidate(right)) smallest = right;
        if (smallest === index) break;
        heap[index] = heap[smallest]!;
        index = smallest;
      }
      heap[index] = last;
    }
    return first.timer;
  }

  clear(): void {
    this.heap = [];
  }
}
