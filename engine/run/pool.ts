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
    // A message for a task piscina no longer knows (one settled by a closing pool, say) is emitted as
    // an 'error' event, which would otherwise end the process: nothing is lost, so say so and go on.
    this.piscina.on('error', (error: Error) => process.emitWarning(`worker pool: ${error.message.split('\n')[0]}`));
  }

  /** Tasks waiting for a thread. */
  get queued(): number {
    return this.piscina.queueSize;
  }

  /**
   * Runs a task on a free thread. No abort signal: piscina ends an aborted task by terminating its
   * thread, and a result already posted then surfaces as an uncaught error (piscina #934); work is
   * stopped by the task's own deadline instead.
   */
  run(task: WorkerTask): Promise<ReplicationDigest[]> {
    return this.piscina.run(task);
  }

  /** Closes when the tasks running have finished (they stop at their deadlines, if they have one). */
  close(): Promise<void> {
    return this.piscina.close();
  }
}
