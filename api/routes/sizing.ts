import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sizeResources, SizingError } from '../../scenarios/index.ts';
import { remember, type AppDeps } from '../deps.ts';
import { ApiError } from '../errors.ts';
import { asApiError, checkReplications, jsonSafe, loadForRun, runRecord } from '../scenario-request.ts';
import { SimulationErrors, SizingRequest, SizingResponse } from '../schemas.ts';

/** Replications per evaluation when the request does not say (the CLI's default too). */
const DEFAULT_REPLICATIONS = 200;

export const sizingRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  app.post(
    '/v1/sizing',
    {
      schema: {
        summary: 'The least of each resource, and the cheapest combination, that makes a target MET — with the evidence and the number of evaluations',
        tags: ['sizing and batches'],
        body: SizingRequest,
        response: { 200: SizingResponse, ...SimulationErrors },
      },
    },
    async (request) => {
      const body = request.body;
      const replications = body.replications ?? DEFAULT_REPLICATIONS;
      checkReplications(replications, deps.config, ['replications']);
      const loaded = loadForRun({ scenario: body.scenario, patch: body.patch, set: body.set }, deps.config);
      const started = performance.now();
      const sizing = await deps.runner
        .withSlot(
          (signal, deadline) =>
            sizeResources(loaded, {
              target: body.target,
              vary: body.vary,
              replications,
              pool: deps.runner.pool,
              signal,
              deadline,
              ...(body.confidence !== undefined && { confidence: body.confidence }),
              ...(body.seed !== undefined && { seed: body.seed }),
              ...(body.max !== undefined && { max: typeof body.max === 'number' ? Object.fromEntries(body.vary.map((r) => [r, body.max as number])) : body.max }),
              ...(body.cost !== undefined && { cost: body.cost }),
              ...(body.fleet !== undefined && { fleet: body.fleet }),
            }),
          deps.config.sizingTimeoutS,
          'vary fewer resources, lower their max, or ask for fewer replications',
        )
        .catch((e: unknown) => {
          if (e instanceof SizingError) throw new ApiError(400, 'invalid_option', e.message, [{ path: [e.option], code: 'invalid_option', message: e.message }]);
          throw asApiError(e);
        });
      const { scenario: _file, ...answer } = sizing; // a file path on the server is nobody's business
      const result = { ...runRecord(body, loaded.scenario, { seed: sizing.seed, replications }, started), sizing: jsonSafe(answer) as never };
      remember(deps, 'sizing', body, result);
      return result;
    },
  );
};
