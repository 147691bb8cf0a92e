/**
 * Batches for the API: each runs in the background on the service's worker pool (a few chunks of
 * replications at a time, so runs and sizings asked for meanwhile interleave with it), reports its
 * progress and its finished cells while it runs, can be cancelled, and is stopped at the wall-time
 * limit with its finished cells kept. A finished batch (done, cancelled, stopped or failed) goes to the
 * history, so it survives a restart; one still running when the service stops is saved as cancelled.
 */
import { randomUUID } from 'node:crypto';
import type { BatchSummary, CellRecord, CellsProgress } from '../engine/index.ts';
import { batchSummary, loadDocument, runBatch, type LoadedPlan } from '../scenarios/index.ts';
import type { ApiConfig } from './config.ts';
import { engineVersion } from './deps.ts';
import { ApiError } from './errors.ts';
import type { HistoryStore } from './history.ts';
import type { RunService } from './runner.ts';

export type BatchState = 'running' | 'done' | 'cancelled' | 'stopped' | 'failed';

/** A batch as GET /v1/batches/:id shows it. */
export interface BatchView {
  id: string;
  createdAt: string;
  status: BatchState;
  title: string;
  hash: string;
  engineVersion: string;
  plan: { cells: number; replications: number; seed: string | number; seeds: 'common' | 'per-cell'; axes: string[] };
  progress: CellsProgress & { elapsedS: number; etaS: number | null };
  records: CellRecord[];
  summary: BatchSummary | null;
  error: string | null;
}

interface BatchJob {
  view: BatchView;
  plan: LoadedPlan;
  abort: AbortController;
  /** Why it was aborted, if it was. */
  reason: 'cancelled' | 'stopped' | null;
  startedMs: number;
  /** Settles when the batch has finished and been saved. */
  finished: Promise<void>;
}

/** Finished batches kept in memory (for GET /v1/batches); older ones are in the history. */
const KEPT = 20;

const round1 = (x: number) => Math.round(x * 10) / 10;

export class BatchService {
  private readonly jobs = new Map<string, BatchJob>();

  constructor(
    private readonly config: ApiConfig,
    private readonly runner: RunService,
    private readonly history: HistoryStore,
  ) {}

  /** Batches running now. */
  get running(): number {
    let n = 0;
    for (const j of this.jobs.values()) if (j.view.status === 'running') n++;
    return n;
  }

  /**
   * Starts a loaded plan in the background and returns its view at once.
   * @throws ApiError 400 if the plan exceeds the service's limits, 429 if too many batches are running.
   */
  start(plan: LoadedPlan, request: unknown): BatchView {
    const cells = plan.cells.length;
    const total = cells * plan.plan.replications;
    if (total > this.config.maxBatchReplications) {
      throw new ApiError(400, 'bad_request', 'batch too large', [
        { path: ['plan', 'replications'], code: 'too_big', message: `${cells} cells × ${plan.plan.replications} replications = ${total}; the service's limit is ${this.config.maxBatchReplications} a batch` },
      ]);
    }
    this.checkHorizons(plan);
    if (this.running >= this.config.maxConcurrentBatches) {
      throw new ApiError(429, 'too_many_batches', `${this.running} batch${this.running === 1 ? ' is' : 'es are'} running (the limit is ${this.config.maxConcurrentBatches}); wait for it, or cancel it with DELETE /v1/batches/:id`, undefined, { 'retry-after': '10' });
    }
    const view: BatchView = {
      id: randomUUID(),
      createdAt: new Date().toISOString(),
      status: 'running',
      title: plan.plan.title ?? 'batch',
      hash: plan.hash,
      engineVersion: engineVersion(),
      plan: { cells, replications: plan.plan.replications, seed: plan.plan.seed, seeds: plan.plan.seeds, axes: plan.axes.map((a) => a.name) },
      progress: { cellsDone: 0, cellsFailed: 0, cellsTotal: cells, replicationsDone: 0, replicationsTotal: total, elapsedS: 0, etaS: null },
      records: [],
      summary: null,
      error: null,
    };
    const job: BatchJob = { view, plan, abort: new AbortController(), reason: null, startedMs: performance.now(), finished: Promise.resolve() };
    this.jobs.set(view.id, job);
    this.forgetOldest();
    job.finished = this.run(job, request);
    return this.snapshot(job);
  }

