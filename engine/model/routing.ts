/**
 * Route planning: which path a truck takes from where it is, given the roads at the time it sets
 * off. A planner is a tiny interface; every planner passes the same contract suite
 * (test/model/routing.contract.ts). Answers are cached per (from, to, vehicle, road epoch).
 */
import type { RoadConditions, TruckTraits } from './conditions.ts';
import type { Path, RoadNetwork } from './network.ts';

export interface RoutePlanner {
  readonly name: string;
  /** A usable path from `from` to `to` for `truck` setting off at `at` (ms), or null if there is none now. */
  plan(from: string, to: string, at: number, truck: TruckTraits): Path | null;
}

function cached(name: string, conditions: RoadConditions, compute: (from: string, to: string, at: number, truck: TruckTraits) => Path | null): RoutePlanner {
  const cache = new Map<string, Path | null>();
  return {
    name,
    plan(from, to, at, truck) {
      const key = `${from}|${to}|${truck.awd ? 1 : 0}|${truck.speedFactor}|${conditions.epochAt(at)}`;
      let path = cache.get(key);
      if (path === undefined) {
        path = compute(from, to, at, truck);
        cache.set(key, path);
      }
      return path;
    },
  };
}

/** Least travel time under the conditions in force when the truck sets off. */
export function fastestRoutes(network: RoadNetwork, conditions: RoadConditions): RoutePlanner {
  return cached('fastest', conditions, (from, to, at, truck) => network.shortestPath(from, to, (link) => conditions.travelMs(link, at, truck)));
}

/** Least distance over the links usable when the truck sets off. */
export function shortestRoutes(network: RoadNetwork, conditions: RoadConditions): RoutePlanner {
  return cached('shortest', conditions, (from, to, at, truck) =>
    network.shortestPath(from, to, (link) => (conditions.speedKmh(link, at, truck) > 0 ? link.lengthKm : Infinity)),
  );
}

/**
 * The first time at or after `at` when `truck` has a usable route from `from` to `to` (the roads
 * only change at the conditions' change times), or Infinity if it never will.
 */
export function firstOpening(routes: RoutePlanner, conditions: RoadConditions, from: string, to: string, at: number, truck: TruckTraits): number {
  if (routes.plan(from, to, at, truck) !== null) return at;
  for (let i = conditions.epochAt(at); i < conditions.changes.length; i++) {
    const t = conditions.changes[i]!;
    if (routes.plan(from, to, t, truck) !== null) return t;
  }
  return Infinity;
}
