/**
 * The batch plan file format, as zod schemas: a base scenario, axes that vary it, the cells to run
 * (the full grid of the axes, or a list), replications per cell and a seed. An axis is one of three
 * shapes, told apart by its key: `path` + `values` (plain values at one scenario path), `patches`
 * (named merge patches), or `scenarios` (named base scenarios, instead of `base`).
 */
import { z } from 'zod';
import { Id } from '../schema.ts';

/** Axis names: short, plain, usable as CSV column names; "id" is taken by listed cells. */
export const AxisName = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_-]{0,31}$/, { error: 'must be an axis name: a letter, then letters, digits, "-" or "_" (at most 32)' })
  .refine((s) => s !== 'id', { error: '"id" is reserved for the id of a listed cell' });

/** Names of patches and scenarios on an axis. */
export const ValueName = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.:+-]{0,63}$/, { error: 'must be a name: letters, digits, "-", "_", ".", ":" or "+" (at most 64)' });

const description = z.string().optional();

export const PathAxis = z.strictObject({
  /** A scenario path as `--set` writes it: depots.jinzhou-base.docks. */
  path: z.string().min(1),
  values: z.array(z.unknown()).min(1),
  description,
});

export const PatchAxis = z.strictObject({
  /** name → JSON merge patch (RFC 7396) on the scenario; {} leaves it as it is. */
  patches: z.record(ValueName, z.record(z.string(), z.unknown())),
  description,
});

export const ScenarioAxis = z.strictObject({
  /** name → a shipped scenario id or a file path (relative to the plan file). */
  scenarios: z.record(ValueName, z.string().min(1)),
  description,
});

export const BatchPlan = z.strictObject({
  title: z.string().min(1).optional(),
  description: z.string().default(''),
  /** The scenario every cell starts from: a shipped id or a file path (relative to the plan file). */
  base: z.string().min(1).optional(),
  /** Replications per cell. */
  replications: z.number().int().positive().max(1_000_000),
  seed: z.custom<string | number>((v) => (typeof v === 'number' && Number.isSafeInteger(v)) || (typeof v === 'string' && v.length >= 1 && v.length <= 60), {
    error: (issue) => (issue.input === undefined ? 'is required (a whole number or a string)' : 'must be a whole number or a string of 1 to 60 characters'),
  }),
  /** common: every cell runs replication i on the streams of (seed, i) — differences between cells are sharper. per-cell: the seed of a cell is "<seed>/<cell id>". */
  seeds: z.enum(['common', 'per-cell']).default('common'),
  /** P(on time) a target must reach to be MET; default: each cell's scenario's run.requiredConfidence. */
  requiredConfidence: z.number().gt(0.5).lt(1).optional(),
  /** Missions to report, in this order; default: every mission of the scenario. */
  targets: z.array(Id).min(1).optional(),
  /** Axis name → axis (names and shapes are checked one by one, to report each at its place). */
  axes: z.record(z.string(), z.unknown()),
  /** The cells to run: each names a value for some axes (the others stay as in the base); omit for the full grid. */
  cells: z.array(z.record(z.string(), z.unknown())).min(1).optional(),
});
export type BatchPlan = z.infer<typeof BatchPlan>;
export type PathAxis = z.infer<typeof PathAxis>;
export type PatchAxis = z.infer<typeof PatchAxis>;
export type ScenarioAxis = z.infer<typeof ScenarioAxis>;
