/**
 * Request and response shapes of the HTTP API, as zod schemas (fastify-type-provider-zod validates
 * requests and serialises responses with them, and @fastify/swagger turns them into the OpenAPI
 * document). The scenario itself is the project's own `Scenario` schema, not a copy.
 */
import { z } from 'zod';
import { PHASES } from '../engine/index.ts';
import { MAX_AMOUNT, RESOURCES, Scenario } from '../scenarios/index.ts';

/** Ids and names: plain, and never a key that reaches an object's prototype. */
const idPattern = /^(?!(?:constructor|prototype)$)[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
/** A number that may be "never" (a target not reached) or undefined (no interval with one replication): null in JSON. */
const num = z.number().nullable();

export const IssueSchema = z.object({
  path: z.array(z.union([z.string(), z.number()])),
  code: z.string(),
  message: z.string(),
});

export const ErrorBody = z
  .object({
    error: z.string().describe('machine-readable code: bad_request, malformed_json, invalid_scenario, unknown_scenario, not_found, invalid_option, invalid_plan, forbidden_key, too_many_runs, too_many_batches, run_timed_out, limit_exceeded, body_too_large, internal'),
    message: z.string(),
    issues: z.array(IssueSchema).optional(),
  })
  .meta({ id: 'Error' });

/** The error answers of any request that simulates (bad input, unknown scenario, run limit, busy, too long). */
export const SimulationErrors = { 400: ErrorBody, 404: ErrorBody, 422: ErrorBody, 429: ErrorBody, 504: ErrorBody } as const;

export const ScenarioRef = z
  .union([
    z.string().regex(idPattern, { error: 'must be a shipped scenario id (GET /v1/scenarios)' }),
    z.record(z.string(), z.unknown()),
  ])
  .describe('a shipped scenario id, or an inline scenario document (the Scenario schema; it may use `extends: <shipped id>` and `defaults`)');

export const Patch = z.record(z.string(), z.unknown()).describe('a JSON merge patch (RFC 7396) on the scenario; distributions ({dist: ...}) are replaced whole');

const Seed = z.union([z.number().int(), z.string().min(1).max(100)]);
const Sets = z.array(z.string().max(1000)).max(100).describe('`path=value` overrides, as on the command line (e.g. "depots.fushun-national.docks=14")');

export const RunRequest = z
  .strictObject({
    scenario: ScenarioRef,
    patch: Patch.optional(),
    set: Sets.optional(),
    replications: z.number().int().min(1).optional().describe("default: the scenario's run.replications (within the service's limit)"),
    seed: Seed.optional().describe("default: the scenario's run.seed"),
  })
  .meta({ id: 'RunRequest' });

export const ValidateRequest = z.strictObject({ scenario: ScenarioRef, patch: Patch.optional(), set: Sets.optional() }).meta({ id: 'ValidateRequest' });

export const CompareRequest = z
  .strictObject({
    scenario: ScenarioRef,
    patch: Patch.optional().describe('applied to the base and every variant'),
    variants: z.record(z.string().regex(idPattern), Patch).describe('variant name → merge patch on the base'),
    replications: z.number().int().min(1).optional(),
    seed: Seed.optional(),
  })
  .meta({ id: 'CompareRequest' });

const Proportion = z.object({ successes: z.number(), n: z.number(), estimate: z.number(), lower: z.number(), upper: z.number(), confidence: z.number() });
const MeanCi = z.object({ n: z.number(), mean: num, sd: num, se: num, tCritical: num, halfWidth: num, lower: num, upper: num, confidence: z.number() });
const Phase = z.enum(PHASES);

export const MissionSummarySchema = z
  .object({
    id: z.string(),
    label: z.string(),
    from: z.string(),
    to: z.string(),
    people: z.number(),
    deadlineH: z.number(),
    replications: z.number(),
    onTime: Proportion.describe('P(on time) with its 95 % Wilson interval'),
    verdict: z.enum(['MET', 'AT RISK', 'NOT MET']),
    completionMin: z.object({ mean: MeanCi, median: num, p90: num, p95: num, min: num, max: num }).describe('minutes from the alert; null = never'),
    peopleByDeadline: z.number(),
    phasesMin: z.record(Phase, num).describe('mean minutes per phase on the trip that completed the target'),
    bottleneck: z.object({ phase: Phase.nullable(), share: z.number(), counts: z.partialRecord(Phase, z.number()) }),
    shortfalls: z.partialRecord(z.enum(['stock', 'unreachable', 'horizon']), z.number()),
    meanTrips: z.number(),
  })
  .meta({ id: 'MissionSummary' });

export const RunSummarySchema = z
  .object({
    replications: z.number(),
    seed: Seed,
    requiredConfidence: z.number(),
    missions: z.array(MissionSummarySchema),
    depots: z.array(z.object({ id: z.string(), utilisation: z.object({ docks: z.number(), forklifts: z.number(), crew: z.number(), trucks: z.number() }) })),
    events: z.number(),
  })
  .meta({ id: 'RunSummary' });

const ScenarioInfo = z.object({ ref: z.string().describe('shipped id, or "inline"'), title: z.string(), hash: z.string().describe('SHA-256 of the scenario as simulated') });

/** What every run and comparison records about itself (and the history keeps). */
const RunRecord = z.object({
  id: z.string(),
  createdAt: z.string(),
  scenario: ScenarioInfo,
  seed: Seed,
  replications: z.number(),
  engineVersion: z.string(),
  durationMs: z.number(),
});
export type RunRecord = z.infer<typeof RunRecord>;

export const RunResponse = RunRecord.extend({ summary: RunSummarySchema }).meta({ id: 'RunResult' });

const Difference = z.object({ mean: z.number(), lower: num, upper: num }).describe('paired difference of P(on time), variant − base, over common random numbers, with its 95 % t-interval');

export const CompareResponse = RunRecord.extend({
    targets: z.array(
      z.object({
        id: z.string(),
        label: z.string(),
        base: z.object({ onTime: Proportion, verdict: z.string(), medianMin: num }),
        variants: z.array(z.object({ name: z.string(), onTime: Proportion, verdict: z.string(), medianMin: num, difference: Difference })),
      }),
    ),
}).meta({ id: 'CompareResult' });

// ---- Sizing ----

export const SizingRequest = z
  .strictObject({
    scenario: ScenarioRef,
    patch: Patch.optional(),
    set: Sets.optional(),
    target: z.string().regex(idPattern, { error: 'must be a mission id' }).describe('the mission to size for'),
    vary: z.array(z.string()).min(1).max(RESOURCES.length).describe(`resources to size, each alone and together: ${RESOURCES.join(', ')}`),
    confidence: z.number().optional().describe("required P(on time), above 0.5 and below 1 (default: the scenario's run.requiredConfidence)"),
    replications: z.number().int().min(1).optional().describe('replications per evaluation (default 200; at 0.95 at least 73)'),
    seed: Seed.optional().describe("default: the scenario's run.seed"),
    max: z
      .union([z.number().int(), z.record(z.string(), z.number().int())])
      .optional()
      .describe(`top of the search: one number for every resource varied, or per resource ({"trucks": 40}); default max(2 × scenario, scenario + 10), at most ${MAX_AMOUNT}`),
    cost: z.record(z.string(), z.number()).optional().describe('cost weight of one unit added, per resource (default 1 each)'),
    fleet: z.string().regex(idPattern).optional().describe("the fleet whose trucks `trucks` counts (default: the origin depot's first own fleet)"),
  })
  .meta({ id: 'SizingRequest' });

const OnTime = z.object({ estimate: z.number(), lower: z.number(), upper: z.number(), successes: z.number(), n: z.number() });
const Verdict = z.enum(['MET', 'AT RISK', 'NOT MET']);

const SizingEvaluation = z
  .object({
    amounts: z.record(z.string(), z.number()),
    onTime: OnTime.nullable().describe('P(on time) with its 95 % Wilson interval; null if these amounts make an invalid scenario'),
    verdict: z.enum(['MET', 'AT RISK', 'NOT MET', 'INVALID']),
    medianMin: num,
    p95Min: num,
    bottleneck: Phase.nullable(),
    problem: z.string().nullable(),
  })
  .meta({ id: 'SizingEvaluation' });

const SizingResultSchema = z.object({
  title: z.string(),
  target: z.object({ id: z.string(), label: z.string(), from: z.string(), to: z.string(), people: z.number(), deadlineH: z.number() }),
  confidence: z.number(),
  replications: z.number(),
  seed: Seed,
  asIs: SizingEvaluation.describe('the target as the scenario has it'),
  resources: z
    .array(
      z.object({
        resource: z.string(),
        meaning: z.string(),
        scenario: z.number(),
        min: z.number(),
        max: z.number(),
        least: num.describe('the least amount (the others as in the scenario) that makes the target MET; null: not even max'),
        change: num,
        evidence: SizingEvaluation.describe('at least, or at max when even that is not enough'),
        oneLess: SizingEvaluation.nullable().describe('at least − 1: the evidence that one less is not enough'),
      }),
    )
    .describe('each resource alone'),
  costs: z.record(z.string(), z.number()),
  combination: z
    .object({ amounts: z.record(z.string(), z.number()), added: z.record(z.string(), z.number()), cost: z.number(), evaluation: SizingEvaluation })
    .nullable()
    .describe('the cheapest amounts, none below the scenario’s, that make the target MET; null: not even every resource at its max'),
  atMax: SizingEvaluation.nullable().describe('every resource at its max, when no combination is enough'),
  notMonotone: z
    .object({ fewer: SizingEvaluation, more: SizingEvaluation })
    .nullable()
    .describe('evidence that more is not always better for this target (fewer is MET, more has at least as much of everything and is not); then the answers are the least found, not necessarily the least there is'),
  evaluations: z.number().describe('simulations run, each of `replications` replications'),
  seconds: z.number(),
});

export const SizingResponse = RunRecord.extend({ sizing: SizingResultSchema }).meta({ id: 'SizingResult' });

// ---- Batches ----

export const BatchRequest = z
  .strictObject({
    plan: z
      .record(z.string(), z.unknown())
      .describe('a batch plan, as in a plan file: {base, axes, cells?, replications, seed, seeds?, requiredConfidence?, targets?, title?, description?}; base and scenario axes name shipped scenarios, or scenarios sent in `scenarios`'),
    scenarios: z
      .record(z.string().regex(idPattern), z.record(z.string(), z.unknown()))
      .optional()
      .describe('inline scenario documents by name (each may `extends` a shipped one), for the plan’s base or scenario axis to name'),
  })
  .meta({ id: 'BatchRequest' });

const CellRecordSchema = z
  .object({
    cell: z.string(),
    index: z.number(),
    axes: z.record(z.string(), z.unknown()),
    status: z.enum(['ok', 'failed']),
    seed: Seed.nullable(),
    replications: z.number(),
    requiredConfidence: z.number().nullable(),
    targets: z.array(
      z.object({
        id: z.string(),
        label: z.string(),
        people: z.number(),
        deadlineH: z.number(),
        verdict: Verdict,
        onTime: OnTime,
        completionMin: z.object({ median: num, p95: num, mean: num }),
        bottleneck: z.object({ phase: Phase.nullable(), share: z.number() }),
        peopleByDeadline: z.number(),
        shortfalls: z.partialRecord(z.enum(['stock', 'unreachable', 'horizon']), z.number()),
      }),
    ),
    error: z.object({ kind: z.enum(['invalid', 'limit', 'error']), message: z.string(), issues: z.array(IssueSchema.extend({ file: z.string().optional() })).optional() }).nullable(),
    timing: z.object({ seconds: z.number(), finishedAt: z.string() }),
  })
  .meta({ id: 'CellRecord' });

const AxisEffect = z.object({ axis: z.string(), means: z.array(z.object({ value: z.unknown(), label: z.string(), mean: z.number(), cells: z.number() })), range: num });

const BatchSummarySchema = z
  .object({
    cells: z.number(),
    done: z.number(),
    failed: z.array(z.object({ cell: z.string(), index: z.number(), message: z.string() })),
    targets: z.array(z.object({ id: z.string(), label: z.string(), met: z.number(), atRisk: z.number(), notMet: z.number() })),
    worst: z.array(z.object({ cell: z.string(), index: z.number(), met: z.number(), targets: z.number(), meanOnTime: z.number(), weakest: z.object({ id: z.string(), onTime: z.number() }) })),
    effects: z.object({
      targets: z.array(z.object({ target: z.string(), axes: z.array(AxisEffect), top: z.string().nullable() })),
      overall: z.object({ axes: z.array(z.object({ axis: z.string(), meanRange: num })), top: z.string().nullable() }),
    }),
  })
  .meta({ id: 'BatchSummary' });

export const BatchStatus = z
  .object({
    id: z.string(),
    createdAt: z.string(),
    status: z.enum(['running', 'done', 'cancelled', 'stopped', 'failed']).describe('stopped: it reached the service’s wall-time limit for batches; failed: an unexpected error (see `error`)'),
    title: z.string(),
    hash: z.string().describe('SHA-256 of the plan and its base scenarios as resolved'),
    engineVersion: z.string(),
    plan: z.object({ cells: z.number(), replications: z.number().describe('per cell'), seed: Seed, seeds: z.enum(['common', 'per-cell']), axes: z.array(z.string()) }),
    progress: z.object({
      cellsDone: z.number(),
      cellsFailed: z.number(),
      cellsTotal: z.number(),
      replicationsDone: z.number(),
      replicationsTotal: z.number(),
      elapsedS: z.number(),
      etaS: num.describe('estimated seconds to the end, from the rate so far; null until there is a rate, or once finished'),
    }),
    records: z.array(CellRecordSchema).optional().describe('finished cells in plan order (left out with ?records=false)'),
    summary: BatchSummarySchema.nullable().describe('the end-of-batch summary, once it has finished (over the cells that finished)'),
    error: z.string().nullable(),
  })
  .meta({ id: 'BatchStatus' });

export const BatchIdParams = z.strictObject({ id: z.string().uuid({ error: 'must be a batch id (a UUID)' }) });

export const BatchQuery = z.strictObject({ records: z.enum(['true', 'false']).default('true').describe('include the cell records') });

export const BatchList = z.object({ batches: z.array(BatchStatus.omit({ records: true, summary: true })) });

export const ValidateResponse = z.object({
  valid: z.boolean(),
  issues: z.array(IssueSchema),
  summary: z.object({ title: z.string(), depots: z.number(), fleets: z.number(), missions: z.number(), conditions: z.number() }).optional(),
});

export const ScenarioList = z.array(z.object({ id: z.string(), title: z.string(), description: z.string() }));

export const ScenarioIdParams = z.strictObject({ id: z.string().regex(idPattern, { error: 'must be a scenario id: letters, digits, "-" or "_"' }) });

export const RunIdParams = z.strictObject({ id: z.string().uuid({ error: 'must be a run id (a UUID)' }) });

export const HistoryQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const HistoryEntrySchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  kind: z.enum(['run', 'compare', 'sizing', 'batch']),
  scenarioRef: z.string(),
  scenarioTitle: z.string(),
  scenarioHash: z.string(),
  seed: Seed,
  replications: z.number(),
  engineVersion: z.string(),
  durationMs: z.number(),
});

export const HistoryList = z.object({ total: z.number(), limit: z.number(), offset: z.number(), runs: z.array(HistoryEntrySchema) });

export const HistoryRecordSchema = HistoryEntrySchema.extend({ request: z.unknown(), result: z.unknown() });

export const Health = z.object({ status: z.literal('ok'), version: z.string(), uptimeS: z.number(), workers: z.number(), runsInFlight: z.number() });

export { Scenario };
