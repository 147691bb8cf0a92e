/** A trace log for tests that assert a whole run as `[time, what, ...ids]` entries (SimPy's `log`). */
import type { Environment } from '../../engine/kernel/index.ts';

export type Entry = [number, string, ...unknown[]];

export function traceLog(env: Environment): { log: Entry[]; at: (what: string, ...ids: unknown[]) => void } {
  const log: Entry[] = [];
  return { log, at: (what, ...ids) => void log.push([env.now, what, ...ids]) };
}
