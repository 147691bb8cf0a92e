/**
 * Loading a batch plan: a YAML or JSON file (or a document, for the API) in, a checked plan with its
 * cells expanded out, or issues in the same shape as a scenario's (file, path, code, message, with
 * "did you mean" hints). The base scenarios are loaded and checked here; each cell's scenario (base +
 * the cell's patches) is checked only when the cell runs, and a cell that does not validate is a
 * failed cell, not a bad plan.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { resolveScenarioRef, shippedScenarioFile, shippedScenarios, unknownScenarioMessage } from '../catalog.ts';
import { formatPath, suggestion, type ScenarioIssue } from '../issues.ts';
import { loadDocument, loadInlineScenario, loadScenario, readDocument } from '../load.ts';
import { zodIssues } from '../parse.ts';
import { removesNothing } from '../overrides.ts';
import { PatchError, assertSafeKeys, type Json } from '../patch.ts';
import { AxisName, BatchPlan, PatchAxis, PathAxis, ScenarioAxis } from './schema.ts';

/** The most cells a plan may expand to. */
export const MAX_CELLS = 10_000;

/** One value of an axis: what the records show, and what it does to the scenario. */
export interface AxisValue {
  label: string;
  /** The value at the path, or the name of the patch or scenario. */
  value: Json;
  /** Merge patch on the cell's scenario (null for a scenario axis). */
  patch: Json | null;
  /** Key of the base scenario (scenario axes only). */
  base: string | null;
  /** The scenario as the plan names it (scenario axes only). */
  ref: string | null;
}

export interface PlanAxis {
  name: string;
  kind: 'path' | 'patches' | 'scenarios';
  description: string | null;
  values: AxisValue[];
}

export interface PlanCell {
  index: number;
  id: string;
  /** For each axis, the index of its value in this cell, or null if the cell leaves it as in the base. */
  choice: (number | null)[];
}

export interface PlanBase {
  /** As the plan wrote it. */
  ref: string;
  /** Its file; null for a scenario sent with the plan. */
  file: string | null;
  /** The scenario document with its `extends` resolved. */
  document: unknown;
  missions: string[];
}

/** A checked plan with its cells; JSON-able except for nothing (bases carry plain documents). */
export interface LoadedPlan {
  /** The plan file, or null for a document. */
  file: string | null;
  /** A short name for folders: the file's name without extension, or "batch". */
  name: string;
  title: string;
  description: string;
  plan: BatchPlan;
  axes: PlanAxis[];
  cells: PlanCell[];
  /** Base scenarios by key: "" for the plan's `base`, else the value names of the scenario axis. */
  bases: Record<string, PlanBase>;
  /** SHA-256 of the plan and its base scenarios as resolved: equal hashes, equal cells. */
  hash: string;
}

export type PlanResult = { ok: true; plan: LoadedPlan } | { ok: false; issues: ScenarioIssue[] };

export interface PlanLoadOptions {
  /** Folder that relative scenario paths start from; null: only shipped scenario ids are accepted (e.g. for an API). */
  dir: string | null;
  /** The file the document came from, for messages. */
  file?: string | null;
  /**
   * Scenario documents sent with the plan (the API's inline scenarios), by name: a base or a scenario
   * axis may name one of them instead of a shipped scenario or a file. They may `extends` a shipped one.
   */
  scenarios?: Record<string, unknown>;
}

/** Loads a plan file (YAML or JSON). Never throws for bad input. */
export function loadPlan(file: string): PlanResult {
  const abs = path.resolve(file);
  const read = readDocument(abs);
  if (!read.ok) return { ok: false, issues: [read.issue] };
  return loadPlanDocument(read.document, { dir: path.dirname(abs), file: abs });
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Keys sorted at every depth: the same JSON text for the same data. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (isObject(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]])) : v));
}

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/** The merge patch that sets `value` at a dotted path. */
function patchAt(segments: string[], value: Json): Json {
  let patch: Json = value;
  for (let i = segments.length - 1; i >= 0; i--) patch = { [segments[i]!]: patch };
  return patch;
}

