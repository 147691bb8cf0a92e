/**
 * The one place that listens: builds the pool, the history and the app from a configuration,
 * listens, and shuts down gracefully on SIGINT or SIGTERM (in-flight requests finish first).
 */
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import type { ApiConfig } from './config.ts';
import { BatchService } from './batches.ts';
import { HistoryStore } from './history.ts';
import { RunService } from './runner.ts';

export interface RunningServer {
  app: FastifyInstance;
  /** The address it listens on, e.g. http://127.0.0.1:8080. */
  url: string;
  close(): Promise<void>;
}

export async function startServer(config: ApiConfig, options: { handleSignals?: boolean } = {}): Promise<RunningServer> {
  const history = new HistoryStore(config.dbPath);
  const runner = new RunService(config.workers, config);
  const batches = new BatchService(config, runner, history);
  const app = await buildApp({ config, history, runner, batches, startedAt: Date.now() }, { logger: { level: config.logLevel } });
  let closing: Promise<void> | null = null;
  const close = () =>
    (closing ??= (async () => {
      await app.close();
      await batches.close(); // running batches are saved as cancelled, with their finished cells
      await runner.close();
      history.close();
    })());
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await close();
    throw error;
  }
  const address = app.server.address();
  const url = typeof address === 'object' && address !== null ? `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}` : String(address);
  if (options.handleSignals ?? true) {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        app.log.info(`${signal}: closing (in-flight requests finish first)`);
        void close().then(() => process.exit(0));
      });
    }
  }
  return { app, url, close };
}
