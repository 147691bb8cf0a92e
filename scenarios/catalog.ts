/**
 * The shipped scenarios (scenarios/shipped/*.yaml): listing them, and turning a reference — a
 * shipped id or a file path — into a file.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { projectRoot } from '../engine/paths.ts';
import { suggestion } from './issues.ts';

/** The folder of the shipped scenarios. */
export const shippedDir = (): string => path.join(projectRoot(), 'scenarios', 'shipped');

const ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

export interface ShippedScenario {
  id: string;
  title: string;
  description: string;
  file: string;
}

/** The file of shipped scenario `id`, or null. Only plain ids are accepted: no paths, no dots. */
export function shippedScenarioFile(id: string): string | null {
  if (!ID.test(id)) return null;
  const file = path.join(shippedDir(), `${id}.yaml`);
  return existsSync(file) ? file : null;
}

/** A shipped id, else a path to an existing file (relative to `baseDir`), else null. */
export function resolveScenarioRef(ref: string, baseDir: string): string | null {
  const shipped = shippedScenarioFile(ref);
  if (shipped !== null) return shipped;
  const file = path.resolve(baseDir, ref);
  try {
    return statSync(file).isFile() ? file : null;
  } catch {
    return null;
  }
}

/** Why `ref` names no scenario (relative to `baseDir`), with the near shipped id if there is one. */
export function unknownScenarioMessage(ref: string, baseDir: string): string {
  const file = path.resolve(baseDir, ref);
  try {
    if (statSync(file).isDirectory()) return `"${ref}" is a folder, not a scenario file`;
  } catch {
    // Not there at all: below.
  }
  return `no shipped scenario or file "${ref}"${suggestion(ref, shippedScenarios().map((s) => s.id))}`;
}

/** Shipped scenarios with their titles and descriptions, sorted by id. */
export function shippedScenarios(): ShippedScenario[] {
  return readdirSync(shippedDir())
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => {
      const file = path.join(shippedDir(), f);
      const doc = (parseYaml(readFileSync(file, 'utf8'), { merge: true }) ?? {}) as { title?: string; description?: string };
      return { id: f.slice(0, -5), title: doc.title ?? '', description: (doc.description ?? '').trim(), file };
    });
}
