/**
 * The future event list: a binary min-heap ordered by (time, priority, sequence number).
 *
 * Priority and sequence are packed into one safe integer, `key = (priority + PRIORITY_OFFSET) *
 * SEQ_SPAN + seq`, so one comparison of two numbers orders them: a smaller priority number is more
 * urgent, and equal priorities keep the order in which they were scheduled (FIFO). Sequence numbers
 * are integers, never strings, so ties never depend on how ids sort.
 */

/** Anything the queue can hold: its `_time` and packed `_key` are set by {@link packKey}. */
export interface Scheduled {
  _time: number;
  _key: number;
}

/** Priorities must lie in [MIN_PRIORITY, MAX_PRIORITY]. */
export const MIN_PRIORITY = -(2 ** 14);
export const MAX_PRIORITY = 2 ** 14 - 1;
const PRIORITY_OFFSET = 2 ** 14;
const SEQ_SPAN = 2 ** 38;
/** Largest sequence number that still packs exactly (about 2.7e11 events per environment). */
export const MAX_SEQ = SEQ_SPAN - 1;

/** Packs a priority and a sequence number into one key that sorts as the pair would. */
export function packKey(priority: number, seq: number): number {
  return (priority + PRIORITY_OFFSET) * SEQ_SPAN + seq;
}

export class EventQueue<T extends Scheduled> {
  private readonly heap: T[] = [];

  get size(): number {
    return this.heap.length;
  }

  /** The earliest item without removing it, or undefined. */
  peek(): T | undefined {
    return this.heap[0];
  }

  push(item: T): void {
    const heap = this.heap;
    let i = heap.length;
    heap.push(item);
    const t = item._time;
    const k = item._key;
    while (i > 0) {
      const parentIndex = (i - 1) >> 1;
      const parent = heap[parentIndex]!;
      if (parent._time < t || (parent._time === t && parent._key < k)) break;
      heap[i] = parent;
      i = parentIndex;
    }
    heap[i] = item;
  }

  /** Removes and returns the earliest item, or undefined when empty. */
  pop(): T | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (top === undefined || last === undefined || heap.length === 0) return top;
    const n = heap.length;
    const t = last._time;
    const k = last._key;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      let c = heap[child]!;
      const right = child + 1;
      if (right < n) {
        const r = heap[right]!;
        if (r._time < c._time || (r._time === c._time && r._key < c._key)) {
          child = right;
          c = r;
        }
      }
      if (t < c._time || (t === c._time && k < c._key)) break;
      heap[i] = c;
      i = child;
    }
    heap[i] = last;
    return top;
  }
}
