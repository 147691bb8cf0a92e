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
import { resolveScenarioRef } from './catalog.ts';
import { compileScenario } from './compile.ts';
import type { ScenarioIssue } from './issues.ts';
import { parseScenario } from './parse.ts';
import { PatchError, mergePatch, setToPatch } from './patch.ts';
import type { Scenario } from './schema.ts';

export interface LoadOptions {
  /** Merge patches (RFC 7396) applied in order after `extends`. */
  patches?: unknown[];
  /** `path=value` assignments applied after the patches. */
  sets?: string[];
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
    if (error instanceof YAMLParseError) {
      const where = error.linePos?.[0];
      return { ok: false, issue: { path: [], code: 'syntax', file, message: `YAML syntax error${where ? ` at line ${where.line}, column ${where.col}` : ''}: ${error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}` } };
    }
    return { ok: false, issue: { path: [], code: 'syntax', file, message: `JSON syntax error: ${(error as Error).message}` } };
  }
}

/** A document with its `extends` resolved (recursively). */
function resolveDocument(file: string, seen: string[]): { ok: true; document: unknown } | { ok: false; issues: ScenarioIssue[] } {
  const read = readDocument(file);
  if (!read.ok) return { ok: false, issues: [read.issue] };
  const doc = read.document;
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc) || !('extends' in doc)) return { ok: true, document: doc };
  const { extends: parentRef, ...rest } = doc as Record<string, unknown>;
  if (typeof parentRef !== 'string') return { ok: false, issues: [{ path: ['extends'], code: 'invalid_type', file, message: 'must be the id of a shipped scenario or a file path' }] };
  if (seen.length >= MAX_EXTENDS) return { ok: false, issues: [{ path: ['extends'], code: 'too_deep', file, message: `more than ${MAX_EXTENDS} levels of extends` }] };
  const parentFile = resolveScenarioRef(parentRef, path.dirname(file));
  if (parentFile === null) return { ok: false, issues: [{ path: ['extends'], code: 'unknown_reference', file, message: `no shipped scenario or file "${parentRef}"` }] };
  if (seen.includes(parentFile)) return { ok: false, issues: [{ path: ['extends'], code: 'cycle', file, message: `extends goes round in a circle: ${[...seen, parentFile].map((f) => path.basename(f)).join(' → ')}` }] };
  const parent = resolveDocument(parentFile, [...seen, parentFile]);
  if (!parent.ok) return parent;
  try {
    return { ok: true, document: mergePatch(parent.document, rest) };
  } catch (error) {
    if (error instanceof PatchError) return { ok: false, issues: [{ path: error.path, code: 'forbidden_key', file, message: error.message }] };
    throw error;
  }
}

/** Applies patches and `--set` assignments to a document; issues carry `where` as their file. */
export function applyOverrides(document: unknown, options: LoadOptions, where: string): { ok: true; document: unknown } | { ok: false; issues: ScenarioIssue[] } {
  let doc = document;
  try {
    for (const patch of options.patches ?? []) doc = mergePatch(doc, patch);
    for (const set of options.sets ?? []) doc = mergePatch(doc, setToPatch(set));
  } catch (error) {
    if (error instanceof PatchError) return { ok: false, issues: [{ path: error.path, code: 'invalid_patch', file: where, message: error.message }] };
    throw error;
  }
  return { ok: true, document: doc };
}

/** Parses and compiles a document (from a file, or from an API request). */
export function loadDocument(document: unknown, options: LoadOptions = {}, file: string | null = null): LoadResult {
  const patched = applyOverrides(document, options, 'overrides');
  if (!patched.ok) return { ok: false, issues: patched.issues, file };
  const parsed = parseScenario(patched.document);
  if (!parsed.ok) return { ok: false, issues: parsed.issues.map((i) => (file === null ? i : { ...i, file })), file };
  return { ok: true, scenario: parsed.scenario, model: compileScenario(parsed.scenario), file, document: patched.document };
}

/** Loads a shipped scenario by id, or a scenario file by path. */
export function loadScenario(ref: string, options: LoadOptions = {}): LoadResult {
  const file = resolveScenarioRef(ref, process.cwd());
  if (file === null) return { ok: false, issues: [{ path: [], code: 'not_found', message: `no shipped scenario or file "${ref}"` }], file: null };
  const resolved = resolveDocument(file, [file]);
  if (!resolved.ok) return { ok: false, issues: resolved.issues, file };
  return loadDocument(resolved.document, options, file);
}
