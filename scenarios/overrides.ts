/**
 * Where a problem in a patched scenario comes from. An override (a merge patch or a `--set`) that
 * sets a wrong value should be named in the message, not the scenario file it was applied to; and one
 * whose path misspells an id (`depots.fushun-nationl.docks=3`) creates a new, half-empty entry whose
 * required fields are then all "missing" — the real mistake is the id, so say that, with the near one.
 */
import { suggestion, type ScenarioIssue } from './issues.ts';

type Path = (string | number)[];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** One override as applied: its name for messages, the paths it sets, and any entries it creates. */
export interface AppliedOverride {
  /** How the user wrote it: a patch file, "--set path=value", or a request field ("patch", "set.0"). */
  name: string;
  /** Every path it sets (leaves of the patch; a distribution or a null counts as a leaf). */
  leaves: Path[];
  /** Entries of keyed collections (depots.x, fleets.y, ...) that did not exist before it. */
  created: { path: Path; known: string[] }[];
}

/** The leaf paths of a merge patch. */
export function leafPaths(patch: unknown, at: Path = []): Path[] {
  if (!isObject(patch) || 'dist' in patch || Object.keys(patch).length === 0) return [at];
  return Object.entries(patch).flatMap(([k, v]) => leafPaths(v, [...at, k]));
}

/**
 * Where `path` goes through an entry that `doc` does not have, inside a keyed collection (an object
 * whose values are all objects, like depots or fleets): that entry's path and its siblings' keys.
 * Null if the path only adds a field, or goes through no collection.
 */
export function missingEntry(doc: unknown, path: Path): { path: Path; known: string[] } | null {
  let node = doc;
  for (let i = 0; i < path.length - 1; i++) {
    if (!isObject(node)) return null;
    const key = String(path[i]);
    if (!Object.hasOwn(node, key)) {
      const siblings = Object.values(node);
      const keyed = siblings.length > 0 && siblings.every(isObject);
      return keyed && i > 0 ? { path: path.slice(0, i + 1), known: Object.keys(node) } : null;
    }
    node = node[key];
  }
  return null;
}

/** Records what an override does to `doc` (before it is applied). */
export function describeOverride(name: string, doc: unknown, patch: unknown): AppliedOverride {
  const leaves = leafPaths(patch);
  const created: AppliedOverride['created'] = [];
  for (const leaf of leaves) {
    const entry = missingEntry(doc, leaf);
    if (entry !== null && !created.some((c) => c.path.join('\u0000') === entry.path.join('\u0000'))) created.push(entry);
  }
  return { name, leaves, created };
}

const startsWith = (path: Path, prefix: Path) => prefix.length <= path.length && prefix.every((p, i) => String(p) === String(path[i]));

/**
 * Gives each issue the override it comes from (the last one that set its path or created its entry),
 * and replaces the issues inside an entry an override created by one: the id is not known.
 */
export function attributeIssues(issues: readonly ScenarioIssue[], overrides: readonly AppliedOverride[]): ScenarioIssue[] {
  const out: ScenarioIssue[] = [];
  const reported = new Set<string>();
  for (const issue of issues) {
    let done = false;
    for (let o = overrides.length - 1; o >= 0 && !done; o--) {
      const override = overrides[o]!;
      const entry = override.created.find((c) => startsWith(issue.path, c.path));
      if (entry !== undefined) {
        const key = `${o}\u0000${entry.path.join('\u0000')}`;
        if (!reported.has(key)) {
          reported.add(key);
          const id = String(entry.path[entry.path.length - 1]);
          const under = entry.path.slice(0, -1).join('.');
          const count = issues.filter((i) => startsWith(i.path, entry.path)).length;
          out.push({
            path: entry.path,
            code: 'unknown_reference',
            file: override.name,
            message: `no "${id}" in ${under}${suggestion(id, entry.known)}; a new entry needs all its fields (${count} problem${count === 1 ? '' : 's'} with it as given)`,
          });
        }
        done = true;
      } else if (override.leaves.some((leaf) => startsWith(issue.path, leaf))) {
        out.push({ ...issue, file: override.name });
        done = true;
      }
    }
    if (!done) out.push(issue);
  }
  return out;
}

/** The first null in `patch` whose key `doc` does not have, with the keys it does have there. */
export function removesNothing(doc: unknown, patch: unknown, at: (string | number)[] = []): { path: (string | number)[]; known: string[] } | null {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) return null;
  const here = typeof doc === 'object' && doc !== null && !Array.isArray(doc) ? (doc as Record<string, unknown>) : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null && !Object.hasOwn(here, k)) return { path: [...at, k], known: Object.keys(here) };
    const deeper = removesNothing(here[k], v, [...at, k]);
    if (deeper !== null) return deeper;
  }
  return null;
}
