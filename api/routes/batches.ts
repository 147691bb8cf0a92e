import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { loadPlanDocument } from '../../scenarios/index.ts';
import type { BatchService, BatchView } from '../batches.ts';
import type { AppDeps } from '../deps.ts';
import { ApiError } from '../errors.ts';
import { BatchIdParams, BatchList, BatchQuery, BatchRequest, BatchStatus, ErrorBody } from '../schemas.ts';

const TAG = 'sizing and batches';

export const batchRoutes: FastifyPluginAsyncZod<{ deps: AppDeps; batches: BatchService }> = async (app, { batches }) => {
  const found = (id: string, view: BatchView | null): BatchView => {
    if (view === null) throw new ApiError(404, 'not_found', `no batch ${id}`);
    return view;
  };

  app.post(
    '/v1/batches',
    {
      schema: {
        summary: 'Start a batch (a plan: a base scenario, axes to vary, replications per cell, a seed); it runs in the background — follow it at the URL in Location',
        tags: [TAG],
        body: BatchRequest,
        response: { 202: BatchStatus, 400: ErrorBody, 429: ErrorBody },
      },
    },
    async (request, reply) => {
      const { plan, scenarios } = request.body;
      const loaded = loadPlanDocument(plan, { dir: null, ...(scenarios !== undefined && { scenarios }) });
      if (!loaded.ok) {
        const n = loaded.issues.length;
        // Issues in a scenario sent with the plan already have their path from the request's `scenarios`.
        const inRequest = (p: (string | number)[]) => (p[0] === 'scenarios' && scenarios !== undefined ? p : ['plan', ...p]);
        throw new ApiError(400, 'invalid_plan', `the plan has ${n} problem${n === 1 ? '' : 's'}`, loaded.issues.map((i) => ({ path: inRequest(i.path), code: i.code, message: i.message })));
      }
      const view = batches.start(loaded.plan, request.body);
      return reply.code(202).header('location', `/v1/batches/${view.id}`).send(view);
    },
  );

  app.get(
    '/v1/batches',
    { schema: { summary: 'Batches since the service started (the last 20 finished, and those running), newest first; all finished batches are also in GET /v1/runs', tags: [TAG], response: { 200: BatchList } } },
    async () => ({ batches: batches.list().map(({ records: _r, summary: _s, ...rest }) => rest) }),
  );

  app.get(
    '/v1/batches/:id',
    {
      schema: {
        summary: "A batch's status and progress (cells done, rate, ETA), its finished cells in plan order, and once finished its summary",
        tags: [TAG],
        params: BatchIdParams,
        querystring: BatchQuery,
        response: { 200: BatchStatus, 400: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) => {
      const view = found(request.params.id, batches.get(request.params.id));
      if (request.query.records === 'false') {
        const { records: _records, ...rest } = view;
        return rest;
      }
      return view;
    },
  );

  app.delete(
    '/v1/batches/:id',
    {
      schema: {
        summary: 'Cancel a running batch: chunks in flight finish and are dropped, the cells already finished are kept; answers once it has stopped (a finished batch is returned as it is)',
        tags: [TAG],
        params: BatchIdParams,
        response: { 200: BatchStatus, 400: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) => found(request.params.id, await batches.cancel(request.params.id)),
  );
};
