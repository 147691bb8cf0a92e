/**
 * The resources a sizing may vary, and what each amount means for the depot the target starts from
 * (its origin depot D):
 *
 * - trucks: the number of trucks in one fleet of D — the fleet named by `fleet`, else D's first own
 *   (not requisitioned) fleet in the scenario, else its first fleet. Added trucks are like the fleet's
 *   others: all-wheel drive if the whole fleet is, else not (awdCount stays, capped at the count).
 * - docks, forklifts: D's loading docks and forklifts.
 * - crew: D's handlers on duty at the alert (onDutyDay for an alert in the day, onDutyNight at
 *   night); crew.total is raised to match if need be.
 * - preloaded: trucks of D kept loaded with kit, counted over all its fleets, given to its fleets in
 *   the scenario's order and at most each fleet's count (so beyond D's trucks it adds nothing).
 *
 * Each amount becomes a merge patch on the scenario, so the result is checked like any scenario.
 */
import { suggestion } from '../issues.ts';
import type { Json } from '../patch.ts';
import { hourOfDay } from '../compile.ts';
import type { Scenario } from '../schema.ts';

export const RESOURCES = ['trucks', 'docks', 'forklifts', 'preloaded', 'crew'] as const;
export type Resource = (typeof RESOURCES)[number];

/** Bad sizing options; `option` names the one at fault (target, vary, fleet, max, cost, ...). */
export class SizingError extends Error {
  override name = 'SizingError';
  constructor(
    readonly option: string,
    message: string,
  ) {
    super(message);
  }
}

export interface Lever {
  resource: Resource;
  meaning: string;
  /** The amount in the scenario. */
  scenario: number;
  /** The least amount that makes sense (a search never goes below it). */
  min: number;
  /** The top of the search unless the caller says otherwise. */
  defaultMax: number;
}

export interface Levers {
  depot: string;
  /** The fleet whose trucks are counted (null if the depot has none). */
  fleet: string | null;
  levers: Record<Resource, Lever>;
  /** The merge patch that sets the given amounts (the others stay as in the scenario). */
  patch(amounts: Partial<Record<Resource, number>>): Json;
  /**
   * The merge patch that removes every mission not from D. Depots share nothing — trucks, docks, crews
   * and random streams are all per depot — so the target's results are the same without them, and
   * an evaluation is several times faster.
   */
  prune: Json;
}

function isNight(s: Scenario): boolean {
  const [a, f, t] = [s.alert.timeOfDay, s.night.from, s.night.to].map(hourOfDay) as [number, number, number];
  return f > t ? a >= f || a < t : a >= f && a < t;
}

const headroom = (n: number) => Math.max(2 * n, n + 10);

/**
 * The levers for `missionId`'s origin depot.
 * @throws SizingError for an unknown mission or fleet, or a fleet of another depot.
 */
export function leversFor(s: Scenario, missionId: string, fleetId?: string): Levers {
  const mission = s.missions[missionId];
  if (mission === undefined) throw new SizingError('target', `no mission "${missionId}" in the scenario${suggestion(missionId, Object.keys(s.missions))}; one of ${Object.keys(s.missions).join(', ')}`);
  const depotId = mission.from;
  const depot = s.depots[depotId]!;
  const fleets = Object.entries(s.fleets).filter(([, f]) => f.depot === depotId);
  let fleet: string | null;
  if (fleetId !== undefined) {
    const f = s.fleets[fleetId];
    if (f === undefined) throw new SizingError('fleet', `no fleet "${fleetId}"${suggestion(fleetId, fleets.map(([id]) => id))}; the fleets of ${depotId} are ${fleets.map(([id]) => id).join(', ') || 'none'}`);
    if (f.depot !== depotId) throw new SizingError('fleet', `fleet "${fleetId}" belongs to ${f.depot}, not to ${depotId} where mission ${missionId} starts; its fleets are ${fleets.map(([id]) => id).join(', ') || 'none'}`);
    fleet = fleetId;
  } else fleet = (fleets.find(([, f]) => !f.requisitioned) ?? fleets[0])?.[0] ?? null;
  const sized = fleet === null ? null : s.fleets[fleet]!;
  const others = fleets.filter(([id]) => id !== fleet).reduce((a, [, f]) => a + f.count, 0);
  const totalTrucks = fleets.reduce((a, [, f]) => a + f.count, 0);
  const night = isNight(s);
  const shift = night ? 'onDutyNight' : 'onDutyDay';
  const crew = Math.min(depot.crew[shift], depot.crew.total);

  const levers: Record<Resource, Lever> = {
    trucks: {
      resource: 'trucks',
      meaning: fleet === null ? `trucks at ${depotId} (it has no fleet)` : `trucks in fleet ${fleet} at ${depotId}`,
      scenario: sized?.count ?? 0,
      min: others > 0 ? 0 : 1,
      defaultMax: headroom(sized?.count ?? 0),
    },
    docks: { resource: 'docks', meaning: `loading docks at ${depotId}`, scenario: depot.docks, min: 1, defaultMax: headroom(depot.docks) },
    forklifts: { resource: 'forklifts', meaning: `forklifts at ${depotId}`, scenario: depot.forklifts, min: 1, defaultMax: headroom(depot.forklifts) },
    preloaded: {
      resource: 'preloaded',
      meaning: `trucks kept loaded at ${depotId}, over its fleets in order`,
      scenario: fleets.reduce((a, [, f]) => a + f.preloaded, 0),
      min: 0,
      defaultMax: totalTrucks,
    },
    crew: { resource: 'crew', meaning: `handlers on duty at ${depotId} at the alert (${night ? 'night' : 'day'} shift)`, scenario: crew, min: 0, defaultMax: headroom(crew) },
  };

  const patch = (amounts: Partial<Record<Resource, number>>): Json => {
    const depotPatch: Record<string, Json> = {};
    const fleetPatches: Record<string, Record<string, Json>> = {};
    const counts = new Map(fleets.map(([id, f]) => [id, f.count]));
    if (amounts.trucks !== undefined) {
      if (fleet === null || sized === null) throw new SizingError('vary', `${depotId} has no fleet whose trucks could be counted`);
      const n = amounts.trucks;
      counts.set(fleet, n);
      fleetPatches[fleet] = { count: n, awdCount: sized.awdCount === sized.count ? n : Math.min(sized.awdCount, n), preloaded: Math.min(sized.preloaded, n) };
    }
    if (amounts.preloaded !== undefined) {
      let left = amounts.preloaded;
      for (const [id] of fleets) {
        const here = Math.min(left, counts.get(id)!);
        fleetPatches[id] = { ...fleetPatches[id], preloaded: here };
        left -= here;
      }
    }
    if (amounts.docks !== undefined) depotPatch.docks = amounts.docks;
    if (amounts.forklifts !== undefined) depotPatch.forklifts = amounts.forklifts;
    if (amounts.crew !== undefined) depotPatch.crew = { [shift]: amounts.crew, total: Math.max(depot.crew.total, amounts.crew) };
    const out: Record<string, Json> = {};
    if (Object.keys(depotPatch).length > 0) out.depots = { [depotId]: depotPatch };
    if (Object.keys(fleetPatches).length > 0) out.fleets = fleetPatches;
    return out;
  };

  const prune = { missions: Object.fromEntries(Object.entries(s.missions).filter(([, m]) => m.from !== depotId).map(([id]) => [id, null])) };
  return { depot: depotId, fleet, levers, patch, prune };
}
