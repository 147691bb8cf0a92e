/**
 * Cells per second and replications per second of a batch: a grid of baseline variants (Fushun
 * docks × Jinzhou requisitioned trucks, 6 cells) run whole with 1 worker (this thread), 2 workers on
 * a fresh pool each round (what `zhanbao batch -w 2` does), and 2 workers on a pool kept warm between
 * rounds; the three interleaved round by round so that they share the machine's ups and downs. CPU
 * time is the whole process's (all threads): CPU ÷ wall time shows how many cores were busy.
 *
 * Then the same grid through the command line, a fresh process per run (`zhanbao batch -w 1` and
 * `-w 2`, interleaved): what an officer waits for, start-up and JIT warm-up of every thread included.
 *
 * Run: npm run bench:batch [-- replications-per-cell rounds]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { projectRoot } from '../engine/paths.ts';
import { WorkerPool } from '../engine/run/pool.ts';
import { formatIssues, loadPlanDocument, runBatch, type BatchOptions } from '../scenarios/index.ts';

const replications = Number(process.argv[2] ?? 400);
const rounds = Number(process.argv[3] ?? 3);
const planDocument = {
  base: 'baseline',
  replications,
  seed: 2026,
  axes: {
    fushunDocks: { path: 'depots.fushun-national.docks', values: [10, 14] },
    requisitioned: { path: 'fleets.jinzhou-requisitioned.count', values: [0, 6, 12] },
  },
};
const loaded = loadPlanDocument(planDocument, { dir: null });
if (!loaded.ok) throw new Error(formatIssues(loaded.issues));
const plan = loaded.plan;
const cells = plan.cells.length;

const warm = new WorkerPool(2);
await runBatch(plan, { workers: 2, pool: warm }); // start the threads and warm them up
const variants: [string, () => BatchOptions][] = [
  ['1 worker (this thread)', () => ({ workers: 1 })],
  ['2 workers, new pool', () => ({ workers: 2 })],
  ['2 workers, warm pool', () => ({ workers: 2, pool: warm })],
];
const times = new Map<string, { wall: number; cpu: number }[]>(variants.map(([name]) => [name, []]));
for (let round = 0; round < rounds; round++) {
  for (const [name, options] of variants) {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const { completed } = await runBatch(plan, options());
    const wall = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    if (!completed) throw new Error('batch did not complete');
    times.get(name)!.push({ wall, cpu: (cpu.user + cpu.system) / 1e6 });
  }
}
await warm.close();

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(`batch of ${cells} baseline cells × ${replications} replications, ${rounds} interleaved rounds (median):`);
const base = median(times.get(variants[0]![0])!.map((t) => t.wall));
for (const [name] of variants) {
  const list = times.get(name)!;
  const wall = median(list.map((t) => t.wall));
  const cpu = median(list.map((t) => t.cpu));
  console.log(
    `  ${name.padEnd(24)} ${wall.toFixed(2)} s  ${(cells / wall).toFixed(2)} cells/s  ${((cells * replications) / wall).toFixed(0)} replications/s  speed-up ${(base / wall).toFixed(2)}x  CPU ${cpu.toFixed(1)} s (${(cpu / wall).toFixed(2)} cores)`,
  );
}

const scratch = mkdtempSync(path.join(tmpdir(), 'zhanbao-bench-'));
const planFile = path.join(scratch, 'grid.json');
writeFileSync(planFile, JSON.stringify(planDocument));
const wall = new Map<number, number[]>([
  [1, []],
  [2, []],
]);
for (let round = 0; round < rounds; round++) {
  for (const workers of [1, 2]) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [path.join(projectRoot(), 'dist/zhanbao.mjs'), 'batch', planFile, '--out', path.join(scratch, `out-${round}-${workers}`), '-q', '-w', String(workers)], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
    wall.get(workers)!.push((performance.now() - t0) / 1000);
  }
}
rmSync(scratch, { recursive: true, force: true });
console.log(`zhanbao batch on the same grid, a fresh process per run, ${rounds} interleaved rounds (median):`);
const one = median(wall.get(1)!);
for (const [workers, list] of wall) {
  const w = median(list);
  console.log(`  zhanbao batch -w ${workers}    ${w.toFixed(2)} s  ${(cells / w).toFixed(2)} cells/s  ${((cells * replications) / w).toFixed(0)} replications/s  speed-up ${(one / w).toFixed(2)}x  (runs: ${list.map((x) => x.toFixed(2)).join(', ')} s)`);
}
