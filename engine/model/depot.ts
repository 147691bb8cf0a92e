/**
 * A depot during a run: its docks, forklifts and handling crew (kernel resources), its stock of kit
 * modules, the missions it serves, and the choice of the next load for a free truck.
 */
import { Environment, Resource, TimeWeighted, type ProcessGenerator } from '../kernel/index.ts';
import type { RandomStream } from '../random.ts';
import type { DispatchPolicy } from './dispatch.ts';
import type { DepotInput } from './input.ts';
import { fits, planLoad, type Capacity, type Counts, type Module } from './kit.ts';
import type { Mission } from './mission.ts';
import { firstOpening, type RoutePlanner } from './routing.ts';
import type { RoadConditions, TruckTraits } from './conditions.ts';
import { minutes } from './units.ts';

export interface LoadChoice {
  mission: Mission;
  load: string[];
}

export class Depot {
  readonly id: string;
  readonly node: string;
  readonly docks: Resource;
  readonly forklifts: Resource;
  readonly crew: Resource;
  /** Handlers present over time (on duty, then called in). */
  readonly crewPresent: TimeWeighted;
  readonly stock: Counts;
  readonly initialStock: Counts;
  readonly missions: Mission[] = [];
  /** The kinds of truck based here (drive and speed), to know whether any of them can get through now. */
  readonly truckKinds: TruckTraits[] = [];
  /** Trucks away from the depot or loading (time-weighted). */
  readonly trucksBusy: TimeWeighted;
  truckCount = 0;
  /** Truck processes still running. */
  private activeTrucks = 0;
  /** Set when the last truck has finished: when, and the share of time each resource was busy. */
  finished: { atMs: number; docks: number; forklifts: number; crew: number; trucks: number } | null = null;

  constructor(
    private readonly env: Environment,
    readonly input: DepotInput,
    private readonly modules: readonly Module[],
    night: boolean,
  ) {
    this.id = input.id;
    this.node = input.node;
    this.docks = new Resource(env, { capacity: input.docks, monitor: true, name: `${input.id} docks` });
    this.forklifts = new Resource(env, { capacity: input.forklifts, monitor: true, name: `${input.id} forklifts` });
    const onDuty = Math.min(night ? input.crew.onDutyNight : input.crew.onDutyDay, input.crew.total);
    this.crew = new Resource(env, { capacity: onDuty, maxCapacity: input.crew.total, monitor: true, name: `${input.id} crew` });
    this.crewPresent = new TimeWeighted(env.now, onDuty);
    this.stock = new Map(modules.map((m) => [m.id, input.stock[m.id] ?? 0]));
    this.initialStock = new Map(this.stock);
    this.trucksBusy = new TimeWeighted(env.now, 0);
  }

  truckStarted(): void {
    this.activeTrucks++;
  }

  /** Called as each truck process ends; the last one fixes the depot's utilisation over [0, now]. */
  truckEnded(now: number): void {
    if (--this.activeTrucks === 0) this.finishAt(now);
  }

  /** Fixes the depot's utilisation over [0, now]. */
  finishAt(now: number): void {
    const share = (busy: number, capacity: number) => (now > 0 && capacity > 0 ? busy / (capacity * now) : 0);
    const present = this.crewPresent.integral(now);
    this.finished = {
      atMs: now,
      docks: share(this.docks.inUseStats!.integral(now), this.docks.capacity),
      forklifts: share(this.forklifts.inUseStats!.integral(now), this.forklifts.capacity),
      crew: present > 0 ? this.crew.inUseStats!.integral(now) / present : 0,
      trucks: share(this.trucksBusy.integral(now), this.truckCount),
    };
  }

  /** Off-duty handlers arrive one by one after their call-in delays. */
  *callIn(stream: RandomStream): ProcessGenerator {
    const missing = this.crew.maxCapacity - this.crew.capacity;
    const arrivals = Array.from({ length: missing }, () => minutes(Math.max(0, stream.sample(this.input.crew.callInMin)))).sort((a, b) => a - b);
    for (const at of arrivals) {
      if (at > this.env.now) yield this.env.timeout(at - this.env.now);
      this.crew.setCapacity(this.crew.capacity + 1);
      this.crewPresent.record(this.env.now, this.crew.capacity);
    }
  }

  /** Modules of `mission` that may be shipped now: still needed and in stock. */
  available(mission: Mission): Counts {
    const out: Counts = new Map();
    for (const [id, left] of mission.left()) out.set(id, Math.min(left, this.stock.get(id)!));
    return out;
  }

  /** Whether any mission here has a module in stock, still needed, that fits `capacity`. */
  hasWorkFor(capacity: Capacity): boolean {
    return this.missions.some((m) => this.fitsSomething(m, capacity));
  }

  private fitsSomething(mission: Mission, capacity: Capacity): boolean {
    for (const m of this.modules) {
      if (this.stock.get(m.id)! > 0 && mission.required.get(m.id)! > mission.shipped.get(m.id)! && fits(m, capacity)) return true;
    }
    return false;
  }

  /**
   * Picks the mission a free truck serves (by `policy`) and the modules it takes, which leave the stock
   * at once. A truck serves a mission it can carry for and reach now; or, when no truck of this depot
   * can reach it now but this one will once a closure lifts, it loads and waits for the road. (It does
   * not take kit that a truck able to drive now could carry sooner.)
   */
  nextLoad(policy: DispatchPolicy, routes: RoutePlanner, conditions: RoadConditions, truck: TruckTraits & { capacity: Capacity }, now: number): LoadChoice | null {
    const reachable = (m: Mission, t: TruckTraits) => routes.plan(this.node, m.input.to, now, t) !== null;
    const mission = policy.choose(this.missions, (view) => {
      const m = view as Mission;
      if (!this.fitsSomething(m, truck.capacity)) return false;
      if (reachable(m, truck)) return true;
      return !this.truckKinds.some((k) => reachable(m, k)) && firstOpening(routes, conditions, this.node, m.input.to, now, truck) < Infinity;
    }) as Mission | null;
    if (mission === null) return null;
    const load = planLoad(this.available(mission), this.modules, truck.capacity, mission.shipped);
    for (const id of load) {
      const left = this.stock.get(id)! - 1;
      if (left < 0) throw new Error(`invariant: stock of ${id} at ${this.id} went negative`);
      this.stock.set(id, left);
      mission.shipped.set(id, mission.shipped.get(id)! + 1);
    }
    return { mission, load };
  }
}
