import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../deps.ts';
import { engineVersion } from '../deps.ts';
import { Health } from '../schemas.ts';

/** GET /health: answers at once, even while runs are in flight (they run on worker threads). */
export const healthRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  app.get('/health', { schema: { summary: 'Liveness and load', tags: ['service'], response: { 200: Health } } }, async () => ({
    status: 'ok' as const,
    version: engineVersion(),
    uptimeS: Math.round((Date.now() - deps.startedAt) / 1000),
    workers: deps.runner.pool.threads,
    runsInFlight: deps.runner.inFlight,
  }));
};
