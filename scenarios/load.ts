/**
 * Loading a scenario: a shipped id or a file path in, a checked Scenario (and the model's input) out.
 * Reads YAML or JSON, follows `extends` (the rest of the file is a merge patch on the scenario it
 * extends), applies the caller's patches and `--set` assignments, then parses. Every problem comes
 * back as issues naming the file and the path inside it; nothing here throws for bad input.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { ModelInput } from '../engine/model/input.ts';
import { resolveScenarioRef, shippedScenarioFile, shippedScenarios, unknownScenarioMessage } from './catalog.ts';
import { compileScenario } from './compile.ts';
import { suggestion, type ScenarioIssue } from './issues.ts';
import { parseScenario } from './parse.ts';
import { attributeIssues, describeOverride, removesNothing, type AppliedOverride } from './overrides.ts';
import { PatchError, assertSafeKeys, mergePatch, setToPatch } from './patch.ts';
import type { Scenario } from './schema.ts';

export interface LoadOptions {
  /** Merge patches (RFC 7396) applied in order after `extends`. */
  patches?: unknown[];
  /** `path=value` assignments applied after the patches. */
  sets?: string[];
  /** Names of the patches for messages (a file, a request field); default "patch 1", "patch 2", ... */
  patchNames?: string[];
  /** Names of the sets for messages; default "--set <path=value>". */
  setNames?: string[];
}

export type LoadResult =
  | { ok: true; scenario: Scenario; model: ModelInput; file: string | null; document: unknown }
  | { ok: false; issues: ScenarioIssue[]; file: string | null };

const MAX_EXTENDS = 8;

/** Reads a YAML or JSON file into a document. */
export function readDocument(file: string): { ok: true; document: unknown } | { ok: false; issue: ScenarioIssue } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, issue: { path: [], code: 'not_found', file, message: code === 'ENOENT' ? 'no such file' : `cannot read the file (${code})` } };
  }
  try {
    if (file.endsWith('.json')) return { ok: true, document: JSON.parse(text) };
    return { ok: true, document: parseYaml(text, { merge: true, maxAliasCount: 100 }) };
  } catch (error) {
    if (/Maximum call stack size exceeded/.test((error as Error).message)) {
      return { ok: false, issue: { path: [], code: 'too_deep', file, message: 'nested far too deeply to be a scenario or a plan' } };
    }
    if (error instanceof YAMLParseError) {
      const where = error.linePos?.[0];
      return { ok: false, issue: { path: [], code: 'syntax', file, message: `YAML syntax error${where ? ` at line ${where.line}, column ${where.col}` : ''}: ${error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}` } };
    }
    return { ok: false, issue: { path: [], code: 'syntax', file, message: `JSON syntax error: ${(error as Error).message}` } };
  }
}

/** A file's document with its `extends` resolved (recursively). */
function resolveDocument(file: string, seen: string[]): { ok: true; document: unknown } | { ok: false; issues: ScenarioIssue[] } {
  const read = readDocument(file);
  if (!read.ok) return { ok: false, issues: [read.issue] };
  return resolveExtends(read.document, file, seen);
}

/**
 * Resolves `extends` in `doc`: the rest of the document is a merge patch on the scenario it names.
 * `file` is where the document came from (relative paths resolve from there), or null for a
 * document sent inline, which may extend shipped scenarios only.
 */
