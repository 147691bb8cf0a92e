/**
 * Small, fully deterministic model inputs for hand-checked tests: every duration is a constant and
 * travel times do not vary, so every time in a run can be worked out on paper.
 */
import type { DepotInput, FleetInput, MissionInput, ModelInput, ModuleInput } from '../../engine/model/input.ts';

const c = (value: number) => ({ dist: 'constant' as const, value });

export interface TinyOptions {
  linkKm?: number;
  speedKmh?: number;
  docks?: number;
  forklifts?: number;
  trucks?: number;
  palletSlots?: number;
  payloadKg?: number;
  volumeM3?: number;
  people?: number;
  deadlineH?: number;
  module?: Partial<ModuleInput>;
  depot?: Partial<DepotInput>;
  fleet?: Partial<FleetInput>;
  mission?: Partial<MissionInput>;
}

/**
 * Depot D and front F joined by one expressway link; one module "kit" (10 people, 500 kg, 1 m³);
 * pick 1 min, load 2 min per pallet, 5 min per truck at the dock; trucks ready after 10 min;
 * unloading 1 min per pallet; alert at 10:00 (day).
 */
export function tinyInput(o: TinyOptions = {}): ModelInput {
  return {
    network: {
      nodes: [
        { id: 'D', name: 'Depot', lat: 41, lon: 123, kind: 'city' },
        { id: 'F', name: 'Front', lat: 41.5, lon: 123, kind: 'front' },
      ],
      links: [{ id: 'D-F', from: 'D', to: 'F', lengthKm: o.linkKm ?? 60, roadClass: 'expressway' }],
      speedsKmh: { expressway: o.speedKmh ?? 60, trunk: 50, urban: 30, mixed: 55 },
      travelTimeCv: 0,
      maxDrivingH: 4,
      restMin: 20,
    },
    modules: [{ id: 'kit', category: 'kit', peoplePerModule: 10, massKg: 500, volumeM3: 1, ...o.module }],
    depots: [
      {
        id: 'depot',
        name: 'Depot',
        node: 'D',
        tier: 'city',
        docks: o.docks ?? 1,
        forklifts: o.forklifts ?? 1,
        forkliftsPerTruck: 1,
        crew: { onDutyDay: 1, onDutyNight: 1, total: 1, callInMin: c(0) },
        stock: { kit: 100 },
        pickMinPerPallet: c(1),
        loadMinPerPallet: c(2),
        dockOverheadMin: c(5),
        ...o.depot,
      },
    ],
    fleets: [
      {
        id: 'fleet',
        depot: 'depot',
        count: o.trucks ?? 2,
        awdCount: 0,
        payloadKg: o.payloadKg ?? 10_000,
        volumeM3: o.volumeM3 ?? 40,
        palletSlots: o.palletSlots ?? 4,
        speedFactor: 1,
        readinessMin: c(10),
        readinessNightMin: c(30),
        activationMin: c(0),
        preloaded: 0,
        ...o.fleet,
      },
    ],
    missions: [
      {
        id: 'm',
        label: 'test mission',
        from: 'depot',
        to: 'F',
        people: o.people ?? 60,
        deadlineH: o.deadlineH ?? 3,
        countOn: 'unloaded',
        unloadMinPerPallet: c(1),
        unloadTeams: Infinity,
        priority: 0,
        ...o.mission,
      },
    ],
    conditions: [],
    alertHour: 10,
    nightFromHour: 20,
    nightToHour: 6,
    nightSpeedFactor: 1,
    dispatch: 'priority',
    limits: { maxEvents: 1_000_000, horizonH: 72, wallTimeS: 30 },
  };
}
