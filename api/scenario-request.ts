/**
 * Turning a request's `scenario` (a shipped id or an inline document), `patch` and `set` into a
 * checked scenario, within the service's limits. Ids name shipped scenarios only: never a path.
 */
import { createHash, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { loadInlineScenario, loadScenario, Scenario, shippedScenarioFile, shippedScenarios, type LoadResult } from '../scenarios/index.ts';
import { suggestion } from '../scenarios/issues.ts';
import type { ApiConfig } from './config.ts';
import { engineVersion } from './deps.ts';
import type { RunRecord } from './schemas.ts';
import { ApiError, invalidScenario } from './errors.ts';

export type Loaded = Extract<LoadResult, { ok: true }>;

export interface ScenarioRequest {
  scenario: string | Record<string, unknown>;
  patch?: Record<string, unknown> | undefined;
  set?: string[] | undefined;
  replications?: number | undefined;
  seed?: string | number | undefined;
}

/**
 * Loads without throwing: the LoadResult, with an unknown id as an issue. A problem that comes from an
 * override has as its file the override's place in the request, "@" then a dotted path ("@patch",
 * "@set.0", "@variants.fast"; "@run" for replications and seed): see {@link invalidScenario}.
 * `extraNames` name `extraPatches` in the same way.
 */
export function tryLoad(req: Pick<ScenarioRequest, 'scenario' | 'patch' | 'set'>, extraPatches: unknown[] = [], extraNames: string[] = []): LoadResult {
  const options = {
    patches: [...(req.patch === undefined ? [] : [req.patch]), ...extraPatches],
    patchNames: [...(req.patch === undefined ? [] : ['@patch']), ...extraNames],
    sets: req.set ?? [],
    setNames: (req.set ?? []).map((_, i) => `@set.${i}`),
  };
  if (typeof req.scenario === 'string') {
    if (shippedScenarioFile(req.scenario) === null) {
      return { ok: false, file: null, issues: [{ path: [], code: 'unknown_scenario', message: `no shipped scenario "${req.scenario}"${suggestion(req.scenario, shippedScenarios().map((s) => s.id))}` }] };
    }
    const r = loadScenario(req.scenario, options);
    return r.ok ? r : { ...r, issues: r.issues.map(({ file, ...i }) => (file?.startsWith('@') ? { ...i, file } : i)) }; // no server paths in answers
  }
  return loadInlineScenario(req.scenario, options);
}

/**
 * Loads the request's scenario with its overrides, and `replications` / `seed` if given.
 * @throws ApiError 404 for an unknown scenario id, 400 for an invalid scenario or a limit exceeded.
 */
export function loadForRun(req: ScenarioRequest, config: ApiConfig): Loaded {
  if (req.replications !== undefined) checkReplications(req.replications, config, ['replications']);
  const run: Record<string, unknown> = {};
  if (req.replications !== undefined) run.replications = req.replications;
  if (req.seed !== undefined) run.seed = req.seed;
  const hasRun = Object.keys(run).length > 0;
  const loaded = tryLoad(req, hasRun ? [{ run }] : [], hasRun ? ['@run'] : []);
  if (!loaded.ok) {
    if (loaded.issues[0]?.code === 'unknown_scenario') throw new ApiError(404, 'unknown_scenario', loaded.issues[0].message);
    throw invalidScenario(loaded.issues);
  }
  const { replications, limits } = loaded.scenario.run;
  checkReplications(replications, config, ['scenario', 'run', 'replications']);
  if (limits.horizonH > config.maxHorizonH) {
    throw new ApiError(400, 'bad_request', 'simulated horizon too long', [{ path: ['scenario', 'run', 'limits', 'horizonH'], code: 'too_big', message: `must be at most ${config.maxHorizonH} h (the service's limit); got ${limits.horizonH}` }]);
  }
  return loaded;
}

/** @throws ApiError 400 if `replications` (at `path` in the request) is beyond the service's limit. */
export function checkReplications(replications: number, config: ApiConfig, path: (string | number)[]): void {
  if (replications > config.maxReplications) {
    throw new ApiError(400, 'bad_request', 'too many replications', [{ path, code: 'too_big', message: `must be at most ${config.maxReplications} (the service's limit); got ${replications}` }]);
  }
}

/** What a run, comparison or sizing records about itself: an id, when, which scenario, seed, engine, how long. */
export function runRecord(req: ScenarioRequest, scenario: Scenario, run: { seed: string | number; replications: number }, startedMs: number): RunRecord {
  return {
    id: randomUUID(),
    createdAt: new Date().toISOString(),
    scenario: { ref: refOf(req), title: scenario.title, hash: scenarioHash(scenario) },
    seed: run.seed,
    replications: run.replications,
    engineVersion: engineVersion(),
    durationMs: Math.round(performance.now() - startedMs),
  };
}

/** JSON with keys in a fixed order, for hashing. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** SHA-256 of the scenario as simulated: equal scenarios give equal hashes, whatever their key order. */
export function scenarioHash(scenario: Scenario): string {
  return createHash('sha256').update(canonical(z.encode(Scenario, scenario))).digest('hex');
}

/** "baseline", or "inline" for a document sent in the request. */
export const refOf = (req: ScenarioRequest): string => (typeof req.scenario === 'string' ? req.scenario : 'inline');

/** A value with every non-finite number (a target never reached, an undefined interval) as null. */
export function jsonSafe<T>(value: T): unknown {
  return JSON.parse(JSON.stringify(value, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v)));
}

/** Errors from a replication (its event or wall-time limit) as an answer rather than a 500. */
export function asApiError(error: unknown): unknown {
  const message = (error as Error)?.message ?? '';
  if (/^run stopped: /.test(message)) return new ApiError(422, 'limit_exceeded', `${message}; raise scenario run.limits or simplify the scenario`);
  return error;
}
