/**
 * The record of one batch cell: what a results file keeps of it, as plain JSON (never Infinity or
 * NaN: null stands for "never" or "undefined"). Everything that depends on the machine or the moment
 * (how long it took, when it finished) is in `timing`, so that comparisons can drop that one field and
 * compare the rest byte for byte.
 */
import type { Phase } from '../model/recorder.ts';
import type { Shortfall } from '../model/build.ts';
import type { MissionSummary, RunSummary, Verdict } from '../summary.ts';

/** A value in a results file: JSON. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** A problem with a cell's scenario (the same shape as the scenarios layer's ScenarioIssue). */
export interface CellIssue {
  path: (string | number)[];
  code: string;
  message: string;
  file?: string;
}

/**
 * Why a cell has no results: `invalid` — its scenario (base + the cell's patches) does not validate;
 * `limit` — a replication hit a run limit (events, simulated time, wall time); `error` — anything else.
 */
export type CellError = { kind: 'invalid'; message: string; issues: CellIssue[] } | { kind: 'limit' | 'error'; message: string };

/** One target (mission) in one cell. */
export interface TargetRecord {
  id: string;
  label: string;
  people: number;
  deadlineH: number;
  verdict: Verdict;
  /** P(on time): the share of replications on time, with its 95 % Wilson interval. */
  onTime: { estimate: number; lower: number; upper: number; successes: number; n: number };
  /** Completion time from the alert (min); null: never, in at least that share of replications. */
  completionMin: { median: number | null; p95: number | null; mean: number | null };
  /** The most frequent bottleneck on the trip that completed the target, and its share; null if it never completed. */
  bottleneck: { phase: Phase | null; share: number };
  /** Mean people supplied by the deadline. */
  peopleByDeadline: number;
  /** Replications that never completed, by reason. */
  shortfalls: Partial<Record<Shortfall, number>>;
}

export interface CellRecord {
  /** The cell's id, unique in its plan (e.g. "weather=blizzard,docks=9"). */
  cell: string;
  /** Its position in the plan (0-based). */
  index: number;
  /** The value of each axis in this cell (the value at a path, or the name of a patch or scenario); null: not set. */
  axes: Record<string, JsonValue>;
  status: 'ok' | 'failed';
  /** Base seed of the cell's replications (replication i draws from streams seeded by (seed, i, purpose)); null if it never ran. */
  seed: string | number | null;
  replications: number;
  /** P(on time) a target must reach to be MET. */
  requiredConfidence: number | null;
  targets: TargetRecord[];
  error: CellError | null;
  /** Machine- and moment-dependent: leave it out when comparing runs. */
  timing: { seconds: number; finishedAt: string };
}

const finiteOrNull = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** The record of a mission summary; `ids` picks and orders the targets (all missions if null). */
export function targetRecords(summary: RunSummary, ids: readonly string[] | null): TargetRecord[] {
  const byId = new Map(summary.missions.map((m) => [m.id, m]));
  const chosen = ids === null ? summary.missions : ids.map((id) => byId.get(id)).filter((m): m is MissionSummary => m !== undefined);
  return chosen.map((m) => ({
    id: m.id,
    label: m.label,
    people: m.people,
    deadlineH: m.deadlineH,
    verdict: m.verdict,
    onTime: { estimate: m.onTime.estimate, lower: m.onTime.lower, upper: m.onTime.upper, successes: m.onTime.successes, n: m.onTime.n },
    completionMin: { median: finiteOrNull(m.completionMin.median), p95: finiteOrNull(m.completionMin.p95), mean: finiteOrNull(m.completionMin.mean.mean) },
    bottleneck: { phase: m.bottleneck.phase, share: m.bottleneck.share },
    peopleByDeadline: m.peopleByDeadline,
    shortfalls: { ...m.shortfalls },
  }));
}

/** The record without `timing`, as one line of JSON: what must be identical between runs. */
export function comparableLine(record: CellRecord): string {
  const { timing: _timing, ...rest } = record;
  return JSON.stringify(rest);
}
