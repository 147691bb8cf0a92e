/**
 * Runs simulations for the API off the event loop: on a long-lived pool of worker threads, at most
 * `maxConcurrentRuns` requests computing at once (more get 429), each stopped after its wall-time
 * limit (504). A run's replications are given the signal, so the worker running a runaway run is
 * terminated; a sizing stops at its next evaluation.
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

  /** Requests computing now. */
  get inFlight(): number {
    return this.running;
  }

  /**
   * Runs `work` in one of the service's slots, with a signal that aborts after `timeoutS`.
   * @throws ApiError 429 when every slot is taken, 504 when the work takes too long (`advice` says what to ask for instead).
   */
  async withSlot<T>(work: (signal: AbortSignal) => Promise<T>, timeoutS = this.limits.runTimeoutS, advice = 'ask for fewer replications or a smaller scenario'): Promise<T> {
    if (this.running >= this.limits.maxConcurrentRuns) {
      throw new ApiError(429, 'too_many_runs', `${this.running} runs are in progress (the limit is ${this.limits.maxConcurrentRuns}); try again shortly`, undefined, { 'retry-after': '2' });
    }
    this.running++;
    const abort = new AbortController();
    setMaxListeners(0, abort.signal); // one listener per task on the pool
    const timer = setTimeout(() => abort.abort(), timeoutS * 1000);
    try {
      return await work(abort.signal);
    } catch (error) {
      if (abort.signal.aborted) throw new ApiError(504, 'run_timed_out', `the work took longer than ${timeoutS} s and was stopped; ${advice}`);
      throw error;
    } finally {
      clearTimeout(timer);
      this.running--;
    }
  }

  /**
   * Runs several replication sets as one request (a comparison's base and variants share its slot
   * and its deadline).
   * @throws ApiError 429 when too many runs are in flight, 504 when the run takes too long.
   */
  run(jobs: { input: ModelInput; replications: number; seed: string | number }[]): Promise<ReplicationDigest[][]> {
    return this.withSlot((signal) => Promise.all(jobs.map((j) => runReplications(j.input, { replications: j.replications, seed: j.seed, pool: this.pool, signal }))));
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
