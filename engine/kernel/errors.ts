/**
 * Errors raised by the kernel. Every one is a real `Error` subclass of {@link SimError}, so callers
 * can tell a simulation fault from a programming fault with one `instanceof`.
 */

/** Base class of every error the simulation raises on purpose. */
export class SimError extends Error {
  override name = 'SimError';
}

/**
 * A bad argument to a kernel call (a negative delay, an amount above capacity, ...). The message
 * names the call and the argument, and says what was expected and what was given.
 */
export class ArgumentError extends SimError {
  override name = 'ArgumentError';
  constructor(
    /** `Class.method` or `function` that rejected the argument. */
    readonly where: string,
    /** Name of the offending argument. */
    readonly argument: string,
    /** What the argument must be. */
    readonly expected: string,
    /** The value that was given. */
    readonly got: unknown,
  ) {
    super(`${where}: ${argument} must be ${expected}; got ${describe(got)}`);
  }
}

/**
 * Thrown into a process by {@link Process.interrupt}. `cause` is whatever the interrupter passed:
 * a road closure, a breakdown, a {@link Preempted} record.
 */
export class Interrupt extends SimError {
  override name = 'Interrupt';
  constructor(override readonly cause: unknown) {
    super(`interrupted: ${describe(cause)}`);
  }
}

/** `step()` was called with nothing scheduled. */
export class EmptySchedule extends SimError {
  override name = 'EmptySchedule';
  constructor() {
    super('no events are scheduled');
  }
}

/** Which limit ended a run. */
export type LimitKind = 'events' | 'simulated-time' | 'wall-time';

/** A run reached one of its limits (events, simulated time, wall time) before it finished. */
export class LimitExceeded extends SimError {
  override name = 'LimitExceeded';
  constructor(
    readonly limit: LimitKind,
    readonly value: number,
    /** Simulated time (ticks) when the limit was hit. */
    readonly at: number,
  ) {
    const what =
      limit === 'events'
        ? `more than ${value} events`
        : limit === 'simulated-time'
          ? `an event scheduled beyond the simulated-time limit of ${value} ticks`
          : `more than ${value} ms of wall time`;
    super(`run stopped: ${what} (simulated time ${at} ticks)`);
  }
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  if (value === undefined || value === null) return String(value);
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}
