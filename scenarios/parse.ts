/**
 * parseScenario: a scenario document (already read from YAML or JSON) in, a valid Scenario or a list
 * of issues out. Three steps: merge `defaults` into each depot, fleet and mission; check the shape
 * with the zod schema; check the cross-references (ids that must exist, routes that must exist).
 */
import type { z } from 'zod';
import { checkReferences } from './checks.ts';
import { suggestion, type ScenarioIssue } from './issues.ts';
import { PatchError, mergePatch } from './patch.ts';
import { Defaults, Scenario } from './schema.ts';

export type ParseResult = { ok: true; scenario: Scenario } | { ok: false; issues: ScenarioIssue[] };

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Validates a scenario document. Never throws for bad input: every problem is an issue. */
export function parseScenario(document: unknown): ParseResult {
  if (!isObject(document)) return { ok: false, issues: [{ path: [], code: 'invalid_type', message: 'a scenario must be an object (a YAML mapping or a JSON object)' }] };
  let merged: Record<string, unknown>;
  try {
    merged = applyDefaults(document);
  } catch (error) {
    if (error instanceof DefaultsError) return { ok: false, issues: error.issues };
    if (error instanceof PatchError) return { ok: false, issues: [{ path: ['defaults', ...error.path], code: 'forbidden_key', message: error.message }] };
    throw error;
  }
  const result = Scenario.safeParse(merged);
  if (!result.success) return { ok: false, issues: zodIssues(result.error.issues, Scenario, merged) };
  const issues = checkReferences(result.data);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, scenario: result.data };
}

class DefaultsError extends Error {
  constructor(readonly issues: ScenarioIssue[]) {
    super('invalid defaults');
  }
}

/** `defaults.depot` (and fleet, mission) under each item: the item's own values win. */
function applyDefaults(document: Record<string, unknown>): Record<string, unknown> {
  if (document.defaults === undefined) return document;
  const parsed = Defaults.safeParse(document.defaults);
  if (!parsed.success) {
    throw new DefaultsError(zodIssues(parsed.error.issues, Defaults, document.defaults).map((i) => ({ ...i, path: ['defaults', ...i.path] })));
  }
  const raw = document.defaults as Record<string, unknown>;
  const out = { ...document };
  for (const [kind, collection] of [
    ['depot', 'depots'],
    ['fleet', 'fleets'],
    ['mission', 'missions'],
  ] as const) {
    const base = raw[kind];
    const items = out[collection];
    if (base === undefined || !isObject(items)) continue;
    out[collection] = Object.fromEntries(Object.entries(items).map(([id, item]) => [id, isObject(item) ? mergePatch(base, item) : item]));
  }
  return out;
}

// ---- zod issues in the project's shape, with friendlier messages -------------------------------

type ZodIssue = z.core.$ZodIssue;
type AnySchema = z.core.$ZodType;

/** Known keys of the object schema found at `path`, for "did you mean" hints. */
export function keysAt(schema: AnySchema, path: readonly PropertyKey[]): string[] {
  let s: AnySchema | undefined = schema;
  let i = 0;
  while (s !== undefined) {
    const def: Record<string, unknown> = (s as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
    const type = def.type as string;
    if (type === 'optional' || type === 'default' || type === 'nullable' || type === 'prefault' || type === 'readonly') s = def.innerType as AnySchema;
    else if (type === 'pipe') s = def.in as AnySchema;
    else if (i === path.length) return type === 'object' ? Object.keys(def.shape as object) : [];
    else if (type === 'object') {
      s = (def.shape as Record<string, AnySchema>)[String(path[i++])];
    } else if (type === 'record') {
      s = def.valueType as AnySchema;
      i++;
    } else if (type === 'array') {
      s = def.element as AnySchema;
      i++;
    } else return [];
  }
  return [];
}

function valueAt(doc: unknown, path: readonly PropertyKey[]): unknown {
  let v = doc;
  for (const p of path) v = isObject(v) || Array.isArray(v) ? (v as Record<PropertyKey, unknown>)[p] : undefined;
  return v;
}

const describe = (v: unknown): string =>
  v === undefined ? 'nothing' : v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'a mapping' : typeof v === 'number' && !Number.isFinite(v) ? `${v} (not a finite number)` : `${typeof v} ${JSON.stringify(v)}`;

/**
 * zod's issues in the project's shape, with friendlier messages and "did you mean" hints for unknown
 * fields; `schema` and `doc` are what was parsed. Also used for batch plans.
 */
export function zodIssues(issues: readonly ZodIssue[], schema: AnySchema, doc: unknown): ScenarioIssue[] {
  const out: ScenarioIssue[] = [];
  for (const issue of issues) {
    const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    switch (issue.code) {
      case 'unrecognized_keys':
        for (const key of issue.keys) {
          out.push({ path: [...path, key], code: issue.code, message: `unknown field "${key}"${suggestion(key, keysAt(schema, issue.path))}` });
        }
        break;
      case 'invalid_type': {
        const got = valueAt(doc, issue.path);
        out.push({ path, code: issue.code, message: got === undefined ? `is required (${issue.expected})` : `must be ${issue.expected}; got ${describe(got)}` });
        break;
      }
      case 'invalid_union': {
        // A duration: report the branch the author meant (the distribution named by `dist`).
        const got = valueAt(doc, issue.path);
        const nested = issue.errors.flat();
        const noMatch = nested.find((n) => 'options' in n && n.path[n.path.length - 1] === 'dist') as (ZodIssue & { options?: unknown[] }) | undefined;
        if (isObject(got) && noMatch?.options !== undefined) {
          const names = noMatch.options.map(String);
          out.push({ path: [...path, 'dist'], code: 'invalid_value', message: `unknown distribution ${JSON.stringify(got.dist)}${suggestion(String(got.dist), names)}; one of ${names.join(', ')}` });
          break;
        }
        const specific = isObject(got) && 'dist' in got ? nested.filter((n) => n.code !== 'invalid_type' || n.path.length > 0) : [];
        if (specific.length > 0) out.push(...zodIssues(specific.map((n) => ({ ...n, path: [...issue.path, ...n.path] })), schema, doc));
        else if (path[path.length - 1] === 'seed') out.push({ path, code: issue.code, message: `must be a whole number or a string; got ${describe(got)}` });
        else out.push({ path, code: issue.code, message: `must be a number of minutes or a distribution such as {dist: triangular, min, mode, max}; got ${describe(got)}` });
        break;
      }
      case 'invalid_value':
        if (!issue.message.startsWith('Invalid')) {
          out.push({ path, code: issue.code, message: issue.message });
          break;
        }
        out.push({ path, code: issue.code, message: `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}; got ${describe(valueAt(doc, issue.path))}${typeof valueAt(doc, issue.path) === 'string' ? suggestion(String(valueAt(doc, issue.path)), issue.values.map(String)) : ''}` });
        break;
      case 'too_small':
      case 'too_big':
      case 'invalid_format':
      case 'not_multiple_of':
        out.push({ path, code: issue.code, message: `${issue.message.replace(/^Too (small|big): expected \w+ to (have|be) /, 'must be ').replace(/^Invalid input: /, '').replace(/([<>]=?)(\d)/, '$1 $2')}; got ${describe(valueAt(doc, issue.path))}` });
        break;
      default:
        out.push({ path, code: issue.code, message: issue.message });
    }
  }
  return out;
}
