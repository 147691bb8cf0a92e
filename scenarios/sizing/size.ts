/**
 * Sizing: the least of each resource, and the cheapest mix, that makes a target MET. Every evaluation
 * simulates the same replications with the same seed (common random numbers): a replication that was
 * on time stays on time with more of a resource, in all but rare cases, so the curve of P(on time)
 * against an amount is smooth and monotone, and a galloping/bisection search finds the least amount in
 * a few evaluations. Evaluations are cached by amounts, and simulate only the target's depot (see
 * Levers.prune).
 */
import { cheapestCombination, leastMeeting, type Combination } from '../../engine/sizing/search.ts';
import type { ResourceAnswer, SizingEvaluation, SizingResult } from '../../engine/sizing/result.ts';
import { WorkerPool } from '../../engine/run/pool.ts';
import { runReplications } from '../../engine/run/replicate.ts';
import { wilsonInterval } from '../../engine/stats.ts';
import { summarise } from '../../engine/summary.ts';
import { formatIssues, suggestion } from '../issues.ts';
import { loadDocument } from '../load.ts';
import type { Scenario } from '../schema.ts';
import { RESOURCES, SizingError, leversFor, type Resource } from './levers.ts';

export interface SizingOptions {
  /** Mission id. */
  target: string;
  /** Resources to size, each alone and together: trucks, docks, forklifts, preloaded, crew. */
  vary: readonly string[];
  /** Required P(on time) (default: the scenario's run.requiredConfidence). MET: its 95 % Wilson interval lies at or above it. */
  confidence?: number;
  /** Replications per evaluation (default 200). */
  replications?: number;
  /** Default: the scenario's run.seed. */
  seed?: string | number;
  /** Top of the search per resource (default: max(2 × scenario, scenario + 10); preloaded: the depot's trucks); at most MAX_AMOUNT. */
  max?: Partial<Record<string, number>>;
  /** Cost weight of one unit added, per resource (default 1 each). */
  cost?: Partial<Record<string, number>>;
  /** The fleet whose trucks "trucks" counts (default: the origin depot's first own fleet). */
  fleet?: string;
  /** Worker threads (default 1: this thread). */
  workers?: number;
  /** A pool to run on instead of starting one (a server's); it is left open, and sets `workers`. */
  pool?: WorkerPool;
  /** Checked before each evaluation: the sizing then throws an AbortError. */
  signal?: AbortSignal;
  /** Date.now() milliseconds by which every replication stops (see ReplicateOptions.deadline). */
  deadline?: number;
  /** After each new evaluation, with the number run so far. */
  onEvaluation?: (evaluation: SizingEvaluation, count: number) => void;
}

/** What sizing needs of a loaded scenario (a successful LoadResult has it). */
export interface SizingInput {
  scenario: Scenario;
  /** The scenario document with extends and overrides applied. */
  document: unknown;
  file: string | null;
}

/**
 * Evidence that more is not always better here: a MET evaluation and one with at least as much of
 * every resource that is not MET (the first such pair found), or null. The searches assume there is
 * none; with one, their answers are the least they found, not necessarily the least there is.
 */
export function monotonyBroken(evaluations: readonly SizingEvaluation[], vary: readonly Resource[]): SizingResult['notMonotone'] {
  const valid = evaluations.filter((e) => e.verdict !== 'INVALID');
  for (const fewer of valid) {
    if (fewer.verdict !== 'MET') continue;
    for (const more of valid) {
      if (more.verdict !== 'MET' && vary.every((r) => more.amounts[r]! >= fewer.amounts[r]!)) return { fewer, more };
    }
  }
  return null;
}

/** The fewest replications with which n of n on time is MET at `confidence` (Wilson, 95 %). */
export function fewestReplicationsToMeet(confidence: number): number {
  let n = 1;
  while (wilsonInterval(n, n).lower < confidence) n++;
  return n;
}

