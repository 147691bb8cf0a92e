/**
 * The scenario file format, as zod schemas. Each schema and its type share a name (`Scenario` and
 * `type Scenario`). Units are in the field names (lengthKm, deadlineH, massKg, callInMin). Unknown
 * keys are errors. Collections are objects keyed by id, so a patch path names one thing
 * (`depots.fushun-national.docks`).
 */
import { z } from 'zod';

const finite = z.number().finite();
const nonNegative = finite.nonnegative();
const positive = finite.positive();
const count = z.number().int().nonnegative();
const positiveCount = z.number().int().positive();
/** Ids: letters, digits, dash, underscore, dot; no path separators, nothing that could reach a prototype. */
export const Id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, { error: 'must be an id: letters, digits, "-", "_" or "." (at most 64)' });
const TimeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'must be a time of day "HH:MM" (24 h)' });

/** A distribution, written out (the form the model receives). */
export const Distribution = z.discriminatedUnion('dist', [
  z.strictObject({ dist: z.literal('constant'), value: nonNegative }),
  z.strictObject({ dist: z.literal('uniform'), min: nonNegative, max: nonNegative }),
  z.strictObject({ dist: z.literal('triangular'), min: nonNegative, mode: nonNegative, max: nonNegative }),
  z.strictObject({ dist: z.literal('pert'), min: nonNegative, mode: nonNegative, max: nonNegative, lambda: positive.optional() }),
  z.strictObject({ dist: z.literal('exponential'), mean: positive }),
  z.strictObject({
    dist: z.literal('normal'),
    mean: finite,
    sd: nonNegative,
    truncateAtZero: z.literal(true, { error: 'must be true: a duration drawn from a normal could be negative' }),
  }),
  z.strictObject({ dist: z.literal('lognormal'), mean: positive, cv: nonNegative }),
  z.strictObject({ dist: z.literal('empirical'), values: z.array(nonNegative).min(1), weights: z.array(nonNegative).optional() }),
]);

/**
 * A duration in minutes: a number (constant) or a distribution. Every distribution must stay at or
 * above zero, so a normal must be truncated there. A codec, so that a resolved scenario can be
 * written back out (the API returns them).
 */
export const Duration = z
  .codec(z.union([nonNegative, Distribution]), Distribution, {
    decode: (d): z.output<typeof Distribution> => (typeof d === 'number' ? { dist: 'constant', value: d } : d),
    encode: (d) => d,
  })
  .superRefine((d, ctx) => {
    if ((d.dist === 'uniform' || d.dist === 'triangular' || d.dist === 'pert') && d.min > d.max) {
      ctx.addIssue({ code: 'custom', path: ['min'], message: `min (${d.min}) must not exceed max (${d.max})` });
    }
    if ((d.dist === 'triangular' || d.dist === 'pert') && (d.mode < d.min || d.mode > d.max)) {
      ctx.addIssue({ code: 'custom', path: ['mode'], message: `mode (${d.mode}) must lie between min (${d.min}) and max (${d.max})` });
    }
    if (d.dist === 'empirical' && d.weights !== undefined) {
      if (d.weights.length !== d.values.length) ctx.addIssue({ code: 'custom', path: ['weights'], message: `must have one weight per value (${d.values.length})` });
      else if (!d.weights.some((w) => w > 0)) ctx.addIssue({ code: 'custom', path: ['weights'], message: 'must not all be zero' });
    }
  });
export type Duration = z.input<typeof Duration>;

export const RoadClass = z.enum(['expressway', 'trunk', 'urban', 'mixed']);

export const NodeSpec = z.strictObject({
  name: z.string().min(1),
  lat: finite.min(-90).max(90),
  lon: finite.min(-180).max(180),
  kind: z.string().default('site'),
  source: z.string().optional(),
});

export const LinkSpec = z.strictObject({
  from: Id,
  to: Id,
  lengthKm: positive,
  roadClass: RoadClass,
  speedKmh: positive.max(130).optional(),
  awdOnly: z.boolean().optional(),
  road: z.string().optional(),
  source: z.string().optional(),
});

export const NetworkSpec = z.strictObject({
  /** The shipped road network to start from (seeds/data), or none. */
  reference: z.enum(['liaoning', 'none']).default('liaoning'),
  speedsKmh: z.strictObject({ expressway: positive.max(130), trunk: positive.max(130), urban: positive.max(130), mixed: positive.max(130) }),
  travelTimeCv: nonNegative.max(2).default(0.1),
  maxDrivingH: positive.default(4),
  restMin: nonNegative.default(20),
  nodes: z.record(Id, NodeSpec).default({}),
  links: z.record(Id, LinkSpec).default({}),
});

export const ModuleSpec = z.strictObject({
  category: z.string().min(1),
  peoplePerModule: positiveCount,
  massKgPerPerson: positive,
  volumeM3PerPerson: positive,
  palletTareKg: nonNegative.default(0),
  note: z.string().optional(),
});

export const CrewSpec = z.strictObject({
  onDutyDay: count,
  onDutyNight: count,
  total: positiveCount,
  callInMin: Duration,
});

