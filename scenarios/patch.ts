/**
 * Overrides: JSON merge patches (RFC 7396) and `--set path=value`. The CLI, the API and `extends`
 * all use this one mechanism. Keys that could reach an object's prototype (`__proto__`,
 * `constructor`, `prototype`) are refused wherever they appear.
 *
 * Written here rather than taken from a package: RFC 7396 is a dozen lines, and the packages found
 * either do not guard against prototype keys or are unmaintained.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/** A patch that cannot be applied; `path` is where in the patch the problem is. */
export class PatchError extends Error {
  override name = 'PatchError';
  constructor(
    readonly path: (string | number)[],
    message: string,
  ) {
    super(message);
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Deeper than this, a patch is a mistake or an attack (a scenario is about six levels deep). */
const MAX_DEPTH = 32;

/** Throws PatchError if `value` holds a forbidden key at any depth. */
export function assertSafeKeys(value: unknown, path: (string | number)[] = []): void {
  if (path.length > MAX_DEPTH) throw new PatchError(path.slice(0, MAX_DEPTH), `nested deeper than ${MAX_DEPTH} levels: no scenario is`);
  if (Array.isArray(value)) value.forEach((v, i) => assertSafeKeys(v, [...path, i]));
  else if (isObject(value)) {
    for (const key of Object.keys(value)) {
      if (FORBIDDEN.has(key)) throw new PatchError([...path, key], `key "${key}" is not allowed`);
      assertSafeKeys(value[key], [...path, key]);
    }
  }
}

/**
 * Applies `patch` to `target` per RFC 7396: objects merge key by key, `null` removes a key, anything
 * else replaces. One addition for scenarios: an object with a `dist` key (a distribution) replaces
 * whole, so that changing the kind of distribution does not leave the old one's fields behind.
 * Neither argument is modified.
 * @throws PatchError for a forbidden key.
 */
export function mergePatch(target: unknown, patch: unknown): unknown {
  assertSafeKeys(patch);
  return merge(target, patch);
}

function merge(target: unknown, patch: unknown): unknown {
  // A distribution is one value: {dist: normal, ...} replaces {dist: triangular, min, mode, max} whole.
  if (!isObject(patch) || 'dist' in patch) return structuredClone(patch);
  const out: Record<string, unknown> = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = merge(out[key], value);
  }
  return out;
}

/**
 * Turns `path=value` into a merge patch: `depots.fushun-national.docks=6` gives
 * `{"depots":{"fushun-national":{"docks":6}}}`. The value is read as JSON when it parses (numbers,
 * booleans, null, arrays, objects), otherwise as a string.
 * @throws PatchError if there is no `=`, the path is empty or has an empty or forbidden segment.
 */
export function setToPatch(assignment: string): Json {
  const eq = assignment.indexOf('=');
  if (eq <= 0) throw new PatchError([], `--set needs path=value; got "${assignment}"`);
  const path = assignment.slice(0, eq).trim();
  const raw = assignment.slice(eq + 1);
  const segments = path.split('.');
  segments.forEach((s, i) => {
    if (s === '') throw new PatchError(segments.slice(0, i), `--set path "${path}" has an empty segment`);
    if (FORBIDDEN.has(s)) throw new PatchError(segments.slice(0, i + 1), `key "${s}" is not allowed`);
  });
  let value: Json;
  try {
    value = JSON.parse(raw) as Json;
  } catch {
    value = raw;
  }
  assertSafeKeys(value, segments);
  let patch: Json = value;
  for (let i = segments.length - 1; i >= 0; i--) patch = { [segments[i]!]: patch };
  return patch;
}