/** The top of any search, whatever `max` says: more than this of a resource at one depot is not a plan. */
export const MAX_AMOUNT = 1000;

const finiteOrNull = (x: number): number | null => (Number.isFinite(x) ? x : null);

/**
 * Sizes the resources in `options.vary` for the target.
 * @throws SizingError for bad options (naming the option and the reason); LimitExceeded if a run hits
 * a limit; AbortError if the signal aborts.
 */
export async function sizeResources(input: SizingInput, options: SizingOptions): Promise<SizingResult> {
  const started = performance.now();
  const s = input.scenario;
  const levers = leversFor(s, options.target, options.fleet);
  const mission = s.missions[options.target]!;
  if (options.vary.length === 0) throw new SizingError('vary', `name at least one resource: ${RESOURCES.join(', ')}`);
  const vary: Resource[] = [];
  for (const r of options.vary) {
    if (!(RESOURCES as readonly string[]).includes(r)) throw new SizingError('vary', `unknown resource "${r}"${suggestion(r, RESOURCES)}; one of ${RESOURCES.join(', ')}`);
    if (vary.includes(r as Resource)) throw new SizingError('vary', `"${r}" is named twice`);
    vary.push(r as Resource);
  }
  const confidence = options.confidence ?? s.run.requiredConfidence;
  if (!(confidence > 0.5 && confidence < 1)) throw new SizingError('confidence', `must be above 0.5 and below 1; got ${confidence}`);
  const replications = options.replications ?? 200;
  if (!Number.isSafeInteger(replications) || replications < 1) throw new SizingError('replications', `must be a whole number ≥ 1; got ${replications}`);
  const fewest = fewestReplicationsToMeet(confidence);
  if (replications < fewest) {
    throw new SizingError('replications', `with ${replications} replications the target can never be MET at ${confidence}: even ${replications} of ${replications} on time gives a 95% interval down to ${(100 * wilsonInterval(replications, replications).lower).toFixed(1)}%; use at least ${fewest}`);
  }
  const seed = options.seed ?? s.run.seed;
  for (const [kind, given] of [['max', options.max], ['cost', options.cost]] as const) {
    for (const key of Object.keys(given ?? {})) {
      if (!vary.includes(key as Resource)) throw new SizingError(kind, `"${key}" is not among the resources varied (${vary.join(', ')})${suggestion(key, vary)}`);
    }
  }
  const lever = vary.map((r) => levers.levers[r]);
  const max = vary.map((r, i) => {
    const given = options.max?.[r];
    if (given !== undefined && given > MAX_AMOUNT) throw new SizingError('max', `${r}: at most ${MAX_AMOUNT} (a model that large would take minutes an evaluation); got ${given}`);
    const m = given ?? Math.min(MAX_AMOUNT, r === 'preloaded' && vary.includes('trucks') ? lever[i]!.defaultMax + (options.max?.trucks ?? levers.levers.trucks.defaultMax) - levers.levers.trucks.scenario : lever[i]!.defaultMax);
    if (!Number.isSafeInteger(m) || m < lever[i]!.scenario) throw new SizingError('max', `${r}: must be a whole number at least the scenario's ${lever[i]!.scenario}; got ${m}`);
    return m;
  });
  const weights = vary.map((r) => {
    const w = options.cost?.[r] ?? 1;
    if (!(Number.isFinite(w) && w > 0)) throw new SizingError('cost', `${r}: the weight must be a number > 0; got ${w}`);
    return w;
  });
  const from = lever.map((l) => l.scenario);
  const workers = options.pool?.threads ?? options.workers ?? 1;
  const ownPool = options.pool === undefined && workers > 1 ? new WorkerPool(workers) : undefined;
  const pool = options.pool ?? ownPool;
  const cache = new Map<string, Promise<SizingEvaluation>>();
  let done = 0;

  const simulateAt = async (amounts: number[]): Promise<SizingEvaluation> => {
    const named = Object.fromEntries(vary.map((r, i) => [r, amounts[i]!]));
    const loaded = loadDocument(input.document, { patches: [levers.prune, levers.patch(named)] }, null);
    if (!loaded.ok) return { amounts: named, onTime: null, verdict: 'INVALID', medianMin: null, p95Min: null, bottleneck: null, problem: formatIssues(loaded.issues.slice(0, 1)) };
    // The signal is checked between evaluations, not handed to the pool (see engine/batch/run-cells.ts).
    options.signal?.throwIfAborted();
    const digests = await runReplications(loaded.model, { replications, seed, workers, ...(pool !== undefined && { pool }), ...(options.deadline !== undefined && { deadline: options.deadline }) });
    const m = summarise(loaded.model, digests, seed, confidence).missions.find((x) => x.id === options.target)!;
    const { estimate, lower, upper, successes, n } = m.onTime;
    return { amounts: named, onTime: { estimate, lower, upper, successes, n }, verdict: m.verdict, medianMin: finiteOrNull(m.completionMin.median), p95Min: finiteOrNull(m.completionMin.p95), bottleneck: m.bottleneck.phase, problem: null };
  };
  const evaluate = (amounts: number[]): Promise<SizingEvaluation> => {
    const key = amounts.join(',');
    let e = cache.get(key);
    if (e === undefined) {
      e = simulateAt(amounts).then((result) => {
        options.onEvaluation?.(result, ++done);
        return result;
      });
      cache.set(key, e);
    }
    return e;
  };
  const met = async (amounts: number[]) => (await evaluate(amounts)).verdict === 'MET';
  const withAmount = (i: number, v: number) => from.map((x, j) => (j === i ? v : x));

  try {
    const asIs = await evaluate(from);
    const resources: ResourceAnswer[] = [];
    let known: Combination | null = null;
    for (let i = 0; i < vary.length; i++) {
      const l = lever[i]!;
      // Alone, preloaded cannot go beyond the depot's trucks as the scenario has them.
      const top = l.resource === 'preloaded' ? Math.max(l.scenario, Math.min(max[i]!, l.defaultMax)) : max[i]!;
      const least = await leastMeeting((v) => met(withAmount(i, v)), l.min, top, l.scenario);
      const evidence = await evaluate(withAmount(i, least ?? top));
      const oneLess = least !== null && least > l.min ? await evaluate(withAmount(i, least - 1)) : null;
      resources.push({ resource: l.resource, meaning: l.meaning, scenario: l.scenario, min: l.min, max: top, least, change: least === null ? null : least - l.scenario, evidence, oneLess });
      if (least !== null && least >= l.scenario) {
        const cost = weights[i]! * (least - l.scenario);
        if (known === null || cost < known.cost) known = { amounts: withAmount(i, least), cost };
      }
    }
    const best = await cheapestCombination(met, from, max, weights, known);
    const combination =
      best === null
        ? null
        : {
            amounts: Object.fromEntries(vary.map((r, i) => [r, best.amounts[i]!])),
            added: Object.fromEntries(vary.map((r, i) => [r, best.amounts[i]! - from[i]!])),
            cost: best.cost,
            evaluation: await evaluate(best.amounts),
          };
    const atMax = combination === null ? await evaluate(max) : null;
    return {
      scenario: input.file,
      title: s.title,
      target: { id: options.target, label: mission.label, from: mission.from, to: mission.to, people: mission.people, deadlineH: mission.deadlineH },
      confidence,
      replications,
      seed,
      asIs,
      resources,
      costs: Object.fromEntries(vary.map((r, i) => [r, weights[i]!])),
      combination,
      atMax,
      notMonotone: monotonyBroken(await Promise.all(cache.values()), vary),
      evaluations: cache.size,
      seconds: Math.round(performance.now() - started) / 1000,
    };
  } finally {
    await ownPool?.close();
  }
}
