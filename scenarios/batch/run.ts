/**
 * Running a loaded plan: each cell's scenario is the base with the cell's patches applied in axis
 * order, validated like any scenario; the engine runs the cells on the worker pool. This is the
 * function the CLI and the API share: results come back as records (plain JSON), through `onCell` as
 * cells finish and all together at the end.
 */
import { runCells, type CellJob, type CellsProgress } from '../../engine/batch/run-cells.ts';
import type { CellRecord } from '../../engine/batch/record.ts';
import { summariseBatch, type BatchSummary } from '../../engine/batch/summary.ts';
import type { WorkerPool } from '../../engine/run/pool.ts';
import { formatIssues, suggestion } from '../issues.ts';
import { loadDocument, type LoadResult } from '../load.ts';
import type { Json } from '../patch.ts';
import type { LoadedPlan, PlanCell } from './plan.ts';

/** The base seed of a cell's replications: the plan's seed (common), or "<seed>/<cell id>" (per-cell). */
export function cellSeed(plan: LoadedPlan, cell: PlanCell): string | number {
  return plan.plan.seeds === 'common' ? plan.plan.seed : `${plan.plan.seed}/${cell.id}`;
}

/** The axis values of a cell as its record shows them (null: left as in the base). */
export function cellAxes(plan: LoadedPlan, cell: PlanCell): Record<string, Json> {
  return Object.fromEntries(plan.axes.map((a, i) => [a.name, cell.choice[i] === null ? null : a.values[cell.choice[i]!]!.value]));
}

/** A cell's scenario: its base, with the patches of its axis values in axis order, validated. */
export function cellScenario(plan: LoadedPlan, cell: PlanCell): LoadResult {
  let baseKey = '';
  const patches: Json[] = [];
  plan.axes.forEach((axis, i) => {
    const choice = cell.choice[i];
    if (choice === null || choice === undefined) return;
    const value = axis.values[choice]!;
    if (value.base !== null) baseKey = value.base;
    if (value.patch !== null) patches.push(value.patch);
  });
  // A listed cell may leave the scenario axis out: it then runs on that axis's first scenario.
  const base = plan.bases[baseKey] ?? Object.values(plan.bases)[0]!;
  return loadDocument(base.document, { patches }, null);
}

/** The engine's jobs for the plan's cells, leaving out those in `skip` (cell ids). */
export function cellJobs(plan: LoadedPlan, skip: ReadonlySet<string> = new Set()): CellJob[] {
  return plan.cells
    .filter((cell) => !skip.has(cell.id))
    .map((cell) => ({
      index: cell.index,
      id: cell.id,
      axes: cellAxes(plan, cell),
      replications: plan.plan.replications,
      setup() {
        const loaded = cellScenario(plan, cell);
        if (!loaded.ok) {
          const message = loaded.issues.length === 1 ? formatIssues(loaded.issues) : `${formatIssues(loaded.issues.slice(0, 1))} (and ${loaded.issues.length - 1} more)`;
          return { ok: false, error: { kind: 'invalid', message, issues: loaded.issues } };
        }
        const missions = Object.keys(loaded.scenario.missions);
        const targets = plan.plan.targets ?? null;
        const missing = (targets ?? []).map((t, i) => ({ t, i })).filter(({ t }) => !missions.includes(t));
        if (missing.length > 0) {
          const issues = missing.map(({ t, i }) => ({ path: ['targets', i], code: 'unknown_reference', message: `no mission "${t}" in this cell's scenario${suggestion(t, missions)}` }));
          return { ok: false, error: { kind: 'invalid', message: formatIssues(issues), issues } };
        }
        return {
          ok: true,
          setup: {
            input: loaded.model,
            seed: cellSeed(plan, cell),
            requiredConfidence: plan.plan.requiredConfidence ?? loaded.scenario.run.requiredConfidence,
            targets,
          },
        };
      },
    }));
}

export interface BatchOptions {
  /** Worker threads; 1 runs in this thread. Default 1 (the CLI defaults to all cores). */
  workers?: number;
  /** Stops the batch: running chunks are dropped, finished cells are kept (and were given to onCell). */
  signal?: AbortSignal;
  /** Cell ids already done (e.g. read back from a results folder): not run again. */
  skip?: Iterable<string>;
  /** Each finished cell (ok or failed), in the order they finish. */
  onCell?: (record: CellRecord) => void;
  onProgress?: (progress: CellsProgress) => void;
  /** Replications per task sent to a worker (default 25). */
  chunkSize?: number;
  /** A pool to run on instead of starting one. */
  pool?: WorkerPool;
}

export interface BatchResult {
  hash: string;
  /** Cells finished in this run, in plan order. */
  records: CellRecord[];
  /** Cells skipped because they were in `skip`. */
  skipped: number;
  /** False if the signal stopped it before every cell (not skipped) finished. */
  completed: boolean;
}

/**
 * Runs the plan's cells (those not in `skip`). Results do not depend on `workers` or on how the batch
 * was split between runs: see {@link cellSeed}.
 * @throws RangeError for a bad `workers`; whatever the callbacks throw.
 */
export async function runBatch(plan: LoadedPlan, options: BatchOptions = {}): Promise<BatchResult> {
  const skip = new Set(options.skip ?? []);
  const jobs = cellJobs(plan, skip);
  const { skip: _skip, ...engineOptions } = options;
  const { records, completed } = await runCells(jobs, engineOptions);
  return { hash: plan.hash, records, skipped: plan.cells.length - jobs.length, completed };
}

/** The end-of-batch summary of a plan's records (all of them, from this run and earlier ones). */
export function batchSummary(plan: LoadedPlan, records: readonly CellRecord[]): BatchSummary {
  return summariseBatch(records, plan.axes.map((a) => a.name), plan.cells.length);
}
