/**
 * Request and response shapes of the HTTP API, as zod schemas (fastify-type-provider-zod validates
 * requests and serialises responses with them, and @fastify/swagger turns them into the OpenAPI
 * document). The scenario itself is the project's own `Scenario` schema, not a copy.
 */
import { z } from 'zod';
import { PHASES } from '../engine/index.ts';
import { Scenario } from '../scenarios/index.ts';

const idPattern = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
/** A number that may be "never" (a target not reached) or undefined (no interval with one replication): null in JSON. */
const num = z.number().nullable();

export const IssueSchema = z.object({
  path: z.array(z.union([z.string(), z.number()])),
  code: z.string(),
  message: z.string(),
});

export const ErrorBody = z
  .object({
    error: z.string().describe('machine-readable code: bad_request, malformed_json, invalid_scenario, unknown_scenario, not_found, too_many_runs, run_timed_out, limit_exceeded, body_too_large, internal'),
    message: z.string(),
    issues: z.array(IssueSchema).optional(),
  })
  .meta({ id: 'Error' });

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
  kind: z.enum(['run', 'compare']),
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
