/**
 * Events: the things processes wait for. An event is pending, then triggered (it has a value or an
 * error and sits in the event list), then processed (its callbacks have run). This is SimPy's
 * event life cycle (simpy/events.py).
 */
import type { Environment } from './environment.ts';
import { ArgumentError } from './errors.ts';

/** Priority of events that must run before ordinary events at the same time (process starts, interrupts). */
export const URGENT = 0;
/** Priority of ordinary events. */
export const NORMAL = 1;

const PENDING = 0;
const TRIGGERED = 1;
const PROCESSED = 2;

/** Run when an event is processed, with the event. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Callback = (event: SimEvent<any>) => void;

/**
 * An event that happens once. Call {@link succeed} or {@link fail} to trigger it; it is then
 * processed at the current simulated time, after the events already scheduled for that time and
 * priority.
 */
export class SimEvent<T = unknown> {
  /** Callbacks run when the event is processed; null afterwards. */
  callbacks: Callback[] | null = [];
  /** Set to true by whoever handles a failure, so that the run does not stop on it. */
  defused = false;
  /** @internal scheduling key, set by the environment */
  _time = 0;
  /** @internal scheduling key, set by the environment */
  _key = 0;
  /** @internal */
  _state = PENDING;
  /** @internal */
  _ok = true;
  /** @internal */
  _value: unknown = undefined;

  constructor(readonly env: Environment) {}

  /** True once the event has a value or an error (it may not have been processed yet). */
  get triggered(): boolean {
    return this._state !== PENDING;
  }

  /** True once the event's callbacks have run. */
  get processed(): boolean {
    return this._state === PROCESSED;
  }

  /** True if the event succeeded. Throws if it has not been triggered yet. */
  get ok(): boolean {
    if (this._state === PENDING) throw new ArgumentError('SimEvent.ok', 'event', 'triggered', 'a pending event');
    return this._ok;
  }

  /** The value (or the error) of a triggered event. Throws if it has not been triggered yet. */
  get value(): T {
    if (this._state === PENDING) throw new ArgumentError('SimEvent.value', 'event', 'triggered', 'a pending event');
    return this._value as T;
  }

  /** Triggers the event with a value; it will be processed at the current time. */
  succeed(value?: T, priority: number = NORMAL): this {
    if (this._state !== PENDING) throw new ArgumentError('SimEvent.succeed', 'event', 'pending', 'an event already triggered');
    this._ok = true;
    this._value = value;
    this.env.schedule(this, priority, 0);
    return this;
  }

  /** Triggers the event with an error; whoever waits for it receives the error thrown. */
  fail(error: Error, priority: number = NORMAL): this {
    if (this._state !== PENDING) throw new ArgumentError('SimEvent.fail', 'event', 'pending', 'an event already triggered');
    if (!(error instanceof Error)) throw new ArgumentError('SimEvent.fail', 'error', 'an Error', error);
    this._ok = false;
    this._value = error;
    this.env.schedule(this, priority, 0);
    return this;
  }

  /** Triggers this event with the outcome of another, triggered event. */
  trigger(other: SimEvent<T>): this {
    return other._ok ? this.succeed(other._value as T) : this.fail(other._value as Error);
  }

  /** @internal marks the event as scheduled; used by the environment */
  _markTriggered(): void {
    this._state = TRIGGERED;
  }

  /** @internal runs the callbacks; used by the environment */
  _process(): void {
    const callbacks = this.callbacks!;
    this.callbacks = null;
    this._state = PROCESSED;
    for (let i = 0; i < callbacks.length; i++) callbacks[i]!(this);
  }
}

/** An event that succeeds `delay` ticks after it is created. */
export class Timeout<T = undefined> extends SimEvent<T> {
  constructor(
    env: Environment,
    readonly delay: number,
    value?: T,
  ) {
    super(env);
    this._value = value;
    env.schedule(this, NORMAL, delay);
  }
}

/**
 * The value of a condition: the events that had been processed when the condition was processed,
 * in the order given to the condition, with their values.
 */
export class ConditionValue {
  constructor(readonly events: readonly SimEvent[]) {}

  has(event: SimEvent): boolean {
    return this.events.includes(event);
  }

  get<T>(event: SimEvent<T>): T {
    if (!this.has(event)) throw new ArgumentError('ConditionValue.get', 'event', 'one of the events in the condition value', 'another event');
    return event._value as T;
  }

  /** Values of the events, in the order the events were given. */
  values(): unknown[] {
    return this.events.map((e) => e._value);
  }
}

/**
 * An event that succeeds when `evaluate(events, done)` is true of its events (`done` = how many
 * have succeeded), and fails as soon as one of them fails. With no events it succeeds at once.
 */
export class Condition extends SimEvent<ConditionValue> {
  private done = 0;
  private readonly check: Callback;

  constructor(
    env: Environment,
    private readonly evaluate: (events: readonly SimEvent[], done: number) => boolean,
    readonly events: readonly SimEvent[],
  ) {
    super(env);
    for (const e of events) {
      if (!(e instanceof SimEvent)) throw new ArgumentError('Condition', 'events', 'SimEvents', e);
      if (e.env !== env) throw new ArgumentError('Condition', 'events', 'events of the same environment', 'an event of another environment');
    }
    this.check = (e) => this.onEvent(e);
    // The value is collected when the condition itself is processed, so events processed at the
    // same instant before it are included (SimPy's ConditionValue semantics).
    this.callbacks!.push(() => this.collectValue());
    if (events.length === 0) {
      this.succeed(new ConditionValue([]));
      return;
    }
    for (const e of events) {
      if (e.callbacks === null) this.onEvent(e);
      else e.callbacks.push(this.check);
      if (this._state !== PENDING) break;
    }
  }

  private onEvent(event: SimEvent): void {
    if (this._state !== PENDING) return;
    if (!event._ok) {
      event.defused = true;
      this.detach();
      this.fail(event._value as Error);
      return;
    }
    this.done++;
    if (this.evaluate(this.events, this.done)) {
      this.detach();
      this.succeed(undefined);
    }
  }

  /** Stops listening to events still pending, so a losing event resumes nothing later. */
  private detach(): void {
    for (const e of this.events) {
      const cbs = e.callbacks;
      if (cbs === null) continue;
      const i = cbs.indexOf(this.check);
      if (i >= 0) cbs.splice(i, 1);
    }
  }

  private collectValue(): void {
    if (this._ok) this._value = new ConditionValue(this.events.filter((e) => e.callbacks === null && e._ok));
  }
}

/** Succeeds when every event has succeeded. */
export class AllOf extends Condition {
  constructor(env: Environment, events: readonly SimEvent[]) {
    super(env, (evs, done) => done === evs.length, events);
  }
}

/** Succeeds when at least one event has succeeded. */
export class AnyOf extends Condition {
  constructor(env: Environment, events: readonly SimEvent[]) {
    super(env, (_evs, done) => done > 0, events);
  }
}
