/**
 * The environment: the simulated clock and the future event list. All state of one simulation
 * hangs off one Environment, so many simulations can live in one process (SimPy's `Environment`).
 *
 * Time is an integer number of ticks. The kernel gives ticks no unit; a model picks one (the
 * logistics model uses milliseconds) and converts its inputs once, with {@link ticks}, so that
 * decimal inputs add up exactly: 0.1 h + 0.2 h is 360000 + 720000 = 1080000 ms, which is 0.3 h.
 */
import { ArgumentError, EmptySchedule, LimitExceeded } from './errors.ts';
import { EventQueue, MAX_PRIORITY, MAX_SEQ, MIN_PRIORITY, packKey } from './event-queue.ts';
import { AllOf, AnyOf, NORMAL, SimEvent, Timeout } from './events.ts';
import { Process, type ProcessGenerator } from './process.ts';

/** Options of {@link Environment.run}. Every limit ends the run with a {@link LimitExceeded} error. */
export interface RunOptions {
  /** Horizon in ticks, half-open: events at exactly `until` are left for a later run; the clock ends at `until`. */
  until?: number;
  /** Most events this call may process. */
  maxEvents?: number;
  /** An event later than this (ticks) means something runs away: stop with an error instead. */
  maxTime?: number;
  /** Most wall-clock milliseconds this call may take (checked every 1024 events). */
  maxWallMs?: number;
}

/** Converts an amount of some unit to whole ticks, rounding to the nearest tick. */
export function ticks(amount: number, ticksPerUnit: number): number {
  if (!Number.isFinite(amount)) {
    if (amount === Infinity) return Infinity;
    throw new ArgumentError('ticks', 'amount', 'a finite number or Infinity', amount);
  }
  if (!(ticksPerUnit > 0) || !Number.isFinite(ticksPerUnit)) throw new ArgumentError('ticks', 'ticksPerUnit', 'a positive finite number', ticksPerUnit);
  return Math.round(amount * ticksPerUnit);
}

export class Environment {
  private _now: number;
  private readonly queue = new EventQueue<SimEvent<unknown>>();
  private seq = 0;
  /** @internal set by Process while it runs */
  _active: Process<unknown> | null = null;
  /** Events processed since the environment was created. */
  eventsProcessed = 0;

  /** @param initialTime starting clock, in ticks (a whole number ≥ 0). */
  constructor(initialTime = 0) {
    if (!Number.isSafeInteger(initialTime) || initialTime < 0) throw new ArgumentError('Environment', 'initialTime', 'a whole number of ticks ≥ 0', initialTime);
    this._now = initialTime;
  }

  /** Current simulated time, in ticks. */
  get now(): number {
    return this._now;
  }

  /** The process whose generator is running right now, or null. */
  get activeProcess(): Process<unknown> | null {
    return this._active;
  }

  /** Number of events waiting in the event list. */
  get pending(): number {
    return this.queue.size;
  }

  /**
   * Puts a triggered event in the event list, `delay` ticks from now. A delay of +Infinity means
   * "never": the event counts as triggered but is never processed.
   * @throws ArgumentError if delay is not a whole number ≥ 0 (or +Infinity), or priority is out of range.
   */
  schedule(event: SimEvent<any>, priority: number = NORMAL, delay = 0): void {
    if (!(delay >= 0 && Number.isSafeInteger(delay))) {
      if (delay === Infinity) {
        event._markTriggered();
        return;
      }
      throw new ArgumentError('Environment.schedule', 'delay', 'a whole number of ticks ≥ 0 (or Infinity for never)', delay);
    }
    if (priority !== NORMAL && priority !== 0 && !(Number.isInteger(priority) && priority >= MIN_PRIORITY && priority <= MAX_PRIORITY)) {
      throw new ArgumentError('Environment.schedule', 'priority', `an integer in [${MIN_PRIORITY}, ${MAX_PRIORITY}]`, priority);
    }
    const time = this._now + delay;
    if (!Number.isSafeInteger(time)) throw new ArgumentError('Environment.schedule', 'delay', 'small enough that now + delay is a safe integer', delay);
    if (this.seq > MAX_SEQ) throw new ArgumentError('Environment.schedule', 'event', `at most ${MAX_SEQ + 1} scheduled events per environment`, this.seq);
    event._time = time;
    event._key = packKey(priority, this.seq++);
    event._markTriggered();
    this.queue.push(event);
  }

