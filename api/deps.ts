/** What the routes need from the service around them; the server (or a test) provides it. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../engine/paths.ts';
import type { ApiConfig } from './config.ts';
import type { BatchService } from './batches.ts';
import type { HistoryKind, HistoryStore } from './history.ts';
import type { RunRecord } from './schemas.ts';
import type { RunService } from './runner.ts';

export interface AppDeps {
  config: ApiConfig;
  history: HistoryStore;
  runner: RunService;
  batches: BatchService;
  /** Date.now() when the service started. */
  startedAt: number;
}

let version: string | undefined;

/** zhanbao's version, from package.json: recorded with every run. */
export function engineVersion(): string {
  version ??= (JSON.parse(readFileSync(path.join(projectRoot(), 'package.json'), 'utf8')) as { version: string }).version;
  return version;
}

/** Keeps a run, comparison or sizing in the history, with the request that asked for it. */
export function remember(deps: AppDeps, kind: HistoryKind, request: unknown, result: RunRecord): void {
  deps.history.add({
    id: result.id,
    createdAt: result.createdAt,
    kind,
    scenarioRef: result.scenario.ref,
    scenarioTitle: result.scenario.title,
    scenarioHash: result.scenario.hash,
    seed: result.seed,
    replications: result.replications,
    engineVersion: result.engineVersion,
    durationMs: result.durationMs,
    request,
    result,
  });
}
