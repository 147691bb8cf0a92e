/**
 * Running batches: the records are the same bytes (leaving out `timing`) with 1 or 2 workers and after
 * an interruption and a resume; a cell whose scenario is invalid, or that hits a run limit, is recorded
 * with its error and the others go on; a cell is exactly what `zhanbao run` gives for its scenario.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { comparableLine, type CellRecord } from '../../engine/batch/record.ts';
import { runReplications } from '../../engine/run/replicate.ts';
import { summarise } from '../../engine/summary.ts';
import { BatchStore, FILES, StoreError, cellScenario, formatIssues, loadPlan, loadPlanDocument, runBatch, type LoadedPlan } from '../../scenarios/index.ts';

const b = suite('batch runs');
const dir = fileURLToPath(new URL('../fixtures/batch/', import.meta.url));
const lines = (records: readonly CellRecord[]) => [...records].sort((x, y) => x.index - y.index).map(comparableLine).join('\n');

function plan(file = 'random-grid.yaml'): LoadedPlan {
  const r = loadPlan(path.join(dir, file));
  if (!r.ok) throw new Error(formatIssues(r.issues));
  return r.plan;
}

function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'zhanbao-batch-'));
}

/** results.jsonl without timings. */
const stored = (folder: string) =>
  readFileSync(path.join(folder, FILES.records), 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => comparableLine(JSON.parse(l) as CellRecord))
    .join('\n');

b('the same records, byte for byte, with 1 worker and with 2', async () => {
  const p = plan();
  const one = await runBatch(p, { workers: 1 });
  const two = await runBatch(p, { workers: 2, chunkSize: 7 });
  assert.ok(one.completed && two.completed);
  assert.is(one.records.length, 18);
  assert.fixture(lines(two.records), lines(one.records));
  // And P(on time) does vary between cells (so the comparison means something).
  assert.ok(new Set(one.records.filter((r) => r.status === 'ok').map((r) => r.targets[0]!.onTime.estimate)).size > 3);
});

b('cells with an invalid scenario are recorded with their issue; the other cells run', async () => {
  const { records } = await runBatch(plan(), { workers: 1 });
  const failed = records.filter((r) => r.status === 'failed');
  assert.equal(failed.map((r) => r.cell), ['docks=0,trucks=3,weather=clear', 'docks=0,trucks=3,weather=snow', 'docks=0,trucks=4,weather=clear', 'docks=0,trucks=4,weather=snow', 'docks=0,trucks=5,weather=clear', 'docks=0,trucks=5,weather=snow']);
  const error = failed[0]!.error!;
  assert.is(error.kind, 'invalid');
  assert.ok(error.kind === 'invalid' && error.issues.some((i) => i.path.join('.') === 'depots.depot.docks' && i.code === 'too_small'));
  assert.match(error.message, /depots\.depot\.docks: must be/);
  assert.is(records.filter((r) => r.status === 'ok').length, 12);
});

b('a cell that hits a run limit is recorded as such; the others go on, on the pool too', async () => {
  const r = loadPlanDocument(
    {
      base: 'shuttle-random.yaml',
      replications: 30,
      seed: 3,
      axes: { limit: { patches: { none: {}, tight: { run: { limits: { maxEvents: 40 } } } } } },
      cells: [{ limit: 'none' }, { limit: 'tight' }, { id: 'again', limit: 'none' }],
    },
    { dir },
  );
  assert.ok(r.ok);
  if (!r.ok) return;
  for (const workers of [1, 2]) {
    const { records } = await runBatch(r.plan, { workers, chunkSize: 10 });
    assert.equal(records.map((x) => x.status), ['ok', 'failed', 'ok'], `${workers} workers`);
    assert.is(records[1]!.error!.kind, 'limit');
    assert.match(records[1]!.error!.message, /^run stopped: /);
    // The error is that of the first replication that failed: the same with any number of workers.
    assert.is(comparableLine(records[2]!).replace('"again"', '"limit=none"').replace('"index":2', '"index":0'), comparableLine(records[0]!));
  }
});

b('a cell gives what `zhanbao run` gives for its scenario and seed', async () => {
  const p = plan();
  const { records } = await runBatch(p, { workers: 1 });
  const cell = p.cells[15]!;
  const loaded = cellScenario(p, cell);
  assert.ok(loaded.ok);
  if (!loaded.ok) return;
  const digests = await runReplications(loaded.model, { replications: 60, seed: 7 });
  const mission = summarise(loaded.model, digests, 7, 0.95).missions[0]!;
  const record = records.find((r) => r.index === 15)!;
  assert.equal(record.targets[0]!.onTime, { estimate: mission.onTime.estimate, lower: mission.onTime.lower, upper: mission.onTime.upper, successes: mission.onTime.successes, n: 60 });
  assert.is(record.targets[0]!.completionMin.median, mission.completionMin.median);
});

