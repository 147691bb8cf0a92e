/**
 * One replication of the logistics model: builds depots, trucks, roads and missions from a
 * ModelInput on a fresh Environment, runs it, checks the invariants, and returns what happened.
 */
import { Environment, LimitExceeded, Resource } from '../kernel/index.ts';
import { Streams } from '../random.ts';
import { RoadConditions } from './conditions.ts';
import { Depot } from './depot.ts';
import { dispatchPolicies } from './dispatch.ts';
import type { ModelInput } from './input.ts';
import type { Module } from './kit.ts';
import { Mission } from './mission.ts';
import { RoadNetwork } from './network.ts';
import { Recorder, bottleneckOf, emptyPhases, type Phase, type TraceEntry, type Trip } from './recorder.ts';
import { fastestRoutes, type RoutePlanner } from './routing.ts';
import { truckProcess, type Truck, type World } from './truck.ts';
import { grams, hours, litres } from './units.ts';

/** Why a mission did not complete. */
export type Shortfall = 'stock' | 'unreachable' | 'horizon';

export interface MissionOutcome {
  id: string;
  /** When full kits for everyone were at the destination (ms after the alert), or Infinity. */
  completionMs: number;
  onTime: boolean;
  /** People supplied at the deadline. */
  peopleByDeadline: number;
  /** People supplied when the run ended. */
  peopleDelivered: number;
  /** Truck trips that carried kit for it. */
  trips: number;
  /** Phases of the trip that completed it (they add up to completionMs); zeros if it never completed. */
  phasesMs: Record<Phase, number>;
  /** The longest wait on that trip, or its longest activity if it never waited; null if incomplete. */
  bottleneck: Phase | null;
  /** Why it did not complete, if it did not. */
  shortfall: Shortfall | null;
  /** (ms, people) after each delivery that changed the people supplied. */
  supplied: [number, number][];
}

export interface DepotOutcome {
  id: string;
  /** Share of time busy from the alert until the depot's last truck finished. */
  utilisation: { docks: number; forklifts: number; crew: number; trucks: number };
  finishedMs: number;
}

export interface ReplicationResult {
  replication: number;
  missions: MissionOutcome[];
  depots: DepotOutcome[];
  events: number;
  endMs: number;
  trips: Trip[];
  trace: TraceEntry[] | null;
}

export interface SimulateOptions {
  seed: string | number;
  replication: number;
  /** Keep the `[time, what, ...ids]` trace (slower; for timelines and tests). */
  trace?: boolean;
  /** Stop by this moment (Date.now() milliseconds) at the latest, as if the wall-time limit ran out then. */
  deadline?: number;
}

function toModules(input: ModelInput): Module[] {
  return input.modules.map((m) => ({ id: m.id, category: m.category, peoplePerModule: m.peoplePerModule, massG: grams(m.massKg), volumeL: litres(m.volumeM3) }));
}

/**
 * What does not change between replications: the network, the conditions, the route cache and the
 * modules. Build it once and pass it to {@link simulate} for every replication.
 */
export interface PreparedModel {
  readonly input: ModelInput;
  readonly network: RoadNetwork;
  readonly conditions: RoadConditions;
  readonly routes: RoutePlanner;
  readonly modules: Module[];
  readonly horizonMs: number;
}

export function prepareModel(input: ModelInput): PreparedModel {
  const horizonMs = hours(input.limits.horizonH);
  const network = new RoadNetwork(input.network);
  const conditions = new RoadConditions(network, {
    conditions: input.conditions,
    alertHour: input.alertHour,
    nightFromHour: input.nightFromHour,
    nightToHour: input.nightToHour,
    nightSpeedFactor: input.nightSpeedFactor,
    horizonMs,
  });
  return { input, network, conditions, routes: fastestRoutes(network, conditions), modules: toModules(input), horizonMs };
}

/**
 * Runs one replication, from a ModelInput or (faster, for many replications) a PreparedModel.
 * @throws LimitExceeded if it exceeds its event or wall-time limit; Error if an invariant breaks.
 */
