/**
 * A pool of worker threads (piscina) for replications. From source (tests, tsx) the workers load
 * worker.ts through the same loader; from the esbuild bundle they load dist/worker.mjs.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import { projectRoot, runningFromSource } from '../paths.ts';
import type { ReplicationDigest } from '../summary.ts';
import type { WorkerTask } from './worker.ts';

const workerFile = () => pathToFileURL(path.join(projectRoot(), runningFromSource() ? 'engine/run/worker.ts' : 'dist/worker.mjs'));

export class WorkerPool {
  private readonly piscina: Piscina;

  /**
   * @param threads worker threads
   * @param idleTimeoutMs how long an idle thread lives (a server keeps its threads warm)
   */
  constructor(
    readonly threads: number,
    idleTimeoutMs = 1000,
  ) {
    this.piscina = new Piscina({ filename: workerFile().href, minThreads: threads, maxThreads: threads, idleTimeout: idleTimeoutMs });
  }

  /** Tasks waiting for a thread. */
  get queued(): number {
    return this.piscina.queueSize;
  }

  run(task: WorkerTask, signal?: AbortSignal): Promise<ReplicationDigest[]> {
    return this.piscina.run(task, signal === undefined ? {} : { signal });
  }

  close(): Promise<void> {
    return this.piscina.destroy();
  }
}
