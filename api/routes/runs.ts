import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { summarise } from '../../engine/index.ts';
import { remember, type AppDeps } from '../deps.ts';
import { ApiError } from '../errors.ts';
import { asApiError, jsonSafe, loadForRun, runRecord } from '../scenario-request.ts';
import { ErrorBody, HistoryList, HistoryQuery, HistoryRecordSchema, RunIdParams, RunRequest, RunResponse, SimulationErrors } from '../schemas.ts';

export const runRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  app.post(
    '/v1/runs',
    {
      schema: {
        summary: 'Simulate a scenario (a what-if: a shipped or inline scenario with a patch) and get the verdict per target',
        tags: ['runs'],
        body: RunRequest,
        response: { 200: RunResponse, ...SimulationErrors },
      },
    },
    async (request) => {
      const loaded = loadForRun(request.body, deps.config);
      const { scenario, model } = loaded;
      const started = performance.now();
      const [digests] = await deps.runner.run([{ input: model, replications: scenario.run.replications, seed: scenario.run.seed }]).catch((e: unknown) => {
        throw asApiError(e);
      });
      const summary = summarise(model, digests!, scenario.run.seed, scenario.run.requiredConfidence);
      const result = { ...runRecord(request.body, scenario, scenario.run, started), summary: jsonSafe(summary) as never };
      remember(deps, 'run', request.body, result);
      return result;
    },
  );

  app.get(
    '/v1/runs',
    { schema: { summary: 'The history of runs, comparisons, sizings and finished batches, newest first', tags: ['runs'], querystring: HistoryQuery, response: { 200: HistoryList } } },
    async (request) => {
      const { limit, offset } = request.query;
      return { limit, offset, ...deps.history.list(limit, offset) };
    },
  );

  app.get(
    '/v1/runs/:id',
    { schema: { summary: 'One past run, comparison, sizing or batch: request, result, seed, scenario hash, engine version', tags: ['runs'], params: RunIdParams, response: { 200: HistoryRecordSchema, 404: ErrorBody } } },
    async (request) => {
      const record = deps.history.get(request.params.id);
      if (record === null) throw new ApiError(404, 'not_found', `no run ${request.params.id}`);
      return record;
    },
  );
};
