/**
 * Where zhanbao's files are. The same code runs from source (tsx) and from the esbuild bundles in
 * dist/ (at different depths), so paths are found from the project root, not from this file.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/** The directory holding zhanbao's package.json (found by walking up from this module). */
export function projectRoot(): string {
  if (root !== undefined) return root;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'seeds', 'data', 'nodes.csv')) || !existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`cannot find the zhanbao project root above ${fileURLToPath(import.meta.url)}`);
    dir = up;
  }
  root = dir;
  return dir;
}

/** True when running from the TypeScript sources (tests, tsx), false from a bundle in dist/. */
export function runningFromSource(): boolean {
  return import.meta.url.endsWith('.ts');
}
