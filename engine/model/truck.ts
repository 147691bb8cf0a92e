/**
 * A truck's working day as one process: get ready, take a load, wait for a dock, be loaded by
 * forklifts and handlers, drive the best route under the conditions of the moment, unload, and come
 * back for more while its depot has kit to send. Every wait and activity is booked to the trip's
 * phases, which add up to the time of its delivery.
 */
import type { Environment, ProcessGenerator, Resource } from '../kernel/index.ts';
import type { Distribution, RandomStream, Streams } from '../random.ts';
import type { RoadConditions, TruckTraits } from './conditions.ts';
import type { Depot } from './depot.ts';
import type { DispatchPolicy } from './dispatch.ts';
import type { FleetInput, NetworkInput } from './input.ts';
import type { Capacity } from './kit.ts';
import type { Mission } from './mission.ts';
import { PHASES, emptyPhases, type Phase, type Recorder, type Trip } from './recorder.ts';
import type { RoutePlanner } from './routing.ts';
import { hours, minutes } from './units.ts';

/** Everything a truck process needs from the rest of the model. */
export interface World {
  env: Environment;
  conditions: RoadConditions;
  routes: RoutePlanner;
  recorder: Recorder;
  policy: DispatchPolicy;
  streams: Streams;
  network: NetworkInput;
  /** Unloading teams per mission with a finite number of them. */
  unloadTeams: Map<string, Resource>;
}

export interface Truck extends TruckTraits {
  readonly id: string;
  readonly fleet: FleetInput;
  readonly depot: Depot;
  readonly capacity: Capacity;
  readonly preloaded: boolean;
  /** Modules on board. */
  cargo: string[];
  /** Node where the truck is, or the link it is driving. */
  at: string;
}

const duration = (s: RandomStream, d: Distribution): number => minutes(Math.max(0, s.sample(d)));

export function* truckProcess(world: World, truck: Truck): ProcessGenerator {
  const { env, recorder } = world;
  const depot = truck.depot;
  const fleet = truck.fleet;
  const ready = world.streams.get(`ready:${truck.id}`);
  const handling = world.streams.get(`handling:${truck.id}`);
  const driving = world.streams.get(`drive:${truck.id}`);

  const readiness = world.conditions.isNight(0) ? fleet.readinessNightMin : fleet.readinessMin;
  yield env.timeout(duration(ready, readiness) + duration(ready, fleet.activationMin));
  const readyAt = env.now;
  recorder.log(env.now, 'ready', truck.id);

  let freeSince = readyAt;
  for (let number = 1; ; number++) {
    // Take a load, or wait for the roads to change if none can be served now.
    let choice = depot.nextLoad(world.policy, world.routes, world.conditions, truck, env.now);
    while (choice === null) {
      if (!depot.hasWorkFor(truck.capacity)) {
        recorder.log(env.now, 'park', truck.id, depot.id);
        return;
      }
      const next = world.conditions.nextChangeAfter(env.now);
      if (next === Infinity) {
        recorder.log(env.now, 'stuck', truck.id, depot.id);
        return;
      }
      yield env.timeout(next - env.now);
      choice = depot.nextLoad(world.policy, world.routes, world.conditions, truck, env.now);
    }
    const { mission, load } = choice;
    const trip = recorder.startTrip(truck.id, mission.id, number, env.now, load);
    if (number === 1) trip.phases.mobilise = readyAt;
    else trip.phases.earlierTrips = freeSince;
    trip.phases.blocked = env.now - freeSince;
    mission.trips++;
    depot.trucksBusy.record(env.now, depot.trucksBusy.current + 1);
    truck.cargo = [...load];
    recorder.log(env.now, 'take', truck.id, mission.id, load.length);

    if (!(number === 1 && truck.preloaded)) yield* loadAtDock(world, truck, load, trip.phases, handling);

    const arrived = yield* drive(world, truck, depot.node, mission.input.to, trip.phases, driving, trip);
    if (!arrived) {
      recorder.log(env.now, 'stuck', truck.id, truck.at);
      depot.trucksBusy.record(env.now, depot.trucksBusy.current - 1);
      return;
    }
    recorder.log(env.now, 'arrive', truck.id, mission.input.to);
    if (mission.input.countOn === 'arrival') deliver(world, truck, mission, trip);
    yield* unload(world, truck, mission, mission.input.countOn === 'unloaded' ? trip.phases : emptyPhases(), handling);
    if (mission.input.countOn === 'unloaded') deliver(world, truck, mission, trip);

    if (!depot.hasWorkFor(truck.capacity)) {
      depot.trucksBusy.record(env.now, depot.trucksBusy.current - 1);
      recorder.log(env.now, 'done', truck.id);
      return;
    }
    const back = yield* drive(world, truck, mission.input.to, depot.node, emptyPhases(), driving, null);
    depot.trucksBusy.record(env.now, depot.trucksBusy.current - 1);
    if (!back) {
      recorder.log(env.now, 'stuck', truck.id, truck.at);
      return;
    }
    recorder.log(env.now, 'back', truck.id, depot.id);
    freeSince = env.now;
  }
}

