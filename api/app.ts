/**
 * The HTTP API as a fastify application. It never listens: server.ts does, and tests call `inject`.
 * zod schemas validate requests and shape responses (fastify-type-provider-zod) and become the
 * OpenAPI document at /openapi.json, browsable at /docs.
 */
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { engineVersion, type AppDeps } from './deps.ts';
import { ApiError, installErrorHandling } from './errors.ts';
import { PatchError, assertSafeKeys } from '../scenarios/index.ts';
import { batchRoutes } from './routes/batches.ts';
import { compareRoutes } from './routes/compare.ts';
import { healthRoutes } from './routes/health.ts';
import { runRoutes } from './routes/runs.ts';
import { scenarioRoutes } from './routes/scenarios.ts';
import { sizingRoutes } from './routes/sizing.ts';

export async function buildApp(deps: AppDeps, options: { logger?: FastifyServerOptions['logger'] } = {}): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: deps.config.maxBodyBytes, return503OnClosing: true });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);
  // JSON bodies: JSON.parse keeps "__proto__" as a plain key, so it can be refused with its path
  // (fastify's own parser refuses it as "not valid JSON", which it is). Depth is bounded too.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    if (body === '') return done(new ApiError(400, 'malformed_json', 'the body is empty; send a JSON object'), undefined);
    let value: unknown;
    try {
      value = JSON.parse(body as string);
    } catch (error) {
      return done(new ApiError(400, 'malformed_json', `the body is not valid JSON: ${(error as Error).message}`), undefined);
    }
    try {
      assertSafeKeys(value);
    } catch (error) {
      if (error instanceof PatchError) return done(new ApiError(400, 'forbidden_key', error.message, [{ path: ['body', ...error.path], code: 'forbidden_key', message: error.message }]), undefined);
      throw error;
    }
    done(null, value);
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'zhanbao what-if API',
        version: engineVersion(),
        description:
          "Discrete-event simulation of Liaoning's fire-and-rescue logistics network (战勤保障): will the kit reach the front in time, how likely, and what would it take. Times in minutes unless a field says otherwise; null means never.",
      },
      tags: [
        { name: 'runs', description: 'simulate, compare, and the history of past runs' },
        { name: 'sizing and batches', description: 'the least resources that meet a target; batches of scenario variants, run in the background' },
        { name: 'scenarios', description: 'shipped scenarios and validation' },
        { name: 'service', description: 'liveness' },
      ],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await app.register(healthRoutes, { deps });
  await app.register(scenarioRoutes, { deps });
  await app.register(runRoutes, { deps });
  await app.register(compareRoutes, { deps });
  await app.register(sizingRoutes, { deps });
  await app.register(batchRoutes, { deps, batches: deps.batches });
  return app;
}
