/** Where the engine's "now" comes from. Injected so tests and the sandbox can move time. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock that only moves when told to: tests and the sandbox's time travel. */
export class ManualClock implements Clock {
  private current: number;

  constructor(start: number | string | Date = Date.now()) {
    this.current = new Date(start).getTime();
    if (Number.isNaN(this.current))
      throw new RangeError(`ManualClock: invalid start time ${String(start)}`);
  }

  now(): number {
    return this.current;
  }

  set(time: number): void {
    this.current = time;
  }

  advance(ms: number): void {
    this.current += ms;
  }
}

/** A clock running at real speed from an offset: the sandbox's "moved" clock that keeps ticking. */
export class OffsetClock implements Clock {
  constructor(
    private offsetMs = 0,
    private readonly base: Clock = systemClock,
  ) {}

  now(): number {
    return this.base.now() + this.offsetMs;
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }

  set(time: number): void {
    this.offsetMs = time - this.base.now();
  }
}
