/**
 * Runs simulations for the API off the event loop: on a long-lived pool of worker threads, at most
 * `maxConcurrentRuns` at once (more get 429), each stopped after `runTimeoutS` (504): the worker
 * running it is terminated, so a runaway run does not keep a core.
 */
import { setMaxListeners } from 'node:events';
import { runReplications, WorkerPool, type ModelInput, type ReplicationDigest } from '../engine/index.ts';
import { ApiError } from './errors.ts';

export interface RunLimits {
  maxConcurrentRuns: number;
  runTimeoutS: number;
}

export class RunService {
  readonly pool: WorkerPool;
  private running = 0;

  constructor(
    workers: number,
    private readonly limits: RunLimits,
  ) {
    this.pool = new WorkerPool(workers, 60_000);
  }

  /** Runs in progress. */
  get inFlight(): number {
    return this.running;
  }

  /**
   * Runs several replication sets as one request (a comparison's base and variants share its slot
   * and its deadline).
   * @throws ApiError 429 when too many runs are in flight, 504 when the run takes too long.
   */
  async run(jobs: { input: ModelInput; replications: number; seed: string | number }[]): Promise<ReplicationDigest[][]> {
    if (this.running >= this.limits.maxConcurrentRuns) {
      throw new ApiError(429, 'too_many_runs', `${this.running} runs are in progress (the limit is ${this.limits.maxConcurrentRuns}); try again shortly`, undefined, { 'retry-after': '2' });
    }
    this.running++;
    const abort = new AbortController();
    setMaxListeners(0, abort.signal); // one listener per task on the pool
    const timer = setTimeout(() => abort.abort(), this.limits.runTimeoutS * 1000);
    try {
      return await Promise.all(jobs.map((j) => runReplications(j.input, { replications: j.replications, seed: j.seed, pool: this.pool, signal: abort.signal })));
    } catch (error) {
      if (abort.signal.aborted) throw new ApiError(504, 'run_timed_out', `the run took longer than ${this.limits.runTimeoutS} s and was stopped; ask for fewer replications or a smaller scenario`);
      throw error;
    } finally {
      clearTimeout(timer);
      this.running--;
    }
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
