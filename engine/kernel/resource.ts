/**
 * Resource: a pool of identical units (loading bays, forklifts, crews) that requests hold and
 * release. Requests are served strictly first come, first served within a priority class (a
 * smaller number is more urgent): a request never overtakes an earlier one that still waits, even
 * if it is smaller. With `preemptive`, a more urgent request may take units from less urgent
 * holders, who receive an {@link Interrupt} whose cause is a {@link Preempted} record.
 */
import type { Environment } from './environment.ts';
import { ArgumentError, Interrupt } from './errors.ts';
import { SimEvent } from './events.ts';
import { TimeWeighted } from './monitors.ts';
import type { Process, ProcessGenerator } from './process.ts';

export interface ResourceOptions {
  /** Units available now (a whole number ≥ 0). */
  capacity: number;
  /** Largest capacity the resource can ever have (for {@link Resource.setCapacity}); defaults to `capacity`. */
  maxCapacity?: number;
  /** Whether urgent requests may take units from less urgent holders. */
  preemptive?: boolean;
  /** Keep time-weighted statistics of units in use and requests waiting. */
  monitor?: boolean;
  name?: string;
}

export interface RequestOptions {
  /** Units wanted (a whole number, 1 ≤ amount ≤ maxCapacity). Default 1. */
  amount?: number;
  /** Smaller is more urgent. Default 0. */
  priority?: number;
  /** On a preemptive resource, whether this request may preempt. Default true. */
  preempt?: boolean;
}

/** Cause of the interrupt a preempted holder receives. */
export class Preempted {
  constructor(
    /** The process whose request took the units (null if it was made outside a process). */
    readonly by: Process<unknown> | null,
    /** When the preempted request had been granted (ticks). */
    readonly usageSince: number,
    readonly resource: Resource,
    readonly request: Request,
  ) {}
}

type RequestState = 'waiting' | 'granted' | 'released' | 'cancelled' | 'preempted';

/** A request for units of a {@link Resource}; it succeeds (with itself) when the units are granted. */
export class Request extends SimEvent<Request> {
  /** When the request was made (ticks). */
  readonly time: number;
  /** When the units were granted (ticks), or null. */
  usageSince: number | null = null;
  /** The process that made the request (it receives the interrupt if preempted). */
  readonly owner: Process<unknown> | null;
  state: RequestState = 'waiting';

  constructor(
    readonly resource: Resource,
    readonly amount: number,
    readonly priority: number,
    readonly preempt: boolean,
    /** Order of arrival at this resource. */
    readonly seq: number,
  ) {
    super(resource.env);
    this.time = resource.env.now;
    this.owner = resource.env.activeProcess;
  }

  /**
   * Gives the request up: leaves the queue if still waiting, releases the units if granted. Safe to
   * call more than once and after preemption, so it belongs in a `finally`.
   */
  cancel(): void {
    this.resource.release(this);
  }

  /** Same as {@link cancel}; lets `using request = resource.request()` release at the end of a block. */
  [Symbol.dispose](): void {
    this.cancel();
  }
}

export class Resource {
  private cap: number;
  readonly maxCapacity: number;
  readonly preemptive: boolean;
  readonly name: string | undefined;
  private used = 0;
  private seq = 0;
  /** Requests holding units, in the order they were granted. */
  readonly users: Request[] = [];
  /** Requests waiting, in service order: (priority, arrival). */
  readonly queue: Request[] = [];
  /** Time-weighted units in use (when created with `monitor`). */
  readonly inUseStats: TimeWeighted | null;
  /** Time-weighted number of waiting requests (when created with `monitor`). */
  readonly queueStats: TimeWeighted | null;

  constructor(
    readonly env: Environment,
    options: ResourceOptions,
  ) {
    const { capacity, maxCapacity = capacity, preemptive = false, monitor = false, name } = options;
    if (!Number.isSafeInteger(capacity) || capacity < 0) throw new ArgumentError('Resource', 'capacity', 'a whole number ≥ 0', capacity);
    if (!Number.isSafeInteger(maxCapacity) || maxCapacity < capacity || maxCapacity < 1) {
      throw new ArgumentError('Resource', 'maxCapacity', `a whole number ≥ capacity (${capacity}) and ≥ 1`, maxCapacity);
    }
    this.cap = capacity;
    this.maxCapacity = maxCapacity;
    this.preemptive = preemptive;
    this.name = name;
    this.inUseStats = monitor ? new TimeWeighted(env.now, 0) : null;
    this.queueStats = monitor ? new TimeWeighted(env.now, 0) : null;
  }

  get capacity(): number {
    return this.cap;
  }
  /** Units held now. */
  get inUse(): number {
    return this.used;
  }
  /** Units free now (never negative, even after the capacity was lowered). */
  get available(): number {
    return Math.max(0, this.cap - this.used);
  }

