/**
 * What the logistics model is built from: plain data in the units officers use (km, km/h, minutes,
 * hours, kg, m³). The scenarios layer validates a scenario file and produces one of these; the model
 * converts units once, when it is built (time to millisecond ticks, mass to grams, volume to litres).
 */
import type { Distribution } from '../random.ts';

export type RoadClass = 'expressway' | 'trunk' | 'urban' | 'mixed';

export interface NodeInput {
  id: string;
  name: string;
  lat: number;
  lon: number;
  kind: string;
}

export interface LinkInput {
  id: string;
  from: string;
  to: string;
  lengthKm: number;
  roadClass: RoadClass;
  /** Overrides the road class speed for this link (km/h, loaded truck). */
  speedKmh?: number;
  /** Only all-wheel-drive vehicles may use it (at all times). */
  awdOnly?: boolean;
  road?: string;
}

export interface NetworkInput {
  nodes: NodeInput[];
  links: LinkInput[];
  /** Cruise speed of a loaded truck by road class (km/h). */
  speedsKmh: Record<RoadClass, number>;
  /** Coefficient of variation of a leg's travel time (one lognormal factor per leg, mean 1). */
  travelTimeCv: number;
  /** After this much driving (h) a driver must rest (PRC Road Traffic Safety Implementing Regulations Art. 62(7)). */
  maxDrivingH: number;
  /** Length of that rest (min). */
  restMin: number;
}

export interface ModuleInput {
  id: string;
  category: string;
  /** People one module (one pallet) covers. */
  peoplePerModule: number;
  /** Mass of one module, pallet included (kg). */
  massKg: number;
  /** Volume of one module (m³). */
  volumeM3: number;
}

export interface CrewInput {
  /** Handlers on duty when the alert falls in the day. */
  onDutyDay: number;
  /** Handlers on duty when the alert falls in the night. */
  onDutyNight: number;
  /** All handlers, on duty or not; the rest are called in. */
  total: number;
  /** Delay until a called-in handler is at the depot (min). */
  callInMin: Distribution;
}

export interface DepotInput {
  id: string;
  name: string;
  node: string;
  tier: 'national' | 'provincial' | 'city';
  docks: number;
  forklifts: number;
  /** Forklifts that can work one truck at once (lanes per dock). */
  forkliftsPerTruck: number;
  crew: CrewInput;
  /** Modules in stock, by module id. */
  stock: Record<string, number>;
  /** Forklift time to bring one module from the racks to the dock (min). */
  pickMinPerPallet: Distribution;
  /** Forklift time to put one module on a truck (min). */
  loadMinPerPallet: Distribution;
  /** Per truck at the dock: positioning, securing the load, paperwork (min). */
  dockOverheadMin: Distribution;
}

export interface FleetInput {
  id: string;
  depot: string;
  /** Number of trucks. */
  count: number;
  /** Of which all-wheel drive. */
  awdCount: number;
  payloadKg: number;
  volumeM3: number;
  palletSlots: number;
  /** Multiplies the road speeds (a light van may be faster, a heavy rig slower). */
  speedFactor: number;
  /** From the alert until a truck with its driver is ready, day and night (min). */
  readinessMin: Distribution;
  readinessNightMin: Distribution;
  /** Requisitioned civilian trucks: delay before they report to the depot (min); 0 for own trucks. */
  activationMin: Distribution;
  /** Trucks kept loaded with kit: they skip the depot on their first trip. */
  preloaded: number;
}

export interface MissionInput {
  id: string;
  label: string;
  from: string;
  to: string;
  people: number;
  /** From the alert (h). Arriving exactly at the deadline counts as on time. */
  deadlineH: number;
  /** The kit counts as delivered when the truck arrives, or when it has been unloaded. */
  countOn: 'arrival' | 'unloaded';
  /** Unloading one module at the destination (min). */
  unloadMinPerPallet: Distribution;
  /** Teams unloading at once at the destination (Infinity: every truck unloads at once). */
  unloadTeams: number;
  /** Smaller is served first when missions share a depot. */
  priority: number;
}

/** A closure or a speed change for some links, during [fromH, toH) after the alert. */
export interface ConditionInput {
  id: string;
  kind: 'closure' | 'speed';
  /** Links affected: listed, touching listed nodes, inside a box, of given road classes, or all. */
  links?: string[];
  nodes?: string[];
  box?: { minLat: number; maxLat: number; minLon: number; maxLon: number };
  roadClasses?: RoadClass[];
  all?: boolean;
  /** Multiplies speeds (kind 'speed'). */
  factor?: number;
  /** Caps speeds (km/h), e.g. 30 on ice (Art. 46). */
  capKmh?: number;
  /** Only all-wheel-drive vehicles may use the links meanwhile. */
  awdOnly?: boolean;
  fromH: number;
  toH: number;
}

export interface ModelInput {
  network: NetworkInput;
  modules: ModuleInput[];
  depots: DepotInput[];
  fleets: FleetInput[];
  missions: MissionInput[];
  conditions: ConditionInput[];
  /** Time of day of the alert, hours since midnight (e.g. 2.5 for 02:30). */
  alertHour: number;
  /** Night, by time of day (hours since midnight): from `nightFromHour` to `nightToHour`. */
  nightFromHour: number;
  nightToHour: number;
  /** Multiplies speeds at night (1 by default: no measured effect on expressways). */
  nightSpeedFactor: number;
  /** Which mission a free truck serves first when several share a depot. */
  dispatch: 'priority' | 'earliest-deadline';
  /** Limits of one replication. */
  limits: { maxEvents: number; horizonH: number; wallTimeS: number };
}
