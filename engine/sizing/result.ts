/**
 * What a sizing answers, as plain JSON (null for "never" and "not applicable"; no Infinity): for each
 * resource alone, the least amount that makes the target MET, with the evidence at that amount and at
 * one less; and the cheapest combination by the stated cost weights.
 */
import type { Phase } from '../model/recorder.ts';
import type { Verdict } from '../summary.ts';

/** One simulation of the target at given amounts (all evaluations use the same seed). */
export interface SizingEvaluation {
  /** Amount of each varied resource. */
  amounts: Record<string, number>;
  /** P(on time) with its 95 % Wilson interval; null if the scenario at these amounts is invalid. */
  onTime: { estimate: number; lower: number; upper: number; successes: number; n: number } | null;
  /** MET / AT RISK / NOT MET, or INVALID (the amounts make a scenario that does not validate: `problem` says why). */
  verdict: Verdict | 'INVALID';
  /** Completion from the alert (min); null: never in that share of replications, or invalid. */
  medianMin: number | null;
  p95Min: number | null;
  bottleneck: Phase | null;
  problem: string | null;
}

export interface ResourceAnswer {
  resource: string;
  /** What the amount counts, at which depot or fleet. */
  meaning: string;
  /** The amount in the scenario. */
  scenario: number;
  /** The range searched. */
  min: number;
  max: number;
  /** The least amount (the others as in the scenario) at which the target is MET; null: not even `max`. */
  least: number | null;
  /** least − scenario (negative: the scenario has more than it needs); null with least. */
  change: number | null;
  /** The evaluation at `least`, or at `max` when even that is not enough. */
  evidence: SizingEvaluation;
  /** The evaluation at least − 1 (null if least is the bottom of the range, or null). */
  oneLess: SizingEvaluation | null;
}

export interface SizingCombination {
  amounts: Record<string, number>;
  /** Amount added to each resource over the scenario. */
  added: Record<string, number>;
  /** Σ cost weight × added. */
  cost: number;
  evaluation: SizingEvaluation;
}

export interface SizingResult {
  /** The scenario file, or null for a document. */
  scenario: string | null;
  title: string;
  target: { id: string; label: string; from: string; to: string; people: number; deadlineH: number };
  /** The required P(on time). */
  confidence: number;
  replications: number;
  seed: string | number;
  /** The target as the scenario has it. */
  asIs: SizingEvaluation;
  resources: ResourceAnswer[];
  /** Cost weight per unit added, by resource. */
  costs: Record<string, number>;
  /** The cheapest amounts (each at or above the scenario's) that make the target MET; null: not even every resource at its max. */
  combination: SizingCombination | null;
  /** Every resource at its max, when no combination is enough: how far the target is even then. */
  atMax: SizingEvaluation | null;
  /**
   * Evidence that more is not always better for this target (`fewer` is MET, `more` has at least as
   * much of every resource and is not), or null. The searches assume more never hurts; when it does,
   * their answers are the least they found, not necessarily the least there is.
   */
  notMonotone: { fewer: SizingEvaluation; more: SizingEvaluation } | null;
  /** Simulations run (each of `replications` replications); repeated amounts are answered from a cache. */
  evaluations: number;
  seconds: number;
}