  /** The service's limit on simulated time, for every base and every axis value that sets it. */
  private checkHorizons(plan: LoadedPlan): void {
    const tooLong = (where: (string | number)[], what: string, horizonH: number) =>
      new ApiError(400, 'bad_request', 'simulated horizon too long', [{ path: where, code: 'too_big', message: `${what}: run.limits.horizonH must be at most ${this.config.maxHorizonH} h (the service's limit); got ${horizonH}` }]);
    for (const base of Object.values(plan.bases)) {
      const loaded = loadDocument(base.document, {}, null);
      if (loaded.ok && loaded.scenario.run.limits.horizonH > this.config.maxHorizonH) throw tooLong(['plan', 'base'], base.ref, loaded.scenario.run.limits.horizonH);
    }
    for (const axis of plan.axes) {
      for (const value of axis.values) {
        const horizonH = (value.patch as { run?: { limits?: { horizonH?: unknown } } } | null)?.run?.limits?.horizonH;
        if (typeof horizonH === 'number' && horizonH > this.config.maxHorizonH) throw tooLong(['plan', 'axes', axis.name], value.label, horizonH);
      }
    }
  }

  private async run(job: BatchJob, request: unknown): Promise<void> {
    const timer = setTimeout(() => this.stop(job, 'stopped'), this.config.batchTimeoutS * 1000);
    try {
      const result = await runBatch(job.plan, {
        workers: this.runner.pool.threads,
        pool: this.runner.pool,
        signal: job.abort.signal,
        onCell: (record) => job.view.records.push(record),
        onProgress: (p) => Object.assign(job.view.progress, p),
      });
      job.view.status = result.completed ? 'done' : (job.reason ?? 'cancelled');
      if (job.reason === 'stopped') job.view.error = `stopped after ${this.config.batchTimeoutS} s, the service's limit for a batch; the cells that finished are kept`;
    } catch (error) {
      job.view.status = 'failed';
      job.view.error = error instanceof Error ? error.message : String(error);
    } finally {
      clearTimeout(timer);
    }
    job.view.records.sort((a, b) => a.index - b.index);
    job.view.summary = batchSummary(job.plan, job.view.records);
    job.view.progress.elapsedS = round1((performance.now() - job.startedMs) / 1000);
    job.view.progress.etaS = null;
    this.save(job, request);
  }

  private save(job: BatchJob, request: unknown): void {
    const v = job.view;
    const bases = Object.keys(job.plan.bases);
    this.history.add({
      id: v.id,
      createdAt: v.createdAt,
      kind: 'batch',
      scenarioRef: bases.length === 1 && bases[0] !== '' ? bases[0]! : 'plan',
      scenarioTitle: v.title,
      scenarioHash: v.hash,
      seed: v.plan.seed,
      replications: v.plan.replications,
      engineVersion: v.engineVersion,
      durationMs: v.progress.elapsedS * 1000,
      request,
      result: v,
    });
  }

  private stop(job: BatchJob, reason: 'cancelled' | 'stopped'): void {
    if (job.view.status !== 'running' || job.abort.signal.aborted) return;
    job.reason = reason;
    job.abort.abort();
  }

  /** The batch's current view (a copy); from the history once it has finished; null if unknown. */
  get(id: string): BatchView | null {
    const job = this.jobs.get(id);
    if (job !== undefined) return this.snapshot(job);
    const record = this.history.get(id);
    return record !== null && record.kind === 'batch' ? (record.result as BatchView) : null;
  }

  /** Batches started since the service started, newest first (finished ones are also in the history). */
  list(): BatchView[] {
    return [...this.jobs.values()].reverse().map((j) => this.snapshot(j));
  }

  /**
   * Cancels a running batch: no new chunk starts, the cells already finished are kept. Resolves once
   * it has stopped, with its final view; a finished batch is returned as it is.
   */
  async cancel(id: string): Promise<BatchView | null> {
    const job = this.jobs.get(id);
    if (job === undefined) return this.get(id);
    this.stop(job, 'cancelled');
    await job.finished;
    return this.snapshot(job);
  }

  /** Cancels every running batch and waits for them to be saved (the service is stopping). */
  async close(): Promise<void> {
    for (const job of this.jobs.values()) this.stop(job, 'cancelled');
    await Promise.all([...this.jobs.values()].map((j) => j.finished));
  }

  /** Keeps at most KEPT finished batches in memory: the others are read back from the history. */
  private forgetOldest(): void {
    const finished = [...this.jobs.values()].filter((j) => j.view.status !== 'running');
    for (const j of finished.slice(0, Math.max(0, finished.length - KEPT))) this.jobs.delete(j.view.id);
  }

  private snapshot(job: BatchJob): BatchView {
    const v = job.view;
    const progress = { ...v.progress };
    if (v.status === 'running') {
      const elapsed = (performance.now() - job.startedMs) / 1000;
      progress.elapsedS = round1(elapsed);
      const rate = progress.replicationsDone / elapsed;
      progress.etaS = rate > 0 ? round1((progress.replicationsTotal - progress.replicationsDone) / rate) : null;
    }
    return { ...v, progress, records: [...v.records].sort((a, b) => a.index - b.index) };
  }
}