b('seeds per cell: "<seed>/<cell id>", so cells that are the same scenario differ', async () => {
  const r = loadPlanDocument({ base: 'shuttle-random.yaml', replications: 40, seed: 5, seeds: 'per-cell', axes: { same: { patches: { a: {}, b: {} } } } }, { dir });
  assert.ok(r.ok);
  if (!r.ok) return;
  const { records } = await runBatch(r.plan);
  assert.equal(records.map((x) => x.seed), ['5/same=a', '5/same=b']);
  assert.is.not(JSON.stringify(records[0]!.targets), JSON.stringify(records[1]!.targets));
  const common = loadPlanDocument({ base: 'shuttle-random.yaml', replications: 40, seed: 5, axes: { same: { patches: { a: {}, b: {} } } } }, { dir });
  assert.ok(common.ok);
  if (!common.ok) return;
  const c = await runBatch(common.plan);
  assert.is(JSON.stringify(c.records[0]!.targets), JSON.stringify(c.records[1]!.targets));
});

/** Runs the plan into a folder as the CLI does, stopping after `stopAfter` cells if given. */
async function runInto(folder: string, p: LoadedPlan, workers: number, stopAfter?: number) {
  const store = BatchStore.open(folder, p);
  const controller = new AbortController();
  let n = 0;
  const result = await runBatch(p, {
    workers,
    chunkSize: 9,
    signal: controller.signal,
    skip: store.previous.map((r) => r.cell),
    onCell: (record) => {
      store.append(record);
      if (++n === stopAfter) controller.abort();
    },
  });
  const all = [...store.previous, ...result.records];
  if (result.completed) store.finish(all, 'summary\n');
  return { result, previous: store.previous.length };
}

b('stopped and resumed, on 1 or 2 workers: the same results file as an uninterrupted run', async () => {
  const p = plan();
  const whole = tempDir();
  const parts = tempDir();
  const parts2 = tempDir();
  try {
    const w = await runInto(whole, p, 1);
    assert.ok(w.result.completed);
    // Interrupted after 4 cells (those already running are dropped), then resumed.
    const first = await runInto(parts, p, 1, 4);
    assert.not.ok(first.result.completed);
    assert.is(first.result.records.length, 4);
    const second = await runInto(parts, p, 1);
    assert.ok(second.result.completed);
    assert.is(second.previous, 4);
    assert.is(second.result.records.length, 14, 'only the cells not done before ran');
    assert.fixture(stored(parts), stored(whole));
    // With 2 workers, stopped twice.
    await runInto(parts2, p, 2, 3);
    await runInto(parts2, p, 2, 5);
    const last = await runInto(parts2, p, 2);
    assert.ok(last.result.completed);
    assert.fixture(stored(parts2), stored(whole));
    // Finished folders list cells in plan order, and the CSV has a row per cell.
    const csv = readFileSync(path.join(whole, FILES.csv), 'utf8').trim().split('\n');
    assert.is(csv[0], 'cell,index,docks,trucks,weather,status,target,verdict,p_on_time,p_lower,p_upper,median_min,p95_min,bottleneck,bottleneck_share,people_by_deadline,error');
    assert.is(csv.length, 1 + 18);
    assert.is(readFileSync(path.join(parts2, FILES.csv), 'utf8'), readFileSync(path.join(whole, FILES.csv), 'utf8'));
  } finally {
    for (const d of [whole, parts, parts2]) rmSync(d, { recursive: true, force: true });
  }
});

b('resuming drops a last line cut short; another plan in the folder is refused', async () => {
  const p = plan();
  const folder = tempDir();
  try {
    await runInto(folder, p, 1, 2);
    appendFileSync(path.join(folder, FILES.records), '{"cell":"docks=1,trucks=');
    const store = BatchStore.open(folder, p);
    assert.is(store.previous.length, 2);
    assert.ok(readFileSync(path.join(folder, FILES.records), 'utf8').endsWith('}\n'), 'the cut line is gone');
    let refused: unknown = null;
    try {
      BatchStore.open(folder, plan('grid.yaml'));
    } catch (error) {
      refused = error;
    }
    assert.instance(refused, StoreError);
    assert.match((refused as Error).message, /holds the results of a different plan/);
    const stranger = tempDir();
    writeFileSync(path.join(stranger, 'notes.txt'), 'mine');
    assert.throws(() => BatchStore.open(stranger, p), /not a batch results folder/);
    rmSync(stranger, { recursive: true, force: true });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

b.run();
