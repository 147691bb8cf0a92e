/**
 * Errors as the API answers them: a status, a machine-readable `error` code, a message, and for bad
 * input the list of `issues` ({path, code, message}). One handler maps everything here; anything
 * unexpected becomes a 500 whose body reveals nothing internal (the cause goes to the log).
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ScenarioIssue } from '../scenarios/index.ts';
import { suggestion } from '../scenarios/issues.ts';
import { keysAt } from '../scenarios/parse.ts';

export interface Issue {
  path: (string | number)[];
  code: string;
  message: string;
}

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues?: Issue[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

/**
 * Where an issue is in the request: under `prefix` (the scenario) unless an override caused it — then
 * at that override: `set` entries by index (the message names the scenario path), `patch` and variant
 * patches at the path inside them, replications and seed as themselves.
 */
function requestPath(issue: ScenarioIssue, prefix: (string | number)[]): (string | number)[] {
  if (!issue.file?.startsWith('@')) return [...prefix, ...issue.path];
  const place = issue.file.slice(1).split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  if (place[0] === 'set') return place;
  if (place[0] === 'run') return issue.path.slice(1, 2);
  return [...place, ...issue.path];
}

/** 400 for a scenario that does not validate; its issues keep their paths inside the request. */
export function invalidScenario(issues: ScenarioIssue[], prefix: (string | number)[] = ['scenario']): ApiError {
  return new ApiError(
    400,
    'invalid_scenario',
    `the scenario has ${issues.length} problem${issues.length === 1 ? '' : 's'}`,
    issues.map((i) => ({ path: requestPath(i, prefix), code: i.code, message: i.file?.startsWith('@') && i.file.startsWith('@set') ? `${i.path.join('.')}: ${i.message}` : i.message })),
  );
}

/** Installs the one error handler and the not-found handler. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setNotFoundHandler((request, reply) => {
    void reply.code(404).send({ error: 'not_found', message: `no route ${request.method} ${request.url.split('?')[0]}` });
  });
  app.setErrorHandler((error: FastifyError | ApiError | Error, request, reply) => {
    if (error instanceof ApiError) {
      if (error.headers) void reply.headers(error.headers);
      return reply.code(error.status).send({ error: error.code, message: error.message, ...(error.issues ? { issues: error.issues } : {}) });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = (error as { validationContext?: string }).validationContext ?? 'body';
      const schema = (request.routeOptions.schema as Record<string, unknown> | undefined)?.[where];
      const issues: Issue[] = error.validation.flatMap((v) => {
        const at = v.instancePath.split('/').filter((p) => p !== '').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
        const keys = (v.params as { keys?: unknown } | undefined)?.keys;
        if (v.keyword === 'unrecognized_keys' && Array.isArray(keys)) {
          // One issue per unknown field, at its own path, with the near allowed name.
          const allowed = schema === undefined ? [] : keysAt(schema as Parameters<typeof keysAt>[0], at);
          return keys.map((k) => ({ path: [where, ...at, String(k)], code: 'unrecognized_keys', message: `unknown field "${String(k)}"${suggestion(String(k), allowed)}` }));
        }
        return [{ path: [where, ...at], code: String(v.keyword), message: v.message ?? 'invalid' }];
      });
      return reply.code(400).send({ error: 'bad_request', message: `the request ${where} is not valid`, issues });
    }
    const fe = error as FastifyError;
    if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return reply.code(413).send({ error: 'body_too_large', message: fe.message });
    if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return reply.code(415).send({ error: 'unsupported_media_type', message: 'send application/json' });
    if (fe.statusCode === 400 || fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError) {
      // Malformed JSON, or a body with __proto__ / constructor.prototype (refused by the JSON parser).
      return reply.code(400).send({ error: 'malformed_json', message: fe.message.replace(/^Body is not valid JSON but content-type is set to 'application\/json'$/, 'the body is not valid JSON') });
    }
    if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
      return reply.code(fe.statusCode).send({ error: 'bad_request', message: fe.message });
    }
    request.log.error({ err: error }, 'unexpected error');
    return reply.code(500).send({ error: 'internal', message: 'internal error; the cause is in the service log' });
  });
}
