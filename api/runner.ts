/**
 * Runs simulations for the API off the event loop: on a long-lived pool of worker threads, at most
 * `maxConcurrentRuns` requests computing at once (more get 429), each stopped at its wall-time
 * limit (504): the work gets a deadline that every replication on every worker stops at, so the
 * threads are freed within moments and never terminated.
 */
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
   * Runs `work` in one of the service's slots, with a deadline `timeoutS` from now (Date.now() ms)
   * and a signal that aborts then.
   * @throws ApiError 429 when every slot is taken, 504 when the work takes too long (`advice` says what to ask for instead).
   */
  async withSlot<T>(work: (signal: AbortSignal, deadline: number) => Promise<T>, timeoutS = this.limits.runTimeoutS, advice = 'ask for fewer replications or a smaller scenario'): Promise<T> {
    if (this.running >= this.limits.maxConcurrentRuns) {
      throw new ApiError(429, 'too_many_runs', `${this.running} runs are in progress (the limit is ${this.limits.maxConcurrentRuns}); try again shortly`, undefined, { 'retry-after': '2' });
    }
    this.running++;
    const abort = new AbortController();
    const deadline = Date.now() + timeoutS * 1000;
    const timer = setTimeout(() => abort.abort(), timeoutS * 1000);
    try {
      return await work(abort.signal, deadline);
    } catch (error) {
      if (abort.signal.aborted || Date.now() >= deadline) throw new ApiError(504, 'run_timed_out', `the work took longer than ${timeoutS} s and was stopped; ${advice}`);
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
    return this.withSlot((signal, deadline) => Promise.all(jobs.map((j) => runReplications(j.input, { replications: j.replications, seed: j.seed, pool: this.pool, signal, deadline }))));
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