export function simulate(model: ModelInput | PreparedModel, options: SimulateOptions): ReplicationResult {
  const prepared = 'routes' in model ? model : prepareModel(model);
  const { input, conditions, modules, horizonMs, routes } = prepared;
  const env = new Environment();
  const streams = new Streams(options.seed, options.replication);
  const recorder = new Recorder({ trace: options.trace ?? false });
  const night = conditions.isNight(0);

  const depots = new Map(input.depots.map((d) => [d.id, new Depot(env, d, modules, night)]));
  const missions = input.missions.map((m) => new Mission(m, modules));
  for (const m of missions) depots.get(m.input.from)!.missions.push(m);
  const unloadTeams = new Map<string, Resource>();
  for (const m of input.missions) {
    if (m.unloadTeams !== Infinity) unloadTeams.set(m.id, new Resource(env, { capacity: m.unloadTeams, name: `${m.id} unloading` }));
  }
  const world: World = { env, conditions, routes, recorder, policy: dispatchPolicies[input.dispatch], streams, network: input.network, unloadTeams };

  for (const depot of depots.values()) {
    if (depot.missions.length > 0) env.process(depot.callIn(streams.get(`crew:${depot.id}`)), `call-in ${depot.id}`);
  }
  for (const fleet of input.fleets) {
    const depot = depots.get(fleet.depot)!;
    depot.truckCount += fleet.count;
    if (depot.missions.length === 0) continue;
    for (const awd of [...(fleet.awdCount > 0 ? [true] : []), ...(fleet.awdCount < fleet.count ? [false] : [])]) {
      if (!depot.truckKinds.some((k) => k.awd === awd && k.speedFactor === fleet.speedFactor)) depot.truckKinds.push({ awd, speedFactor: fleet.speedFactor });
    }
    for (let i = 0; i < fleet.count; i++) {
      const truck: Truck = {
        id: `${fleet.id}#${i + 1}`,
        fleet,
        depot,
        awd: i < fleet.awdCount,
        speedFactor: fleet.speedFactor,
        capacity: { slots: fleet.palletSlots, massG: grams(fleet.payloadKg), volumeL: litres(fleet.volumeM3) },
        preloaded: i < fleet.preloaded,
        cargo: [],
        at: depot.node,
      };
      depot.truckStarted();
      env.process(
        (function* () {
          try {
            yield* truckProcess(world, truck);
          } finally {
            depot.truckEnded(env.now);
          }
        })(),
        truck.id,
      );
    }
  }

  const maxWallMs = Math.max(0, Math.min(input.limits.wallTimeS * 1000, (options.deadline ?? Infinity) - Date.now()));
  try {
    env.run({ until: horizonMs, maxEvents: input.limits.maxEvents, maxWallMs });
  } catch (error) {
    // The kernel counts ticks; say where the run was in the model's terms (h:mm from the alert).
    if (error instanceof LimitExceeded) {
      const minutes = Math.floor(error.at / 60_000);
      error.message = `${error.message.replace(/ \(simulated time \d+ ticks\)$/, '')} (at ${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')} simulated, replication ${options.replication})`;
    }
    throw error;
  }
  const stoppedAtHorizon = env.pending > 0;

  checkInvariants(depots, missions, recorder.trips);
  const active = [...depots.values()].filter((d) => d.missions.length > 0);
  const depotOutcomes = active.map((d) => depotOutcome(d, horizonMs));
  return {
    replication: options.replication,
    missions: missions.map((m) => outcomeOf(m, depots.get(m.input.from)!, stoppedAtHorizon)),
    depots: depotOutcomes,
    events: env.eventsProcessed,
    endMs: Math.max(0, ...depotOutcomes.map((d) => d.finishedMs), ...missions.map((m) => (m.complete ? m.completedAt : 0))),
    trips: recorder.trips,
    trace: recorder.trace,
  };
}

function outcomeOf(m: Mission, depot: Depot, stoppedAtHorizon: boolean): MissionOutcome {
  const complete = m.complete;
  let shortfall: Shortfall | null = null;
  if (!complete) {
    const short = [...m.required].some(([id, need]) => (depot.initialStock.get(id) ?? 0) < need);
    shortfall = short ? 'stock' : stoppedAtHorizon ? 'horizon' : 'unreachable';
  }
  const phasesMs = complete ? { ...m.criticalTrip!.phases } : emptyPhases();
  return {
    id: m.id,
    completionMs: m.completedAt,
    onTime: m.completedAt <= m.deadlineMs,
    peopleByDeadline: m.peopleAt(m.deadlineMs),
    peopleDelivered: m.peopleNow,
    trips: m.trips,
    phasesMs,
    bottleneck: complete ? bottleneckOf(phasesMs) : null,
    shortfall,
    supplied: m.supplied,
  };
}

/** Utilisation over [0, the moment its last truck finished], or to the horizon if one never did. */
function depotOutcome(d: Depot, horizonMs: number): DepotOutcome {
  if (d.finished === null) d.finishAt(horizonMs);
  const f = d.finished!;
  return { id: d.id, utilisation: { docks: f.docks, forklifts: f.forklifts, crew: f.crew, trucks: f.trucks }, finishedMs: f.atMs };
}

/**
 * Kit is neither created nor lost: for every depot and module, what was in stock equals what is in
 * stock plus what its missions shipped; no mission holds more than was shipped to it; a truck's trips
 * do not overlap in time.
 */
function checkInvariants(depots: Map<string, Depot>, missions: Mission[], trips: Trip[]): void {
  for (const d of depots.values()) {
    for (const [id, initial] of d.initialStock) {
      const shipped = d.missions.reduce((a, m) => a + m.shipped.get(id)!, 0);
      if (d.stock.get(id)! + shipped !== initial) throw new Error(`invariant: ${d.id} module ${id}: ${initial} in stock at the start, ${d.stock.get(id)} now + ${shipped} shipped`);
      if (d.stock.get(id)! < 0) throw new Error(`invariant: ${d.id} module ${id}: negative stock`);
    }
  }
  for (const m of missions) {
    for (const [id, n] of m.delivered) if (n > m.shipped.get(id)!) throw new Error(`invariant: mission ${m.id} received more ${id} than was shipped`);
  }
  const byTruck = new Map<string, Trip[]>();
  for (const t of trips) byTruck.set(t.truck, [...(byTruck.get(t.truck) ?? []), t]);
  for (const [truck, list] of byTruck) {
    for (let i = 1; i < list.length; i++) {
      if (list[i]!.start < list[i - 1]!.end) throw new Error(`invariant: truck ${truck} started trip ${i + 1} before trip ${i} ended`);
    }
  }
}

