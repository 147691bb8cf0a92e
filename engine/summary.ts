/**
 * From replications to verdicts: per mission, P(on time) with its Wilson interval, completion time
 * percentiles and mean with a t-interval, where the time went on the critical trip, the bottleneck,
 * and MET / AT RISK / NOT MET by a stated rule.
 */
import type { DepotOutcome, MissionOutcome, Shortfall } from './model/build.ts';
import type { MissionInput, ModelInput } from './model/input.ts';
import { PHASES, type Phase } from './model/recorder.ts';
import { toMinutes } from './model/units.ts';
import { meanInterval, quantiles, wilsonInterval, type MeanInterval, type ProportionInterval } from './stats.ts';

/** What is kept of one replication for the summary. */
export interface ReplicationDigest {
  replication: number;
  missions: MissionOutcome[];
  depots: DepotOutcome[];
  events: number;
}

export type Verdict = 'MET' | 'AT RISK' | 'NOT MET';

/**
 * The rule: MET when the Wilson interval of P(on time) lies wholly at or above the required level,
 * NOT MET when it lies wholly below it, AT RISK when it straddles it (borderline, or too few
 * replications to tell).
 */
export function verdictOf(onTime: ProportionInterval, required: number): Verdict {
  if (onTime.lower >= required) return 'MET';
  if (onTime.upper < required) return 'NOT MET';
  return 'AT RISK';
}

export interface MissionSummary {
  id: string;
  label: string;
  from: string;
  to: string;
  people: number;
  deadlineH: number;
  replications: number;
  onTime: ProportionInterval;
  verdict: Verdict;
  /** Completion time in minutes (Infinity: never in that replication). */
  completionMin: { mean: MeanInterval; median: number; p90: number; p95: number; min: number; max: number };
  /** Mean people supplied at the deadline. */
  peopleByDeadline: number;
  /** Mean minutes per phase on the critical trip, over the replications that completed. */
  phasesMin: Record<Phase, number>;
  /** The most frequent bottleneck and the share of completed replications where it was the one. */
  bottleneck: { phase: Phase | null; share: number; counts: Partial<Record<Phase, number>> };
  /** Replications that did not complete, by reason. */
  shortfalls: Partial<Record<Shortfall, number>>;
  meanTrips: number;
}

export interface DepotSummary {
  id: string;
  utilisation: { docks: number; forklifts: number; crew: number; trucks: number };
}

export interface RunSummary {
  replications: number;
  seed: string | number;
  requiredConfidence: number;
  missions: MissionSummary[];
  depots: DepotSummary[];
  /** Kernel events over all replications. */
  events: number;
}

const mean = (xs: readonly number[]) => (xs.length === 0 ? NaN : xs.reduce((a, x) => a + x, 0) / xs.length);

function summariseMission(input: MissionInput, outcomes: MissionOutcome[], required: number): MissionSummary {
  const n = outcomes.length;
  const onTime = wilsonInterval(outcomes.filter((o) => o.onTime).length, n);
  const completion = outcomes.map((o) => toMinutes(o.completionMs));
  const [median, p90, p95] = quantiles(completion, [0.5, 0.9, 0.95]) as [number, number, number];
  const completed = outcomes.filter((o) => o.completionMs < Infinity);
  const phasesMin = Object.fromEntries(PHASES.map((p) => [p, mean(completed.map((o) => toMinutes(o.phasesMs[p])))])) as Record<Phase, number>;
  const counts: Partial<Record<Phase, number>> = {};
  for (const o of completed) if (o.bottleneck !== null) counts[o.bottleneck] = (counts[o.bottleneck] ?? 0) + 1;
  let top: Phase | null = null;
  for (const p of PHASES) if ((counts[p] ?? 0) > (top === null ? 0 : counts[top]!)) top = p;
  const shortfalls: Partial<Record<Shortfall, number>> = {};
  for (const o of outcomes) if (o.shortfall !== null) shortfalls[o.shortfall] = (shortfalls[o.shortfall] ?? 0) + 1;
  return {
    id: input.id,
    label: input.label,
    from: input.from,
    to: input.to,
    people: input.people,
    deadlineH: input.deadlineH,
    replications: n,
    onTime,
    verdict: verdictOf(onTime, required),
    completionMin: { mean: meanInterval(completion), median, p90, p95, min: Math.min(...completion), max: Math.max(...completion) },
    peopleByDeadline: mean(outcomes.map((o) => o.peopleByDeadline)),
    phasesMin,
    bottleneck: { phase: top, share: top === null ? 0 : counts[top]! / completed.length, counts },
    shortfalls,
    meanTrips: mean(outcomes.map((o) => o.trips)),
  };
}

/** Summarises replications (in any order: they are sorted by index first, so the result is the same). */
export function summarise(input: ModelInput, digests: readonly ReplicationDigest[], seed: string | number, requiredConfidence: number): RunSummary {
  const sorted = [...digests].sort((a, b) => a.replication - b.replication);
  if (sorted.length === 0) throw new RangeError('summarise: no replications');
  const missions = input.missions.map((m, i) =>
    summariseMission(
      m,
      sorted.map((d) => d.missions[i]!),
      requiredConfidence,
    ),
  );
  const depots = sorted[0]!.depots.map((d, i) => ({
    id: d.id,
    utilisation: {
      docks: mean(sorted.map((r) => r.depots[i]!.utilisation.docks)),
      forklifts: mean(sorted.map((r) => r.depots[i]!.utilisation.forklifts)),
      crew: mean(sorted.map((r) => r.depots[i]!.utilisation.crew)),
      trucks: mean(sorted.map((r) => r.depots[i]!.utilisation.trucks)),
    },
  }));
  return { replications: sorted.length, seed, requiredConfidence, missions, depots, events: sorted.reduce((a, d) => a + d.events, 0) };
}
