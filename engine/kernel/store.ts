/**
 * Store: discrete items (trucks waiting at a depot, parcels). Puts wait while the store is full.
 * Gets are served in arrival order; a get with a filter takes the first item it accepts, and a get
 * whose filter accepts nothing yet does not hold up later gets (SimPy's FilterStore).
 */
import type { Environment } from './environment.ts';
import { ArgumentError } from './errors.ts';
import { SimEvent } from './events.ts';

export interface StoreOptions {
  /** Most items held at once (a whole number ≥ 1, or Infinity). Default Infinity. */
  capacity?: number;
  name?: string;
}

/** A waiting put (succeeds with the item) or get (succeeds with the item taken). */
export class StoreRequest<T> extends SimEvent<T> {
  done = false;
  constructor(
    readonly store: Store<T>,
    readonly kind: 'put' | 'get',
    readonly item: T | undefined,
    readonly filter: ((item: T) => boolean) | undefined,
  ) {
    super(store.env);
  }

  /** Withdraws the request if it still waits. */
  cancel(): void {
    this.store.withdraw(this);
  }
}

export class Store<T> {
  readonly capacity: number;
  readonly name: string | undefined;
  private readonly stock: T[] = [];
  private readonly puts: StoreRequest<T>[] = [];
  private readonly gets: StoreRequest<T>[] = [];

  constructor(
    readonly env: Environment,
    options: StoreOptions = {},
  ) {
    const { capacity = Infinity, name } = options;
    if (!(capacity === Infinity || (Number.isSafeInteger(capacity) && capacity >= 1))) {
      throw new ArgumentError('Store', 'capacity', 'a whole number ≥ 1 or Infinity', capacity);
    }
    this.capacity = capacity;
    this.name = name;
  }

  /** Items held now, oldest first (read-only view). */
  get items(): readonly T[] {
    return this.stock;
  }

  put(item: T): StoreRequest<T> {
    const request = new StoreRequest<T>(this, 'put', item, undefined);
    this.puts.push(request);
    this.serve();
    return request;
  }

  /** Takes the oldest item, or the oldest that `filter` accepts. */
  get(filter?: (item: T) => boolean): StoreRequest<T> {
    if (filter !== undefined && typeof filter !== 'function') throw new ArgumentError('Store.get', 'filter', 'a function or undefined', filter);
    const request = new StoreRequest<T>(this, 'get', undefined, filter);
    this.gets.push(request);
    this.serve();
    return request;
  }

  /** @internal used by StoreRequest.cancel */
  withdraw(request: StoreRequest<T>): void {
    if (request.done) return;
    const queue = request.kind === 'put' ? this.puts : this.gets;
    const i = queue.indexOf(request);
    if (i >= 0) queue.splice(i, 1);
    this.serve();
  }

  private serve(): void {
    let moved = true;
    while (moved) {
      moved = false;
      while (this.puts.length > 0 && this.stock.length < this.capacity) {
        const p = this.puts.shift()!;
        this.stock.push(p.item as T);
        p.done = true;
        p.succeed(p.item);
        moved = true;
      }
      for (let g = 0; g < this.gets.length && this.stock.length > 0; ) {
        const get = this.gets[g]!;
        const i = get.filter === undefined ? 0 : this.stock.findIndex(get.filter);
        if (i < 0) {
          g++;
          continue;
        }
        const [item] = this.stock.splice(i, 1);
        this.gets.splice(g, 1);
        get.done = true;
        get.succeed(item);
        moved = true;
      }
    }
  }
}