function resolveExtends(doc: unknown, file: string | null, seen: string[]): { ok: true; document: unknown } | { ok: false; issues: ScenarioIssue[] } {
  const where = file ?? undefined;
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc) || !('extends' in doc)) return { ok: true, document: doc };
  const { extends: parentRef, ...rest } = doc as Record<string, unknown>;
  const issue = (code: string, message: string): { ok: false; issues: ScenarioIssue[] } => ({ ok: false, issues: [{ path: ['extends'], code, message, ...(where === undefined ? {} : { file: where }) }] });
  if (typeof parentRef !== 'string') return issue('invalid_type', 'must be the id of a shipped scenario or a file path');
  if (seen.length >= MAX_EXTENDS) return issue('too_deep', `more than ${MAX_EXTENDS} levels of extends`);
  const parentFile = file === null ? shippedScenarioFile(parentRef) : resolveScenarioRef(parentRef, path.dirname(file));
  if (parentFile === null) return issue('unknown_reference', `no shipped scenario${file === null ? '' : ' or file'} "${parentRef}"${suggestion(parentRef, shippedScenarios().map((x) => x.id))}`);
  if (seen.includes(parentFile)) return issue('cycle', `extends goes round in a circle: ${[...seen, parentFile].map((f) => path.basename(f)).join(' → ')}`);
  const parent = resolveDocument(parentFile, [...seen, parentFile]);
  if (!parent.ok) return parent;
  try {
    return { ok: true, document: mergePatch(parent.document, rest) };
  } catch (error) {
    if (error instanceof PatchError) return { ok: false, issues: [{ path: error.path, code: 'forbidden_key', message: error.message, ...(where === undefined ? {} : { file: where }) }] };
    throw error;
  }
}

/**
 * Applies patches and `--set` assignments to a document, recording what each did (for messages);
 * issues carry the override's name as their file. A `--set` that removes (`=null`) what is not there
 * is a mistake (a misspelt id), not a no-op.
 */
export function applyOverrides(document: unknown, options: LoadOptions): { ok: true; document: unknown; overrides: AppliedOverride[] } | { ok: false; issues: ScenarioIssue[] } {
  let doc = document;
  const overrides: AppliedOverride[] = [];
  const named: [string, () => unknown, boolean][] = [
    ...(options.patches ?? []).map((p, i): [string, () => unknown, boolean] => [options.patchNames?.[i] ?? `patch ${i + 1}`, () => p, false]),
    ...(options.sets ?? []).map((s, i): [string, () => unknown, boolean] => [options.setNames?.[i] ?? `--set ${s}`, () => setToPatch(s), true]),
  ];
  for (const [name, patchOf, isSet] of named) {
    try {
      const patch = patchOf();
      assertSafeKeys(patch); // first: what follows walks the patch
      if (isSet) {
        const gone = removesNothing(doc, patch);
        if (gone !== null) return { ok: false, issues: [{ path: gone.path, code: 'unknown_reference', file: name, message: `nothing there to remove${suggestion(String(gone.path[gone.path.length - 1]), gone.known)}` }] };
      }
      overrides.push(describeOverride(name, doc, patch));
      doc = mergePatch(doc, patch);
    } catch (error) {
      if (error instanceof PatchError) return { ok: false, issues: [{ path: error.path, code: 'invalid_patch', file: name, message: error.message }] };
      throw error;
    }
  }
  return { ok: true, document: doc, overrides };
}


/** Parses and compiles a document (from a file, or from an API request). */
export function loadDocument(document: unknown, options: LoadOptions = {}, file: string | null = null): LoadResult {
  const patched = applyOverrides(document, options);
  if (!patched.ok) return { ok: false, issues: patched.issues, file };
  const parsed = parseScenario(patched.document);
  if (!parsed.ok) return { ok: false, issues: attributeIssues(parsed.issues.map((i) => (file === null ? i : { ...i, file })), patched.overrides), file };
  return { ok: true, scenario: parsed.scenario, model: compileScenario(parsed.scenario), file, document: patched.document };
}

/** Loads a scenario sent as a document (the API's inline scenarios): `extends` may name shipped scenarios only. */
export function loadInlineScenario(document: unknown, options: LoadOptions = {}): LoadResult {
  const resolved = resolveExtends(document, null, []);
  if (!resolved.ok) return { ok: false, issues: resolved.issues, file: null };
  return loadDocument(resolved.document, options, null);
}

/** Loads a shipped scenario by id, or a scenario file by path. */
export function loadScenario(ref: string, options: LoadOptions = {}): LoadResult {
  const file = resolveScenarioRef(ref, process.cwd());
  if (file === null) return { ok: false, issues: [{ path: [], code: 'not_found', message: unknownScenarioMessage(ref, process.cwd()) }], file: null };
  const resolved = resolveDocument(file, [file]);
  if (!resolved.ok) return { ok: false, issues: resolved.issues, file };
  return loadDocument(resolved.document, options, file);
}
