/**
 * Running the cells of a batch: each cell is a model input run for a number of replications, cut into
 * chunks of replications that go to the worker pool in cell order, a few more than there are workers
 * in flight, so that both cores stay busy to the end of the batch (one task a cell would leave a core
 * idle while the last cell runs). A cell is summarised when its last chunk is back, and handed to
 * `onCell` at once: records arrive in the order cells finish, and each is complete.
 *
 * A cell's result does not depend on how it was cut or on which worker ran which chunk: replication i
 * always draws from streams seeded by (seed, i, purpose), and the summary sorts replications by index.
 * Neither does a failure: the error recorded is that of the lowest failing replication (chunks after a
 * failed one are not started, chunks before it always finish).
 */
import { prepareModel } from '../model/build.ts';
import type { ModelInput } from '../model/input.ts';
import { runIndices } from '../run/replicate.ts';
import { WorkerPool } from '../run/pool.ts';
import { summarise, type ReplicationDigest } from '../summary.ts';
import { targetRecords, type CellError, type CellRecord, type JsonValue } from './record.ts';

/** What a cell runs, once its scenario has loaded. */
export interface CellSetup {
  input: ModelInput;
  seed: string | number;
  requiredConfidence: number;
  /** Mission ids to record, in this order; null: every mission. */
  targets: string[] | null;
}

/** One cell to run. `setup` is called only when the cell's turn comes (never for a cell not run). */
export interface CellJob {
  index: number;
  id: string;
  axes: Record<string, JsonValue>;
  replications: number;
  setup(): { ok: true; setup: CellSetup } | { ok: false; error: CellError };
}

export interface CellsProgress {
  cellsDone: number;
  cellsFailed: number;
  cellsTotal: number;
  replicationsDone: number;
  replicationsTotal: number;
}

export interface RunCellsOptions {
  /** Worker threads; 1 runs in this thread. Default 1. */
  workers?: number;
  /** Replications per task (default 25: a few hundred milliseconds of work on the baseline). */
  chunkSize?: number;
  /** Stops the batch: no new chunk starts, those in flight finish and are dropped; cells already handed to `onCell` are kept. */
  signal?: AbortSignal;
  /** Called with each finished cell (ok or failed), in the order cells finish. */
  onCell?: (record: CellRecord) => void;
  onProgress?: (progress: CellsProgress) => void;
  /** A pool to run on instead of starting one. */
  pool?: WorkerPool;
}

export interface RunCellsResult {
  /** The cells finished in this run, in plan order. */
  records: CellRecord[];
  /** False if the signal stopped the batch before every cell finished. */
  completed: boolean;
}

/** Whether an error is a run limit (LimitExceeded; its class name is lost when it crosses from a worker). */
function errorOf(error: unknown): CellError {
  const message = error instanceof Error ? error.message : String(error);
  const limit = (error as Error)?.name === 'LimitExceeded' || /^run stopped: /.test(message);
  return { kind: limit ? 'limit' : 'error', message };
}

interface CellState {
  job: CellJob;
  setup: CellSetup;
  chunks: number[][];
  digests: ReplicationDigest[][];
  /** The lowest chunk that failed, and its error. */
  failed: { chunk: number; error: CellError } | null;
  scheduled: number;
  pending: number;
  startedMs: number;
}

function chunksOf(count: number, size: number): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < count; i += size) out.push(Array.from({ length: Math.min(size, count - i) }, (_, k) => i + k));
  return out;
}

function recordOf(state: CellState | null, job: CellJob, error: CellError | null, startedMs: number): CellRecord {
  const timing = { seconds: Math.round(performance.now() - startedMs) / 1000, finishedAt: new Date().toISOString() };
  if (state === null || error !== null) {
    return {
      cell: job.id,
      index: job.index,
      axes: job.axes,
      status: 'failed',
      seed: state?.setup.seed ?? null,
      replications: job.replications,
      requiredConfidence: state?.setup.requiredConfidence ?? null,
      targets: [],
      error,
      timing,
    };
  }
  const { input, seed, requiredConfidence, targets } = state.setup;
  const summary = summarise(input, state.digests.flat(), seed, requiredConfidence);
  return {
    cell: job.id,
    index: job.index,
    axes: job.axes,
    status: 'ok',
    seed,
    replications: job.replications,
    requiredConfidence,
    targets: targetRecords(summary, targets),
    error: null,
    timing,
  };
}

/**
 * Runs the cells and returns their records in plan order.
 * @throws RangeError for a bad `workers` or `chunkSize`; whatever `onCell` or `onProgress` throws.
 */