export const DepotSpec = z.strictObject({
  name: z.string().min(1),
  node: Id,
  tier: z.enum(['national', 'provincial', 'city']),
  warehouseM2: positive.optional(),
  docks: positiveCount,
  forklifts: positiveCount,
  forkliftsPerTruck: positiveCount.default(1),
  crew: CrewSpec,
  /** Kit in stock for this many people, every module (rounded up per module). */
  stockPeople: count,
  /** Modules in stock, overriding stockPeople for the modules named. */
  stockModules: z.record(Id, count).default({}),
  pickMinPerPallet: Duration,
  loadMinPerPallet: Duration,
  dockOverheadMin: Duration,
  note: z.string().optional(),
});

export const FleetSpec = z.strictObject({
  depot: Id,
  count: count,
  awdCount: count.default(0),
  payloadKg: positive,
  volumeM3: positive,
  palletSlots: positiveCount,
  speedFactor: positive.max(2).default(1),
  readinessMin: Duration,
  readinessNightMin: Duration.optional(),
  /** Requisitioned trucks: delay before they report (min). */
  activationMin: Duration.prefault(0),
  preloaded: count.default(0),
  requisitioned: z.boolean().default(false),
  note: z.string().optional(),
});

export const MissionSpec = z.strictObject({
  label: z.string().min(1),
  from: Id,
  to: Id,
  people: positiveCount,
  deadlineH: positive,
  countOn: z.enum(['arrival', 'unloaded']).default('unloaded'),
  unloadMinPerPallet: Duration,
  /** Teams unloading at once at the destination; omit for no limit. */
  unloadTeams: positiveCount.optional(),
  priority: z.number().int().default(0),
  note: z.string().optional(),
});

const Box = z.strictObject({ minLat: finite, maxLat: finite, minLon: finite, maxLon: finite });

export const ConditionSpec = z
  .strictObject({
    kind: z.enum(['closure', 'speed']),
    description: z.string().optional(),
    links: z.array(Id).optional(),
    nodes: z.array(Id).optional(),
    box: Box.optional(),
    roadClasses: z.array(RoadClass).optional(),
    all: z.boolean().optional(),
    factor: positive.max(2).optional(),
    capKmh: positive.optional(),
    awdOnly: z.boolean().optional(),
    fromH: nonNegative.default(0),
    /** Omit for "until further notice". */
    toH: positive.optional(),
    source: z.string().optional(),
  })
  .superRefine((c, ctx) => {
    if (c.links === undefined && c.nodes === undefined && c.box === undefined && c.roadClasses === undefined && c.all !== true) {
      ctx.addIssue({ code: 'custom', path: [], message: 'must say which links it affects: links, nodes, box, roadClasses or all: true' });
    }
    if (c.toH !== undefined && c.toH <= c.fromH) ctx.addIssue({ code: 'custom', path: ['toH'], message: `must be after fromH (${c.fromH})` });
    if (c.kind === 'speed' && c.factor === undefined && c.capKmh === undefined && c.awdOnly !== true) {
      ctx.addIssue({ code: 'custom', path: [], message: 'a speed condition needs factor, capKmh or awdOnly' });
    }
    if (c.box !== undefined && (c.box.minLat > c.box.maxLat || c.box.minLon > c.box.maxLon)) {
      ctx.addIssue({ code: 'custom', path: ['box'], message: 'min must not exceed max' });
    }
  });

export const RunSpec = z.strictObject({
  replications: positiveCount.max(1_000_000).default(1000),
  seed: z.union([z.number().int(), z.string().min(1).max(100)]).default(2026),
  /** P(on time) a target must reach to count as met. */
  requiredConfidence: finite.gt(0.5).lt(1).default(0.95),
  dispatch: z.enum(['priority', 'earliest-deadline']).default('priority'),
  limits: z
    .strictObject({
      maxEvents: positiveCount.default(5_000_000),
      horizonH: positive.max(24 * 365).default(168),
      wallTimeS: positive.default(120),
    })
    .default({ maxEvents: 5_000_000, horizonH: 168, wallTimeS: 120 }),
});

/** The partial shapes `defaults` may give, checked before they are merged into each item. */
export const Defaults = z.strictObject({
  depot: DepotSpec.partial().optional(),
  fleet: FleetSpec.partial().optional(),
  mission: MissionSpec.partial().optional(),
});

export const Scenario = z.strictObject({
  schemaVersion: z.literal(1, { error: 'must be 1 (the only version so far)' }),
  title: z.string().min(1),
  description: z.string().default(''),
  alert: z.strictObject({ timeOfDay: TimeOfDay.default('10:00') }).default({ timeOfDay: '10:00' }),
  night: z
    .strictObject({ from: TimeOfDay.default('20:00'), to: TimeOfDay.default('06:00'), speedFactor: positive.max(1.5).default(1) })
    .default({ from: '20:00', to: '06:00', speedFactor: 1 }),
  network: NetworkSpec,
  kit: z.strictObject({ modules: z.record(Id, ModuleSpec) }),
  defaults: z.unknown().optional(),
  depots: z.record(Id, DepotSpec),
  fleets: z.record(Id, FleetSpec),
  missions: z.record(Id, MissionSpec),
  conditions: z.record(Id, ConditionSpec).default({}),
  run: RunSpec.default(RunSpec.parse({})),
});
export type Scenario = z.infer<typeof Scenario>;
export type DepotSpec = z.infer<typeof DepotSpec>;
export type FleetSpec = z.infer<typeof FleetSpec>;
export type MissionSpec = z.infer<typeof MissionSpec>;
export type ConditionSpec = z.infer<typeof ConditionSpec>;
