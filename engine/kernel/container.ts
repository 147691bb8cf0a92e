/**
 * Container: a bulk level with a capacity (fuel in a tank, pallets in a buffer, kit in stock).
 * Amounts are whole numbers of the model's unit (grams, litres, pallets): comparisons against the
 * capacity are then exact, so a load equal to the capacity always fits (0.1 + 0.2 + 0.3 t of a
 * 0.6 t truck, in kilograms, is 600 = 600, not 0.6000000000000001 > 0.6).
 *
 * Puts and gets each wait in strict arrival order. After every change the container serves as many
 * waiting puts and gets as now fit, repeating until neither can move.
 */
import type { Environment } from './environment.ts';
import { ArgumentError } from './errors.ts';
import { SimEvent } from './events.ts';
import { TimeWeighted } from './monitors.ts';

export interface ContainerOptions {
  /** Largest level (a whole number ≥ 1). */
  capacity: number;
  /** Starting level (a whole number in [0, capacity]). Default 0. */
  init?: number;
  /** Keep time-weighted statistics of the level. */
  monitor?: boolean;
  name?: string;
}

/** A waiting put or get; succeeds (with the amount) when done. */
export class ContainerRequest extends SimEvent<number> {
  done = false;
  constructor(
    readonly container: Container,
    readonly kind: 'put' | 'get',
    readonly amount: number,
  ) {
    super(container.env);
  }

  /** Withdraws the request if it still waits; a completed put or get cannot be undone. */
  cancel(): void {
    this.container.withdraw(this);
  }
}

export class Container {
  readonly capacity: number;
  readonly name: string | undefined;
  private lvl: number;
  private readonly puts: ContainerRequest[] = [];
  private readonly gets: ContainerRequest[] = [];
  /** Time-weighted level (when created with `monitor`). */
  readonly levelStats: TimeWeighted | null;

  constructor(
    readonly env: Environment,
    options: ContainerOptions,
  ) {
    const { capacity, init = 0, monitor = false, name } = options;
    if (!Number.isSafeInteger(capacity) || capacity < 1) throw new ArgumentError('Container', 'capacity', 'a whole number ≥ 1', capacity);
    if (!Number.isSafeInteger(init) || init < 0 || init > capacity) throw new ArgumentError('Container', 'init', `a whole number in [0, ${capacity}]`, init);
    this.capacity = capacity;
    this.lvl = init;
    this.name = name;
    this.levelStats = monitor ? new TimeWeighted(env.now, init) : null;
  }

  get level(): number {
    return this.lvl;
  }
  /** Waiting puts and gets. */
  get waiting(): { puts: number; gets: number } {
    return { puts: this.puts.length, gets: this.gets.length };
  }

  /** Adds `amount` when there is room. @throws ArgumentError unless amount is a whole number in [1, capacity]. */
  put(amount: number): ContainerRequest {
    this.check('put', amount);
    const request = new ContainerRequest(this, 'put', amount);
    this.puts.push(request);
    this.serve();
    return request;
  }

  /** Takes `amount` when the level allows. @throws ArgumentError unless amount is a whole number in [1, capacity]. */
  get(amount: number): ContainerRequest {
    this.check('get', amount);
    const request = new ContainerRequest(this, 'get', amount);
    this.gets.push(request);
    this.serve();
    return request;
  }

  /** @internal used by ContainerRequest.cancel */
  withdraw(request: ContainerRequest): void {
    if (request.done) return;
    const queue = request.kind === 'put' ? this.puts : this.gets;
    const i = queue.indexOf(request);
    if (i < 0) return;
    queue.splice(i, 1);
    if (i === 0) this.serve(); // a blocked head left: those behind may move
  }

  private check(kind: 'put' | 'get', amount: number): void {
    if (!Number.isSafeInteger(amount) || amount < 1 || amount > this.capacity) {
      const label = this.name === undefined ? 'Container' : `Container ${this.name}`;
      throw new ArgumentError(`${label}.${kind}`, 'amount', `a whole number in [1, ${this.capacity}] (use an integer unit such as grams)`, amount);
    }
  }

  private serve(): void {
    let moved = true;
    while (moved) {
      moved = false;
      while (this.puts.length > 0 && this.puts[0]!.amount <= this.capacity - this.lvl) {
        const p = this.puts.shift()!;
        this.lvl += p.amount;
        this.finish(p);
        moved = true;
      }
      while (this.gets.length > 0 && this.gets[0]!.amount <= this.lvl) {
        const g = this.gets.shift()!;
        this.lvl -= g.amount;
        this.finish(g);
        moved = true;
      }
    }
  }

  private finish(request: ContainerRequest): void {
    request.done = true;
    this.levelStats?.record(this.env.now, this.lvl);
    request.succeed(request.amount);
  }
}
