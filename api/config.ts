/**
 * The service's settings, from command-line flags, then environment variables, then defaults. Every
 * limit the API enforces is here, so that it is documented and configurable in one place.
 */
import { availableParallelism } from 'node:os';
import { z } from 'zod';

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

export const ApiConfig = z.strictObject({
  /** TCP port (0: any free port). Env PORT. */
  port: int(0, 65535).default(8080),
  /** Address to listen on. Env HOST. */
  host: z.string().min(1).default('127.0.0.1'),
  /** SQLite file of the run history (created if missing). Env ZHANBAO_DB. */
  dbPath: z.string().min(1).default('zhanbao-history.sqlite'),
  /** Worker threads that run simulations. Env ZHANBAO_WORKERS. */
  workers: int(1, 64).default(Math.min(availableParallelism(), 8)),
  /** Most replications one request may ask for. Env ZHANBAO_MAX_REPLICATIONS. */
  maxReplications: int(1, 1_000_000).default(5000),
  /** Most variants in one comparison. Env ZHANBAO_MAX_VARIANTS. */
  maxVariants: int(1, 100).default(10),
  /** Largest simulated horizon a scenario may set (h). Env ZHANBAO_MAX_HORIZON_H. */
  maxHorizonH: int(1, 24 * 365).default(24 * 30),
  /** Runs computing at once; more get 429 Too Many Requests. Env ZHANBAO_MAX_CONCURRENT. */
  maxConcurrentRuns: int(1, 1000).default(4),
  /** Wall time a run may take before it is stopped and answered with 504 (s). Env ZHANBAO_RUN_TIMEOUT_S. */
  runTimeoutS: int(1, 86_400).default(60),
  /** Wall time a sizing may take before it is stopped and answered with 504 (s). Env ZHANBAO_SIZING_TIMEOUT_S. */
  sizingTimeoutS: int(1, 86_400).default(300),
  /** Batches running at once (they share the workers with runs, a chunk at a time); more get 429. Env ZHANBAO_MAX_BATCHES. */
  maxConcurrentBatches: int(1, 100).default(1),
  /** Most replications in one batch, over all its cells. Env ZHANBAO_MAX_BATCH_REPLICATIONS. */
  maxBatchReplications: int(1, 100_000_000).default(200_000),
  /** Wall time a batch may run before it is stopped (its finished cells are kept) (s). Env ZHANBAO_BATCH_TIMEOUT_S. */
  batchTimeoutS: int(1, 7 * 86_400).default(3600),
  /** Largest request body (bytes). Env ZHANBAO_MAX_BODY_BYTES. */
  maxBodyBytes: int(1024, 100 * 1024 * 1024).default(1024 * 1024),
  /** fastify/pino log level. Env ZHANBAO_LOG_LEVEL. */
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});
export type ApiConfig = z.infer<typeof ApiConfig>;

/** Environment variable of each setting. */
export const ENV_NAMES: Record<keyof ApiConfig, string> = {
  port: 'PORT',
  host: 'HOST',
  dbPath: 'ZHANBAO_DB',
  workers: 'ZHANBAO_WORKERS',
  maxReplications: 'ZHANBAO_MAX_REPLICATIONS',
  maxVariants: 'ZHANBAO_MAX_VARIANTS',
  maxHorizonH: 'ZHANBAO_MAX_HORIZON_H',
  maxConcurrentRuns: 'ZHANBAO_MAX_CONCURRENT',
  runTimeoutS: 'ZHANBAO_RUN_TIMEOUT_S',
  sizingTimeoutS: 'ZHANBAO_SIZING_TIMEOUT_S',
  maxConcurrentBatches: 'ZHANBAO_MAX_BATCHES',
  maxBatchReplications: 'ZHANBAO_MAX_BATCH_REPLICATIONS',
  batchTimeoutS: 'ZHANBAO_BATCH_TIMEOUT_S',
  maxBodyBytes: 'ZHANBAO_MAX_BODY_BYTES',
  logLevel: 'ZHANBAO_LOG_LEVEL',
};

/** Command-line flag of each setting (`zhanbao serve --<flag>`). */
export const FLAG_NAMES: Record<keyof ApiConfig, string> = {
  port: 'port',
  host: 'host',
  dbPath: 'db',
  workers: 'workers',
  maxReplications: 'max-replications',
  maxVariants: 'max-variants',
  maxHorizonH: 'max-horizon-h',
  maxConcurrentRuns: 'max-concurrent',
  runTimeoutS: 'run-timeout-s',
  sizingTimeoutS: 'sizing-timeout-s',
  maxConcurrentBatches: 'max-batches',
  maxBatchReplications: 'max-batch-replications',
  batchTimeoutS: 'batch-timeout-s',
  maxBodyBytes: 'max-body-bytes',
  logLevel: 'log-level',
};

/**
 * The configuration from flags (already parsed, by setting name) over environment variables over
 * defaults. Returns the problems, naming the flag or variable, instead of throwing.
 */
export function resolveConfig(flags: Partial<Record<keyof ApiConfig, string>>, env: NodeJS.ProcessEnv = process.env): { ok: true; config: ApiConfig } | { ok: false; problems: string[] } {
  const raw: Record<string, string> = {};
  const source: Record<string, string> = {};
  for (const [key, name] of Object.entries(ENV_NAMES)) {
    const fromFlag = flags[key as keyof ApiConfig];
    const fromEnv = env[name];
    if (fromFlag !== undefined) {
      raw[key] = fromFlag;
      source[key] = `--${FLAG_NAMES[key as keyof ApiConfig]}`;
    } else if (fromEnv !== undefined && fromEnv !== '') {
      raw[key] = fromEnv;
      source[key] = name;
    }
  }
  const parsed = ApiConfig.safeParse(raw);
  if (parsed.success) return { ok: true, config: parsed.data };
  return { ok: false, problems: parsed.error.issues.map((i) => `${source[String(i.path[0])] ?? String(i.path[0])}: ${i.message}`) };
}
