import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { shippedScenarios } from '../../scenarios/index.ts';
import type { AppDeps } from '../deps.ts';
import { ApiError } from '../errors.ts';
import { tryLoad } from '../scenario-request.ts';
import { ErrorBody, Scenario, ScenarioIdParams, ScenarioList, ValidateRequest, ValidateResponse } from '../schemas.ts';

export const scenarioRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app) => {
  app.get('/v1/scenarios', { schema: { summary: 'The shipped scenarios', tags: ['scenarios'], response: { 200: ScenarioList } } }, async () =>
    shippedScenarios().map(({ id, title, description }) => ({ id, title, description })),
  );

  app.get(
    '/v1/scenarios/:id',
    {
      schema: {
        summary: 'A shipped scenario as simulated (extends and defaults applied)',
        tags: ['scenarios'],
        params: ScenarioIdParams,
        response: { 200: Scenario, 404: ErrorBody },
      },
    },
    async (request) => {
      const loaded = tryLoad({ scenario: request.params.id });
      if (!loaded.ok) {
        if (loaded.issues[0]?.code === 'unknown_scenario') throw new ApiError(404, 'unknown_scenario', loaded.issues[0].message);
        throw new ApiError(500, 'internal', 'a shipped scenario does not validate');
      }
      return loaded.scenario;
    },
  );

  app.post(
    '/v1/scenarios/validate',
    {
      schema: {
        summary: 'Check a scenario (shipped id or inline, with overrides) and list every problem with its path',
        tags: ['scenarios'],
        body: ValidateRequest,
        response: { 200: ValidateResponse },
      },
    },
    async (request) => {
      const loaded = tryLoad(request.body);
      if (!loaded.ok) return { valid: false, issues: loaded.issues.map(({ path, code, message }) => ({ path, code, message })) };
      const s = loaded.scenario;
      return {
        valid: true,
        issues: [],
        summary: { title: s.title, depots: Object.keys(s.depots).length, fleets: Object.keys(s.fleets).length, missions: Object.keys(s.missions).length, conditions: Object.keys(s.conditions).length },
      };
    },
  );
};
