/**
 * The recorder: the model's only observer. It keeps each truck trip with the time it spent in each
 * phase, and, when asked, a trace of `[time, what, ...ids]` entries for timelines and tests.
 */

/** Where a trip's time goes, from the alert to its delivery. */
export const PHASES = [
  'mobilise', // truck and driver getting ready (plus activation of requisitioned trucks)
  'earlierTrips', // the truck was busy with earlier trips: the load waited for a vehicle
  'blocked', // no usable road for this truck: waited for conditions to change
  'waitDock',
  'waitCrew',
  'waitForklift',
  'pick',
  'load', // forklift loading and the per-truck dock time
  'drive',
  'rest', // drivers' statutory rest
  'waitUnload',
  'unload',
] as const;
export type Phase = (typeof PHASES)[number];

/** The waits among the phases: each is a resource (or its absence) that kept the kit waiting. */
export const WAIT_PHASES: readonly Phase[] = ['earlierTrips', 'blocked', 'waitDock', 'waitCrew', 'waitForklift', 'waitUnload'];

export function emptyPhases(): Record<Phase, number> {
  return { mobilise: 0, earlierTrips: 0, blocked: 0, waitDock: 0, waitCrew: 0, waitForklift: 0, pick: 0, load: 0, drive: 0, rest: 0, waitUnload: 0, unload: 0 };
}

export interface Trip {
  readonly truck: string;
  readonly mission: string;
  /** 1 for the truck's first trip, and so on. */
  readonly number: number;
  /** When the truck took the load (ms after the alert). */
  readonly start: number;
  /** When its kit counted as delivered (ms), or Infinity while under way. */
  end: number;
  readonly load: readonly string[];
  /** Time per phase from the alert to `end` (ms); they add up to `end`. */
  readonly phases: Record<Phase, number>;
  km: number;
}

export type TraceEntry = [number, string, ...unknown[]];

export class Recorder {
  readonly trips: Trip[] = [];
  readonly trace: TraceEntry[] | null;

  constructor(options: { trace?: boolean } = {}) {
    this.trace = options.trace ? [] : null;
  }

  log(time: number, what: string, ...ids: unknown[]): void {
    this.trace?.push([time, what, ...ids]);
  }

  startTrip(truck: string, mission: string, number: number, start: number, load: readonly string[]): Trip {
    const trip: Trip = { truck, mission, number, start, end: Infinity, load, phases: emptyPhases(), km: 0 };
    this.trips.push(trip);
    return trip;
  }
}

/**
 * The bottleneck of a completed mission: the longest wait on its critical trip; if it never waited,
 * its longest activity (driving, most often).
 */
export function bottleneckOf(phases: Record<Phase, number>): Phase {
  let best: Phase | null = null;
  for (const p of WAIT_PHASES) if (phases[p] > 0 && (best === null || phases[p] > phases[best])) best = p;
  if (best !== null) return best;
  let act: Phase = 'drive';
  for (const p of PHASES) if (!WAIT_PHASES.includes(p) && phases[p] > phases[act]) act = p;
  return act;
}