function deliver(world: World, truck: Truck, mission: Mission, trip: Trip): void {
  trip.end = world.env.now;
  mission.deliver(truck.cargo, world.env.now, trip);
  truck.cargo = [];
  world.recorder.log(world.env.now, 'deliver', truck.id, mission.id, mission.peopleNow);
}

/** Waits for a dock, then loads the modules with up to `forkliftsPerTruck` forklifts at once. */
function* loadAtDock(world: World, truck: Truck, load: readonly string[], phases: Record<Phase, number>, s: RandomStream): ProcessGenerator {
  const { env } = world;
  const depot = truck.depot;
  const d = depot.input;
  const asked = env.now;
  const dock = depot.docks.request();
  try {
    yield dock;
    phases.waitDock += env.now - asked;
    world.recorder.log(env.now, 'dock', truck.id, depot.id);
    const started = env.now;
    const lanes = Math.min(d.forkliftsPerTruck, load.length);
    const spent = emptyPhases();
    let next = 0;
    function* lane(): ProcessGenerator {
      while (next < load.length) {
        next++;
        let t = env.now;
        const handler = depot.crew.request();
        try {
          yield handler;
          spent.waitCrew += env.now - t;
          t = env.now;
          const forklift = depot.forklifts.request();
          try {
            yield forklift;
            spent.waitForklift += env.now - t;
            const pick = duration(s, d.pickMinPerPallet);
            yield env.timeout(pick);
            spent.pick += pick;
            const put = duration(s, d.loadMinPerPallet);
            yield env.timeout(put);
            spent.load += put;
          } finally {
            forklift.cancel();
          }
        } finally {
          handler.cancel();
        }
      }
    }
    if (lanes > 0) yield env.allOf(Array.from({ length: lanes }, () => env.process(lane())));
    // With several lanes at once, book the elapsed time to phases in proportion to the lanes' time.
    const elapsed = env.now - started;
    const total = PHASES.reduce((a, p) => a + spent[p], 0);
    if (total > 0) for (const p of PHASES) phases[p] += (spent[p] / total) * elapsed;
    const overhead = duration(s, d.dockOverheadMin);
    yield env.timeout(overhead);
    phases.load += overhead;
    world.recorder.log(env.now, 'loaded', truck.id);
  } finally {
    dock.cancel();
  }
}

/** Unloads at the destination, with a team if the destination has a limited number of them. */
function* unload(world: World, truck: Truck, mission: Mission, phases: Record<Phase, number>, s: RandomStream): ProcessGenerator {
  const { env } = world;
  const teams = world.unloadTeams.get(mission.id);
  const asked = env.now;
  const team = teams?.request();
  try {
    if (team !== undefined) yield team;
    phases.waitUnload += env.now - asked;
    let time = 0;
    for (let i = 0; i < truck.cargo.length; i++) time += duration(s, mission.input.unloadMinPerPallet);
    yield env.timeout(time);
    phases.unload += time;
  } finally {
    team?.cancel();
  }
}

/**
 * Drives from `from` to `to` link by link. At every node the route is planned again if the roads
 * changed since it was planned; with no usable route the truck waits there for the next change.
 * Drivers rest `restMin` before a link that would take them past `maxDrivingH` without a break.
 * Returns false if the truck can never get through.
 */
function* drive(world: World, truck: Truck, from: string, to: string, phases: Record<Phase, number>, s: RandomStream, trip: Trip | null): ProcessGenerator<boolean> {
  const { env, conditions, routes, network } = world;
  const legFactor = network.travelTimeCv > 0 ? s.lognormal(1, network.travelTimeCv) : 1;
  const maxDriving = hours(network.maxDrivingH);
  const rest = minutes(network.restMin);
  let at = from;
  let sinceRest = 0;
  let epoch = -1;
  let path = null as ReturnType<RoutePlanner['plan']>;
  let i = 0;
  truck.at = at;
  while (at !== to) {
    if (conditions.epochAt(env.now) !== epoch) {
      epoch = conditions.epochAt(env.now);
      path = routes.plan(at, to, env.now, truck);
      i = 0;
      if (path === null) {
        const next = conditions.nextChangeAfter(env.now);
        if (next === Infinity) return false;
        phases.blocked += next - env.now;
        yield env.timeout(next - env.now);
        continue;
      }
    }
    const link = path!.links[i]!;
    const travel = Math.round(conditions.travelMs(link, env.now, truck) * legFactor);
    if (sinceRest > 0 && sinceRest + travel > maxDriving) {
      yield env.timeout(rest);
      phases.rest += rest;
      sinceRest = 0;
      continue;
    }
    truck.at = link.id;
    yield env.timeout(travel);
    phases.drive += travel;
    sinceRest += travel;
    if (trip !== null) trip.km += link.lengthKm;
    at = path!.nodes[i + 1]!;
    truck.at = at;
    i++;
  }
  return true;
}
