/**
 * `npm test`: the type-check, then every `test/**\/*.test.ts` under uvu, then one last line
 * `N passed, N failed` (the type-check counts as one check). Exits non-zero on any failure.
 *
 * Usage: npm test [-- <pattern>]   e.g. `npm test -- kernel` runs only files whose path matches.
 */
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const filter = process.argv[2];

function stripAnsi(s: string): string {
  return s.replace(/\x1b\[[0-9;]*m/g, '');
}

let passed = 0;
let failed = 0;

if (filter === undefined) {
  process.stdout.write('type-check (tsc --noEmit)\n');
  const tsc = spawnSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', root], {
    stdio: 'inherit',
    cwd: root,
  });
  if (tsc.status === 0) {
    passed++;
    process.stdout.write('  ok\n\n');
  } else {
    failed++;
    process.stdout.write('  type-check FAILED\n\n');
  }
}

const pattern = filter === undefined ? '\\.test\\.ts$' : `${filter.replace(/[.+?^${}()|[\]\\]/g, '\\$&')}.*\\.test\\.ts$`;
const uvu = spawn(
  process.execPath,
  ['--import', 'tsx', path.join(root, 'node_modules/uvu/bin.js'), 'test', pattern, '-i', 'helpers', '-i', 'fixtures'],
  { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
);
let out = '';
uvu.stdout.on('data', (chunk: Buffer) => {
  process.stdout.write(chunk);
  out += chunk.toString();
});
uvu.on('close', (code) => {
  const text = stripAnsi(out);
  const total = /Total:\s+(\d+)/.exec(text);
  const ok = /Passed:\s+(\d+)/.exec(text);
  const skipped = /Skipped:\s+(\d+)/.exec(text);
  if (total && ok) {
    const t = Number(total[1]);
    const p = Number(ok[1]);
    passed += p;
    failed += t - p - Number(skipped?.[1] ?? 0);
  }
  // A crash before the summary (a file that fails to load) is a failure too.
  if (code !== 0 && (!total || failed === 0)) failed++;
  process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
  process.exit(failed > 0 ? 1 : 0);
});