/** The label of a plain value: strings as they are, anything else as JSON. */
function labelOf(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Checks a plan document and expands its cells. Never throws for bad input. */
export function loadPlanDocument(document: unknown, options: PlanLoadOptions): PlanResult {
  const file = options.file ?? null;
  const withFile = (issues: ScenarioIssue[]) => issues.map((i) => (i.file !== undefined || file === null ? i : { ...i, file }));
  if (!isObject(document)) return { ok: false, issues: withFile([{ path: [], code: 'invalid_type', message: 'a batch plan must be an object (a YAML mapping or a JSON object)' }]) };
  // Before the schema, which would drop a `__proto__` key silently rather than report it.
  try {
    assertSafeKeys(document);
  } catch (error) {
    if (!(error instanceof PatchError)) throw error;
    return { ok: false, issues: withFile([{ path: error.path, code: 'forbidden_key', message: error.message }]) };
  }
  const parsed = BatchPlan.safeParse(document);
  if (!parsed.success) return { ok: false, issues: withFile(zodIssues(parsed.error.issues, BatchPlan, document)) };
  const plan = parsed.data;
  const issues: ScenarioIssue[] = [];
  const at = (p: (string | number)[], code: string, message: string) => issues.push({ path: p, code, message });

  // Axes, by shape.
  const axes: PlanAxis[] = [];
  const names = Object.keys(plan.axes);
  if (names.length === 0) at(['axes'], 'too_small', 'must name at least one axis');
  for (const name of names) {
    const raw = plan.axes[name];
    const where = ['axes', name];
    const named = AxisName.safeParse(name);
    if (!named.success) {
      at(where, 'invalid_name', named.error.issues[0]!.message);
      continue;
    }
    if (!isObject(raw)) {
      at(where, 'invalid_type', 'must be a mapping: {path, values}, {patches} or {scenarios}');
      continue;
    }
    const kinds = (['path', 'patches', 'scenarios'] as const).filter((k) => k in raw);
    if (kinds.length !== 1) {
      at(where, 'invalid_axis', kinds.length === 0 ? `an axis needs "path" and "values", or "patches", or "scenarios"${suggestion(Object.keys(raw)[0] ?? '', ['path', 'values', 'patches', 'scenarios'])}` : `give only one of ${kinds.map((k) => `"${k}"`).join(', ')}`);
      continue;
    }
    const kind = kinds[0]!;
    const schema = kind === 'path' ? PathAxis : kind === 'patches' ? PatchAxis : ScenarioAxis;
    const checked = schema.safeParse(raw);
    if (!checked.success) {
      issues.push(...zodIssues(checked.error.issues, schema, raw).map((i) => ({ ...i, path: [...where, ...i.path] })));
      continue;
    }
    const description = (checked.data as { description?: string }).description ?? null;
    const values: AxisValue[] = [];
    if (kind === 'path') {
      const a = checked.data as PathAxis;
      const segments = a.path.split('.');
      const bad = segments.findIndex((s) => s === '' || FORBIDDEN.has(s));
      if (bad >= 0) {
        at([...where, 'path'], 'invalid_path', segments[bad] === '' ? `"${a.path}" has an empty segment` : `key "${segments[bad]}" is not allowed`);
        continue;
      }
      a.values.forEach((v, i) => {
        try {
          assertSafeKeys(v, [...where, 'values', i]);
          values.push({ label: labelOf(v), value: v as Json, patch: patchAt(segments, v as Json), base: null, ref: null });
        } catch (error) {
          if (!(error instanceof PatchError)) throw error;
          at(error.path, 'forbidden_key', error.message);
        }
      });
    } else if (kind === 'patches') {
      for (const [label, patch] of Object.entries((checked.data as PatchAxis).patches)) {
        try {
          assertSafeKeys(patch, [...where, 'patches', label]);
          values.push({ label, value: label, patch: patch as Json, base: null, ref: null });
        } catch (error) {
          if (!(error instanceof PatchError)) throw error;
          at(error.path, 'forbidden_key', error.message);
        }
      }
    } else {
      for (const [label, ref] of Object.entries((checked.data as ScenarioAxis).scenarios)) values.push({ label, value: label, patch: null, base: label, ref });
    }
    if (values.length === 0) at(where, 'too_small', 'must have at least one value');
    const seen = new Map<string, number>();
    values.forEach((v, i) => {
      if (seen.has(v.label)) at([...where, kind === 'path' ? 'values' : kind, kind === 'path' ? i : v.label], 'duplicate', `the value ${v.label} appears twice`);
      seen.set(v.label, i);
    });
    axes.push({ name, kind, description, values });
  }

  // Base scenarios: `base`, or one axis of scenarios.
  const scenarioAxes = axes.filter((a) => a.kind === 'scenarios');
  if (scenarioAxes.length > 1) at(['axes', scenarioAxes[1]!.name], 'invalid_axis', `only one axis may vary the scenario ("${scenarioAxes[0]!.name}" already does)`);
  if (plan.base !== undefined && scenarioAxes.length > 0) at(['base'], 'invalid_plan', `give either base or an axis of scenarios ("${scenarioAxes[0]!.name}"), not both`);
  if (plan.base === undefined && scenarioAxes.length === 0) at(['base'], 'invalid_type', 'is required (a shipped scenario id or a file path), unless an axis gives "scenarios"');
  if (issues.length > 0) return { ok: false, issues: withFile(issues) };

  const refs: [key: string, ref: string, where: (string | number)[]][] =
    plan.base !== undefined
      ? [['', plan.base, ['base']]]
      : scenarioAxes[0]!.values.map((v) => [v.label, v.ref!, ['axes', scenarioAxes[0]!.name, 'scenarios', v.label]]);
  const bases: Record<string, PlanBase> = {};
  for (const [key, ref, where] of refs) {
    const inline = options.scenarios !== undefined && Object.hasOwn(options.scenarios, ref) ? options.scenarios[ref] : undefined;
    const baseFile = inline !== undefined ? null : options.dir === null ? shippedScenarioFile(ref) : resolveScenarioRef(ref, options.dir);
    if (inline === undefined && baseFile === null) {
      const sent = Object.keys(options.scenarios ?? {});
      const known = sent.length > 0 ? `; the scenarios sent are ${sent.join(', ')}` : '';
      const why = options.dir === null ? `no shipped scenario "${ref}"${suggestion(ref, [...shippedScenarios().map((s) => s.id), ...Object.keys(options.scenarios ?? {})])}` : unknownScenarioMessage(ref, options.dir);
      at(where, 'unknown_reference', `${why}${known}`);
      continue;
    }
    const loaded = inline !== undefined ? loadInlineScenario(inline) : loadScenario(baseFile!);
    if (!loaded.ok) {
      at(where, 'invalid_base', `the scenario "${ref}" has problems (below)`);
      issues.push(...loaded.issues.map((i: ScenarioIssue) => (inline !== undefined ? { ...i, path: ['scenarios', ref, ...i.path] } : i)));
      continue;
    }
    bases[key] = { ref, file: baseFile, document: loaded.document, missions: Object.keys(loaded.scenario.missions) };
  }
  for (const [key, base] of Object.entries(bases)) {
    // Misspellings in an axis would make every cell it touches fail: caught here instead. Each value's
    // patch alone on the base may set a value the model refuses (0 docks: a failed cell, by design), but
    // not name a field or an id the scenario does not have, nor remove what is not there.
    for (const axis of axes) {
      if (axis.kind === 'scenarios') continue;
      for (const value of axis.values) {
        const where = ['axes', axis.name, ...(axis.kind === 'path' ? ['path'] : ['patches', value.label])];
        const of = key === '' ? 'the base scenario' : `scenario "${base.ref}"`;
        const gone = removesNothing(base.document, value.patch);
        if (gone !== null) {
          at(where, 'unknown_reference', `${gone.path.join('.')}: nothing there to remove in ${of}${suggestion(String(gone.path[gone.path.length - 1]), gone.known)}`);
          break;
        }
        const loaded = loadDocument(base.document, { patches: [value.patch], patchNames: ['axis'] }, null);
        const misspelt = loaded.ok ? [] : loaded.issues.filter((i) => i.file === 'axis' && (i.code === 'unrecognized_keys' || i.code === 'unknown_reference'));
        if (misspelt.length > 0) {
          for (const m of misspelt) at(where, m.code, `${formatPath(m.path)}: ${m.message} in ${of}`);
          break;
        }
      }
    }
    plan.targets?.forEach((t, i) => {
      if (!base.missions.includes(t)) at(['targets', i], 'unknown_reference', `no mission "${t}" in ${key === '' ? 'the base scenario' : `scenario "${base.ref}"`}${suggestion(t, base.missions)}`);
    });
  }
  if (issues.length > 0) return { ok: false, issues: withFile(issues) };

  const cells = plan.cells === undefined ? gridCells(axes, at) : listedCells(plan.cells, axes, at);
  if (issues.length > 0) return { ok: false, issues: withFile(issues) };

  const hash = createHash('sha256')
    .update(canonicalJson({ format: 'zhanbao-batch/1', plan, bases: Object.fromEntries(Object.entries(bases).map(([k, b]) => [k, b.document])) }))
    .digest('hex');
  const name = file === null ? 'batch' : path.basename(file).replace(/\.(ya?ml|json)$/i, '');
  return { ok: true, plan: { file, name, title: plan.title ?? name, description: plan.description, plan, axes, cells, bases, hash } };
}

const cellId = (axes: PlanAxis[], choice: (number | null)[]) =>
  axes
    .map((a, i) => (choice[i] === null ? null : `${a.name}=${a.values[choice[i]!]!.label}`))
    .filter((s) => s !== null)
    .join(',') || 'base';

/** Every combination of the axes' values, the first axis varying slowest. */
function gridCells(axes: PlanAxis[], at: (p: (string | number)[], code: string, message: string) => void): PlanCell[] {
  const total = axes.reduce((n, a) => n * a.values.length, 1);
  if (total > MAX_CELLS) {
    at(['axes'], 'too_big', `the full grid has ${total.toLocaleString('en')} cells; at most ${MAX_CELLS.toLocaleString('en')} (list the cells you need under "cells")`);
    return [];
  }
  const cells: PlanCell[] = [];
  for (let index = 0; index < total; index++) {
    let rest = index;
    const choice = new Array<number>(axes.length);
    for (let i = axes.length - 1; i >= 0; i--) {
      choice[i] = rest % axes[i]!.values.length;
      rest = Math.floor(rest / axes[i]!.values.length);
    }
    cells.push({ index, id: cellId(axes, choice), choice });
  }
  return cells;
}

/** The listed cells: each names values (by label, or by the value itself) for some axes. */
function listedCells(list: Record<string, unknown>[], axes: PlanAxis[], at: (p: (string | number)[], code: string, message: string) => void): PlanCell[] {
  if (list.length > MAX_CELLS) at(['cells'], 'too_big', `${list.length} cells; at most ${MAX_CELLS}`);
  const names = axes.map((a) => a.name);
  const ids = new Map<string, number>();
  const cells: PlanCell[] = [];
  list.forEach((raw, index) => {
    const choice: (number | null)[] = axes.map(() => null);
    let id: string | null = null;
    for (const [key, value] of Object.entries(raw)) {
      if (key === 'id') {
        if (typeof value !== 'string' || !/^[^\n]{1,200}$/.test(value)) at(['cells', index, 'id'], 'invalid_type', 'must be a string of 1 to 200 characters on one line');
        else id = value;
        continue;
      }
      const a = names.indexOf(key);
      if (a < 0) {
        at(['cells', index, key], 'unknown_reference', `unknown axis "${key}"${suggestion(key, names)}`);
        continue;
      }
      const axis = axes[a]!;
      const text = labelOf(value);
      const found = axis.values.findIndex((v) => v.label === text || (typeof value === 'string' && v.label === value) || canonicalJson(v.value) === canonicalJson(value));
      if (found < 0) {
        const labels = axis.values.map((v) => v.label);
        at(['cells', index, key], 'unknown_value', `no value ${text} on axis "${key}"${typeof value === 'string' ? suggestion(value, labels) : ''}; one of ${labels.join(', ')}`);
        continue;
      }
      choice[a] = found;
    }
    const cellIdText = id ?? cellId(axes, choice);
    if (ids.has(cellIdText)) at(['cells', index], 'duplicate', `cell "${cellIdText}" is the same as cells[${ids.get(cellIdText)}]${id === null ? ' (give it an "id" if you mean to run it twice)' : ''}`);
    ids.set(cellIdText, index);
    cells.push({ index, id: cellIdText, choice });
  });
  return cells;
}
