/**
 * From a valid Scenario to the model's input: the reference network with the scenario's additions,
 * modules from per-person figures, stock from people, times of day as hours. No checking here beyond
 * what the types promise (checks.ts has run).
 */
import type { ConditionInput, LinkInput, ModelInput, ModuleInput, NodeInput } from '../engine/model/input.ts';
import { liaoningNetwork } from './reference.ts';
import type { Scenario } from './schema.ts';

/** Hours since midnight of "HH:MM". */
export function hourOfDay(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h! + m! / 60;
}

/** The scenario's road network: the reference one (if any), with nodes and links added or replaced by id. */
export function networkOf(s: Scenario): { nodes: NodeInput[]; links: LinkInput[] } {
  const ref = s.network.reference === 'liaoning' ? liaoningNetwork() : { nodes: [], links: [] };
  const nodes = new Map<string, NodeInput>(ref.nodes.map((n) => [n.id, { id: n.id, name: n.name, lat: n.lat, lon: n.lon, kind: n.kind }]));
  for (const [id, n] of Object.entries(s.network.nodes)) nodes.set(id, { id, name: n.name, lat: n.lat, lon: n.lon, kind: n.kind });
  const links = new Map<string, LinkInput>(ref.links.map((l) => [l.id, { id: l.id, from: l.from, to: l.to, lengthKm: l.lengthKm, roadClass: l.roadClass, road: l.road }]));
  for (const [id, l] of Object.entries(s.network.links)) {
    const link: LinkInput = { id, from: l.from, to: l.to, lengthKm: l.lengthKm, roadClass: l.roadClass };
    if (l.speedKmh !== undefined) link.speedKmh = l.speedKmh;
    if (l.awdOnly !== undefined) link.awdOnly = l.awdOnly;
    if (l.road !== undefined) link.road = l.road;
    links.set(id, link);
  }
  return { nodes: [...nodes.values()], links: [...links.values()] };
}

export function modulesOf(s: Scenario): ModuleInput[] {
  return Object.entries(s.kit.modules).map(([id, m]) => ({
    id,
    category: m.category,
    peoplePerModule: m.peoplePerModule,
    massKg: m.massKgPerPerson * m.peoplePerModule + m.palletTareKg,
    volumeM3: m.volumeM3PerPerson * m.peoplePerModule,
  }));
}

export function compileScenario(s: Scenario): ModelInput {
  const modules = modulesOf(s);
  const { nodes, links } = networkOf(s);
  return {
    network: {
      nodes,
      links,
      speedsKmh: s.network.speedsKmh,
      travelTimeCv: s.network.travelTimeCv,
      maxDrivingH: s.network.maxDrivingH,
      restMin: s.network.restMin,
    },
    modules,
    depots: Object.entries(s.depots).map(([id, d]) => ({
      id,
      name: d.name,
      node: d.node,
      tier: d.tier,
      docks: d.docks,
      forklifts: d.forklifts,
      forkliftsPerTruck: d.forkliftsPerTruck,
      crew: d.crew,
      stock: Object.fromEntries(modules.map((m) => [m.id, d.stockModules[m.id] ?? Math.ceil(d.stockPeople / m.peoplePerModule)])),
      pickMinPerPallet: d.pickMinPerPallet,
      loadMinPerPallet: d.loadMinPerPallet,
      dockOverheadMin: d.dockOverheadMin,
    })),
    fleets: Object.entries(s.fleets).map(([id, f]) => ({
      id,
      depot: f.depot,
      count: f.count,
      awdCount: f.awdCount,
      payloadKg: f.payloadKg,
      volumeM3: f.volumeM3,
      palletSlots: f.palletSlots,
      speedFactor: f.speedFactor,
      readinessMin: f.readinessMin,
      readinessNightMin: f.readinessNightMin ?? f.readinessMin,
      activationMin: f.activationMin,
      preloaded: f.preloaded,
    })),
    missions: Object.entries(s.missions).map(([id, m]) => ({
      id,
      label: m.label,
      from: m.from,
      to: m.to,
      people: m.people,
      deadlineH: m.deadlineH,
      countOn: m.countOn,
      unloadMinPerPallet: m.unloadMinPerPallet,
      unloadTeams: m.unloadTeams ?? Infinity,
      priority: m.priority,
    })),
    conditions: Object.entries(s.conditions).map(([id, c]): ConditionInput => {
      const out: ConditionInput = { id, kind: c.kind, fromH: c.fromH, toH: c.toH ?? Infinity };
      if (c.links !== undefined) out.links = c.links;
      if (c.nodes !== undefined) out.nodes = c.nodes;
      if (c.box !== undefined) out.box = c.box;
      if (c.roadClasses !== undefined) out.roadClasses = c.roadClasses;
      if (c.all !== undefined) out.all = c.all;
      if (c.factor !== undefined) out.factor = c.factor;
      if (c.capKmh !== undefined) out.capKmh = c.capKmh;
      if (c.awdOnly !== undefined) out.awdOnly = c.awdOnly;
      return out;
    }),
    alertHour: hourOfDay(s.alert.timeOfDay),
    nightFromHour: hourOfDay(s.night.from),
    nightToHour: hourOfDay(s.night.to),
    nightSpeedFactor: s.night.speedFactor,
    dispatch: s.run.dispatch,
    limits: s.run.limits,
  };
}
