/**
 * The direction of dependencies (api/CLI → scenarios → engine/model → engine/kernel), checked on
 * the import statements of the sources, as zod checks its own for cycles.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arch = suite('architecture');

function sources(dir: string): string[] {
  const full = path.join(root, dir);
  try {
    statSync(full);
  } catch {
    return [];
  }
  return readdirSync(full, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.join(dir, f));
}

/** Import specifiers of a file, with relative ones resolved to paths from the repository root. */
function imports(file: string): string[] {
  const text = readFileSync(path.join(root, file), 'utf8');
  const specs = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/g), ...text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]!);
  return specs.map((s) => (s.startsWith('.') ? path.relative(root, path.resolve(path.dirname(path.join(root, file)), s)) : s));
}

arch('the kernel imports only the kernel (no model, scenarios, api, mathjs, seedrandom, node modules)', () => {
  const kernel = sources('engine/kernel');
  assert.ok(kernel.length >= 8, 'kernel files found');
  for (const file of kernel) {
    for (const spec of imports(file)) {
      assert.ok(spec.startsWith('engine/kernel/'), `${file} imports ${spec}`);
    }
  }
});

arch('the engine does not import scenarios, api or the CLI', () => {
  for (const file of sources('engine')) {
    for (const spec of imports(file)) {
      assert.not.ok(/^(scenarios|api|bin)\//.test(spec), `${file} imports ${spec}`);
    }
  }
});

arch('scenarios do not import the api or the CLI', () => {
  for (const file of sources('scenarios')) {
    for (const spec of imports(file)) {
      assert.not.ok(/^(api|bin)\//.test(spec), `${file} imports ${spec}`);
    }
  }
});

arch('nothing calls Math.random or seeds seedrandom globally', () => {
  for (const file of [...sources('engine'), ...sources('scenarios'), ...sources('api'), ...sources('bin')]) {
    const text = readFileSync(path.join(root, file), 'utf8');
    assert.not.ok(/Math\.random\s*\(/.test(text), `${file} calls Math.random`);
    assert.not.ok(/global\s*:\s*true/.test(text), `${file} uses seedrandom's global option`);
  }
});

arch.run();