export async function runCells(jobs: readonly CellJob[], options: RunCellsOptions = {}): Promise<RunCellsResult> {
  const workers = options.workers ?? 1;
  if (!Number.isSafeInteger(workers) || workers < 1) throw new RangeError(`workers must be a whole number ≥ 1; got ${workers}`);
  const chunkSize = options.chunkSize ?? 25;
  if (!Number.isSafeInteger(chunkSize) || chunkSize < 1) throw new RangeError(`chunkSize must be a whole number ≥ 1; got ${chunkSize}`);
  const progress: CellsProgress = {
    cellsDone: 0,
    cellsFailed: 0,
    cellsTotal: jobs.length,
    replicationsDone: 0,
    replicationsTotal: jobs.reduce((a, j) => a + j.replications, 0),
  };
  const records: CellRecord[] = [];
  const finish = (record: CellRecord) => {
    records.push(record);
    progress.cellsDone++;
    if (record.status === 'failed') {
      progress.cellsFailed++;
      progress.replicationsTotal -= record.replications;
    }
    options.onCell?.(record);
    options.onProgress?.({ ...progress });
  };
  const byIndex = () => records.sort((a, b) => a.index - b.index);
  /** Loads the next cell with work; cells whose scenario fails are recorded on the way. */
  let nextJob = 0;
  const nextCell = (): CellState | null => {
    while (nextJob < jobs.length && !options.signal?.aborted) {
      const job = jobs[nextJob++]!;
      const startedMs = performance.now();
      const loaded = job.setup();
      if (!loaded.ok) {
        finish(recordOf(null, job, loaded.error, startedMs));
        continue;
      }
      return { job, setup: loaded.setup, chunks: chunksOf(job.replications, chunkSize), digests: [], failed: null, scheduled: 0, pending: 0, startedMs };
    }
    return null;
  };

  if (workers === 1 && options.pool === undefined) {
    for (;;) {
      if (options.signal?.aborted) return { records: byIndex(), completed: false };
      const state = nextCell();
      if (state === null) break;
      const prepared = prepareModel(state.setup.input);
      for (const part of state.chunks) {
        if (options.signal?.aborted) return { records: byIndex(), completed: false };
        try {
          state.digests.push(runIndices(prepared, state.setup.seed, part));
          progress.replicationsDone += part.length;
          options.onProgress?.({ ...progress });
        } catch (error) {
          state.failed = { chunk: state.digests.length, error: errorOf(error) };
          break;
        }
        // Let signals, timers and output through between chunks.
        await new Promise((resolve) => setImmediate(resolve));
      }
      finish(recordOf(state, state.job, state.failed?.error ?? null, state.startedMs));
    }
    return { records: byIndex(), completed: records.length === jobs.length };
  }

  const pool = options.pool ?? new WorkerPool(workers);
  const maxInFlight = workers * 2;
  try {
    return await new Promise<RunCellsResult>((resolve, reject) => {
      let current: CellState | null = null;
      let inFlight = 0;
      let stopped = false;
      const fail = (error: unknown) => {
        stopped = true;
        reject(error);
      };
      const nextTask = (): { state: CellState; chunk: number } | null => {
        for (;;) {
          if (current !== null && current.scheduled < current.chunks.length && (current.failed === null || current.scheduled < current.failed.chunk)) {
            return { state: current, chunk: current.scheduled++ };
          }
          current = nextCell();
          if (current === null) return null;
        }
      };
      const cellDone = (state: CellState) =>
        state.pending === 0 && (state.scheduled === state.chunks.length || (state.failed !== null && state.scheduled > state.failed.chunk));
      const pump = () => {
        try {
          while (!stopped && !options.signal?.aborted && inFlight < maxInFlight) {
            const task = nextTask();
            if (task === null) break;
            launch(task.state, task.chunk);
          }
          if (inFlight === 0 && !stopped) {
            stopped = true;
            resolve({ records: byIndex(), completed: records.length === jobs.length });
          }
        } catch (error) {
          fail(error);
        }
      };
      const launch = (state: CellState, chunk: number) => {
        inFlight++;
        state.pending++;
        const part = state.chunks[chunk]!;
        pool
          // Not given the signal: piscina ends an aborted task by terminating its worker, and a result the
          // worker had already posted then surfaces as an uncaught "Unexpected message from Worker"
          // (piscina issue #934, seen here). A chunk is a fraction of a second: on abort, the chunks in
          // flight finish and are dropped, and nothing new starts.
          .run({ input: state.setup.input, seed: state.setup.seed, indices: part })
          .then(
            (digests) => {
              state.digests[chunk] = digests;
              progress.replicationsDone += part.length;
              options.onProgress?.({ ...progress });
            },
            (error: unknown) => {
              if (options.signal?.aborted) return;
              if (state.failed === null || chunk < state.failed.chunk) state.failed = { chunk, error: errorOf(error) };
            },
          )
          .then(() => {
            inFlight--;
            state.pending--;
            if (!options.signal?.aborted && cellDone(state)) {
              finish(recordOf(state, state.job, state.failed?.error ?? null, state.startedMs));
            }
            pump();
          })
          .catch(fail);
      };
      pump();
    });
  } finally {
    if (options.pool === undefined) await pool.close();
  }
}
