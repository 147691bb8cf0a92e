/**
 * Dispatch: when a truck is free at a depot, which mission does it serve? A policy is a tiny
 * interface so that alternatives can be compared on the same scenario; every policy passes the same
 * contract suite (test/model/dispatch.contract.ts).
 */

/** What a policy may know of a mission. */
export interface MissionView {
  readonly id: string;
  /** Smaller is more urgent. */
  readonly priority: number;
  /** Deadline after the alert (ms). */
  readonly deadlineMs: number;
  /** Modules still to be shipped. */
  readonly modulesLeft: number;
}

export interface DispatchPolicy {
  readonly name: string;
  /**
   * The mission the free truck should serve next, among those it can serve (`canServe`), or null if
   * it can serve none. Must be deterministic: the same input gives the same answer.
   */
  choose(candidates: readonly MissionView[], canServe: (m: MissionView) => boolean): MissionView | null;
}

function firstBy(order: (a: MissionView, b: MissionView) => number): DispatchPolicy['choose'] {
  return (candidates, canServe) => {
    let best: MissionView | null = null;
    for (const m of candidates) {
      if (m.modulesLeft <= 0 || !canServe(m)) continue;
      if (best === null || order(m, best) < 0) best = m;
    }
    return best;
  };
}

const byId = (a: MissionView, b: MissionView) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Mission priority first, then the earlier deadline, then the id. */
export const priorityFirst: DispatchPolicy = {
  name: 'priority',
  choose: firstBy((a, b) => a.priority - b.priority || a.deadlineMs - b.deadlineMs || byId(a, b)),
};

/** The earlier deadline first, then priority, then the id. */
export const earliestDeadline: DispatchPolicy = {
  name: 'earliest-deadline',
  choose: firstBy((a, b) => a.deadlineMs - b.deadlineMs || a.priority - b.priority || byId(a, b)),
};

export const dispatchPolicies: Record<'priority' | 'earliest-deadline', DispatchPolicy> = {
  priority: priorityFirst,
  'earliest-deadline': earliestDeadline,
};
