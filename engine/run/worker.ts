/** Worker thread entry: runs a chunk of replications and returns their digests. */
import type { ModelInput } from '../model/input.ts';
import { runIndices } from './replicate.ts';

export interface WorkerTask {
  input: ModelInput;
  seed: string | number;
  indices: number[];
  /** Date.now() milliseconds by which to stop (see ReplicateOptions.deadline). */
  deadline?: number;
}

export default function runTask(task: WorkerTask) {
  return runIndices(task.input, task.seed, task.indices, task.deadline);
}