  /**
   * Asks for units. Yield the returned request to wait until they are granted, and cancel it in a
   * `finally` so that an interrupt never leaks them.
   * @throws ArgumentError if amount is not a whole number in [1, maxCapacity] or priority is not an integer.
   */
  request(options: RequestOptions = {}): Request {
    const { amount = 1, priority = 0, preempt = true } = options;
    if (!Number.isSafeInteger(amount) || amount < 1 || amount > this.maxCapacity) {
      throw new ArgumentError(`${this.label}.request`, 'amount', `a whole number in [1, ${this.maxCapacity}]`, amount);
    }
    if (!Number.isSafeInteger(priority)) throw new ArgumentError(`${this.label}.request`, 'priority', 'an integer', priority);
    const request = new Request(this, amount, priority, preempt, this.seq++);
    const q = this.queue;
    let i = q.length;
    while (i > 0 && q[i - 1]!.priority > priority) i--;
    q.splice(i, 0, request);
    this.grant();
    this.recordQueue();
    return request;
  }

  /** Releases a granted request or withdraws a waiting one; does nothing if already done. */
  release(request: Request): void {
    if (request.resource !== this) throw new ArgumentError(`${this.label}.release`, 'request', 'a request of this resource', 'a request of another resource');
    if (request.state === 'waiting') {
      const i = this.queue.indexOf(request);
      if (i >= 0) this.queue.splice(i, 1);
      request.state = 'cancelled';
      this.grant(); // the head may have changed
      this.recordQueue();
    } else if (request.state === 'granted') {
      this.removeUser(request);
      request.state = 'released';
      this.grant();
      this.recordQueue();
    }
  }

  /**
   * Changes the number of units (crews coming on duty, a dock closing). Lowering it below the units
   * in use takes nothing away from holders; new requests wait until enough are free.
   * @throws ArgumentError if capacity is not a whole number in [0, maxCapacity].
   */
  setCapacity(capacity: number): void {
    if (!Number.isSafeInteger(capacity) || capacity < 0 || capacity > this.maxCapacity) {
      throw new ArgumentError(`${this.label}.setCapacity`, 'capacity', `a whole number in [0, ${this.maxCapacity}]`, capacity);
    }
    this.cap = capacity;
    this.grant();
    this.recordQueue();
  }

  private get label(): string {
    return this.name === undefined ? 'Resource' : `Resource ${this.name}`;
  }

  private grant(): void {
    const q = this.queue;
    while (q.length > 0) {
      const head = q[0]!;
      if (this.cap - this.used < head.amount && !(this.preemptive && head.preempt && this.preemptFor(head))) break;
      q.shift();
      head.state = 'granted';
      head.usageSince = this.env.now;
      this.users.push(head);
      this.used += head.amount;
      this.inUseStats?.record(this.env.now, this.used);
      head.succeed(head);
    }
  }

  /** Frees units for `head` by preempting less urgent holders, if that is enough; else changes nothing. */
  private preemptFor(head: Request): boolean {
    const candidates = this.users.filter((u) => u.priority > head.priority);
    let freed = this.cap - this.used;
    for (const c of candidates) freed += c.amount;
    if (freed < head.amount) return false;
    // Victims: least urgent first, then the most recently granted, then the latest to arrive.
    candidates.sort((a, b) => b.priority - a.priority || b.usageSince! - a.usageSince! || b.seq - a.seq);
    for (const victim of candidates) {
      if (this.cap - this.used >= head.amount) break;
      this.removeUser(victim);
      victim.state = 'preempted';
      const owner = victim.owner;
      // A process that preempts its own request learns of it from `state`, not by interrupting itself.
      if (owner !== null && owner.isAlive && owner !== this.env.activeProcess) owner.interrupt(new Preempted(head.owner, victim.usageSince!, this, victim));
    }
    return true;
  }

  private removeUser(request: Request): void {
    const i = this.users.indexOf(request);
    if (i >= 0) this.users.splice(i, 1);
    this.used -= request.amount;
    this.inUseStats?.record(this.env.now, this.used);
  }

  private recordQueue(): void {
    this.queueStats?.record(this.env.now, this.queue.length);
  }
}

/**
 * Holds `amount` units of `resource` for `duration` ticks of work. If preempted, waits in line again
 * and then does only the work that remained (resume, not restart). Use with `yield*`.
 * Returns the time the work finished.
 */
export function* useResource(
  resource: Resource,
  duration: number,
  options: RequestOptions = {},
): ProcessGenerator<number> {
  const env = resource.env;
  let remaining = duration;
  for (;;) {
    const request = resource.request(options);
    try {
      yield request;
      const started = env.now;
      try {
        yield env.timeout(remaining);
        return env.now;
      } catch (error) {
        if (error instanceof Interrupt && error.cause instanceof Preempted && error.cause.request === request) {
          remaining -= env.now - started;
          continue;
        }
        throw error;
      }
    } finally {
      request.cancel();
    }
  }
}
