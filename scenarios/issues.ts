/**
 * Problems with a scenario, as data: where (`path` inside the document, and the file), what kind
 * (`code`) and why (`message`). Text for people is made only at the edges (CLI, API), by
 * {@link formatIssues}.
 */
import { closest, distance } from 'fastest-levenshtein';

export interface ScenarioIssue {
  /** Where in the scenario document, e.g. ["depots", "fushun-national", "docks"]. */
  path: (string | number)[];
  /** Machine-readable kind: zod's codes (invalid_type, unrecognized_keys, ...) or ours (unknown_reference, unreachable, syntax, ...). */
  code: string;
  message: string;
  /** The file the problem is in, when it came from one. */
  file?: string;
}

/** A scenario that cannot be used; carries its issues. */
export class ScenarioError extends Error {
  override name = 'ScenarioError';
  constructor(readonly issues: ScenarioIssue[]) {
    super(formatIssues(issues));
  }
}

/** The path as people write it: depots.fushun-national.crew.total, or (top) for the document itself. */
export function formatPath(path: readonly (string | number)[]): string {
  return path.length === 0 ? '(top)' : path.map((p) => (typeof p === 'number' ? `[${p}]` : p)).join('.').replace(/\.\[/g, '[');
}

/** One line per issue: `file: path: message`. */
export function formatIssues(issues: readonly ScenarioIssue[]): string {
  return issues.map((i) => `${i.file !== undefined ? `${i.file}: ` : ''}${formatPath(i.path)}: ${i.message}`).join('\n');
}

/** " (did you mean "x"?)" when a known name is close to `name`, else "". */
export function suggestion(name: string, known: Iterable<string>): string {
  const list = [...known];
  if (list.length === 0) return '';
  const best = closest(name, list);
  const d = distance(name.toLowerCase(), best.toLowerCase());
  return d <= Math.max(2, Math.floor(name.length * 0.4)) ? ` (did you mean "${best}"?)` : '';
}
