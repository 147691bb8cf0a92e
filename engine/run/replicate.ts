/**
 * Running many replications: in this thread, or spread over worker threads. Each replication's
 * random streams come from (seed, replication index) alone, and the results are put back in index
 * order, so the answer is the same for any number of workers.
 */
import { prepareModel, simulate, type PreparedModel, type ReplicationResult } from '../model/build.ts';
import type { ModelInput } from '../model/input.ts';
import type { ReplicationDigest } from '../summary.ts';
import { WorkerPool } from './pool.ts';

export interface ReplicateOptions {
  replications: number;
  seed: string | number;
  /** Index of the first replication (default 0): replications first .. first + replications − 1. */
  firstReplication?: number;
  /** Worker threads; 1 runs in this thread. Default 1. Ignored when `pool` is given. */
  workers?: number;
  /**
   * A pool to run on instead of starting one (and closing it) for this call: a server's, or sizing's
   * across its evaluations. It is left open; its thread count sets the chunk size.
   */
  pool?: WorkerPool;
  /** Replications per task sent to a worker. */
  chunkSize?: number;
  onProgress?: (done: number, total: number) => void;
  /** Checked between chunks in this thread; with a pool, before the chunks are sent. */
  signal?: AbortSignal;
  /**
   * Stop by this moment (Date.now() milliseconds): every replication, in this thread or on a worker,
   * stops at it as at its wall-time limit, and none starts after it. This is how a pool's work is
   * stopped without terminating its threads (see engine/batch/run-cells.ts on piscina's aborts).
   */
  deadline?: number;
}

/** What is kept of a replication for summaries (no trips, no trace). */
export function digestOf(r: ReplicationResult): ReplicationDigest {
  return { replication: r.replication, missions: r.missions, depots: r.depots, events: r.events };
}

/** The error of work stopped at its deadline. */
export class DeadlinePassed extends Error {
  override name = 'DeadlinePassed';
}

/** Runs the given replications in this thread; none starts after `deadline` (Date.now() ms). */
export function runIndices(model: ModelInput | PreparedModel, seed: string | number, indices: readonly number[], deadline?: number): ReplicationDigest[] {
  const prepared = 'routes' in model ? model : prepareModel(model);
  return indices.map((replication) => {
    if (deadline !== undefined && Date.now() >= deadline) throw new DeadlinePassed(`stopped at the deadline before replication ${replication}`);
    return digestOf(simulate(prepared, { seed, replication, ...(deadline !== undefined && { deadline }) }));
  });
}

function chunks(first: number, count: number, size: number): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < count; i += size) out.push(Array.from({ length: Math.min(size, count - i) }, (_, k) => first + i + k));
  return out;
}

/**
 * Runs `replications` replications and returns their digests in index order.
 * @throws the first replication's error (a LimitExceeded, say), or AbortError if `signal` aborts.
 */
export async function runReplications(input: ModelInput, options: ReplicateOptions): Promise<ReplicationDigest[]> {
  const { replications, seed, firstReplication = 0, onProgress, signal, deadline } = options;
  const workers = options.pool?.threads ?? options.workers ?? 1;
  if (!Number.isSafeInteger(replications) || replications < 1) throw new RangeError(`replications must be a whole number ≥ 1; got ${replications}`);
  if (!Number.isSafeInteger(workers) || workers < 1) throw new RangeError(`workers must be a whole number ≥ 1; got ${workers}`);
  const size = options.chunkSize ?? Math.max(1, Math.min(50, Math.ceil(replications / (workers * 8))));
  const parts = chunks(firstReplication, replications, size);
  const results: ReplicationDigest[][] = [];
  let done = 0;
  if (workers === 1 && options.pool === undefined) {
    const prepared = prepareModel(input);
    for (const part of parts) {
      signal?.throwIfAborted();
      results.push(runIndices(prepared, seed, part, deadline));
      done += part.length;
      onProgress?.(done, replications);
      // Let timers and signals through between chunks.
      await new Promise((resolve) => setImmediate(resolve));
    }
  } else {
    signal?.throwIfAborted();
    const pool = options.pool ?? new WorkerPool(workers);
    try {
      const settled = await Promise.allSettled(
        parts.map(async (part, i) => {
          results[i] = await pool.run({ input, seed, indices: part, ...(deadline !== undefined && { deadline }) });
          done += part.length;
          onProgress?.(done, replications);
        }),
      );
      // Only once every chunk has settled: nothing of this call is left running on the pool.
      const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
      if (failed !== undefined) throw failed.reason;
    } finally {
      if (options.pool === undefined) await pool.close();
    }
  }
  return results.flat().sort((a, b) => a.replication - b.replication);
}
