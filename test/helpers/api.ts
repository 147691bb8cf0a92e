/** Builds the API app for tests (never listening), with an in-memory or file history and a small pool. */
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../api/app.ts';
import { ApiConfig } from '../../api/config.ts';
import { HistoryStore } from '../../api/history.ts';
import { RunService } from '../../api/runner.ts';
import { BatchService } from '../../api/batches.ts';
import type { AppDeps } from '../../api/deps.ts';

export interface TestApp {
  app: FastifyInstance;
  deps: AppDeps;
  close(): Promise<void>;
}

export async function buildTestApp(overrides: Partial<ApiConfig> = {}, setup?: (app: FastifyInstance) => void): Promise<TestApp> {
  const config = ApiConfig.parse({ workers: 2, dbPath: ':memory:', logLevel: 'silent', ...overrides });
  const history = new HistoryStore(config.dbPath);
  const runner = new RunService(config.workers, config);
  const batches = new BatchService(config, runner, history);
  const deps: AppDeps = { config, history, runner, batches, startedAt: Date.now() };
  const app = await buildApp(deps);
  setup?.(app);
  await app.ready();
  return {
    app,
    deps,
    close: async () => {
      await app.close();
      await batches.close();
      await runner.close();
      history.close();
    },
  };
}
