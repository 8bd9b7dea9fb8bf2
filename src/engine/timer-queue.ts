export interface Timer {
  at: number;
  kind: 'booking' | 'hold' | 'reminder';
  id: string;
}

/**
 * Deadlines in time order (a binary heap). Entries are never removed early: whoever pops one
 * checks that the record still has that deadline, which keeps rollbacks and reschedules simple.
 */
export class TimerQueue {
  private heap: Timer[] = [];

  get size(): number {
    return this.heap.length;
  }

  push(timer: Timer): void {
    const heap = this.heap;
    heap.push(timer);
    let index = heap.length - 1;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (heap[parent]!.at <= timer.at) break;
      heap[index] = heap[parent]!;
      index = parent;
    }
    heap[index] = timer;
  }

  /** Removes and returns the earliest timer due at or before `now`. */
  popDue(now: number): Timer | undefined {
    const heap = this.heap;
    const first = heap[0];
    if (!first || first.at > now) return undefined;
    const last = heap.pop()!;
    if (heap.length > 0) {
      let index = 0;
      for (;;) {
        const left = index * 2 + 1;
        const right = left + 1;
        let smallest = index;
        const candidate = (child: number) =>
          child < heap.length &&
          heap[child]!.at < (smallest === index ? last.at : heap[smallest]!.at);
        if (candidate(left)) smallest = left;
        if (candidate(right)) smallest = right;
        if (smallest === index) break;
        heap[index] = heap[smallest]!;
        index = smallest;
      }
      heap[index] = last;
    }
    return first;
  }

  clear(): void {
    this.heap = [];
  }
}