  /** Time of the next event, or Infinity if none is scheduled. */
  peek(): number {
    const next = this.queue.peek();
    return next === undefined ? Infinity : next._time;
  }

  /**
   * Processes the next event.
   * @throws EmptySchedule if nothing is scheduled; rethrows the error of a failed event nobody handled.
   */
  step(): void {
    const event = this.queue.pop();
    if (event === undefined) throw new EmptySchedule();
    this.processEvent(event);
  }

  private processEvent(event: SimEvent<unknown>): void {
    this._now = event._time;
    this.eventsProcessed++;
    event._process();
    if (!event._ok && !event.defused) throw event._value;
  }

  /**
   * Runs until no events remain, or until the horizon `until` (half-open: events at exactly `until`
   * stay scheduled, and the clock is set to `until` even if no event is due then).
   * @throws ArgumentError for a horizon in the past or a non-integer one.
   * @throws LimitExceeded when a limit in `options` is reached; the error of a failed event nobody handled.
   */
  run(options: RunOptions = {}): void {
    const { until = Infinity, maxEvents = Infinity, maxTime = Infinity, maxWallMs = Infinity } = options;
    if (until !== Infinity && !(Number.isSafeInteger(until) && until >= this._now)) {
      throw new ArgumentError('Environment.run', 'until', `a whole number of ticks ≥ now (${this._now})`, until);
    }
    for (const [name, value] of [['maxEvents', maxEvents], ['maxTime', maxTime], ['maxWallMs', maxWallMs]] as const) {
      if (!(value >= 0)) throw new ArgumentError('Environment.run', name, 'a number ≥ 0', value);
    }
    const queue = this.queue;
    const checkWall = maxWallMs !== Infinity;
    const started = checkWall ? performance.now() : 0;
    let processed = 0;
    for (;;) {
      const next = queue.peek();
      if (next === undefined || next._time >= until) break;
      if (next._time > maxTime) throw new LimitExceeded('simulated-time', maxTime, this._now);
      if (processed >= maxEvents) throw new LimitExceeded('events', maxEvents, this._now);
      if (checkWall && (processed & 1023) === 0 && performance.now() - started > maxWallMs) {
        throw new LimitExceeded('wall-time', maxWallMs, this._now);
      }
      queue.pop();
      processed++;
      this.processEvent(next);
    }
    if (until !== Infinity) this._now = until;
  }

  /** A new pending event, to be triggered by hand with `succeed` or `fail`. */
  event<T = unknown>(): SimEvent<T> {
    return new SimEvent<T>(this);
  }

  /** An event that succeeds with `value` after `delay` ticks (a whole number ≥ 0, or Infinity for never). */
  timeout<T = undefined>(delay: number, value?: T): Timeout<T> {
    return new Timeout<T>(this, delay, value);
  }

  /** Starts a process from a generator; it runs its first step at the current time. */
  process<R>(generator: ProcessGenerator<R>, name?: string): Process<R> {
    return new Process<R>(this, generator, name);
  }

  /** An event that succeeds when all `events` have succeeded (at once if there are none). */
  allOf(events: readonly SimEvent<any>[]): AllOf {
    return new AllOf(this, events);
  }

  /** An event that succeeds when any of `events` has succeeded. */
  anyOf(events: readonly SimEvent<any>[]): AnyOf {
    return new AnyOf(this, events);
  }
}
