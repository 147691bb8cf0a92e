/**
 * The end-of-batch summary on a grid whose every cell is worked out by hand: the shuttle (all times
 * constant; test/fixtures/batch/shuttle.yaml) over trucks {2, 3} × docks {1, 2, 3} × alert {10:00, 14:00}.
 *
 * 12 modules, 4 to a truck, 17 min at a dock per truck, 60 min each way, 1 min a pallet to unload,
 * deadline 120 min:
 * - 2 trucks: 8 modules go at first, 4 wait for a truck to come back: done at 232 min. Never on time.
 * - 3 trucks, 1 dock: they leave at 27, 44, 61: the last is done at 61 + 60 + 4 = 125 min. Late.
 * - 3 trucks, 2 or 3 docks: the third leaves at 44 at the latest: done at 108 min. On time.
 * Both alerts are in the day, where nothing depends on the hour. So P(on time) is 1 in 4 of the 12
 * cells and 0 in the others, and the main effects are:
 * - trucks: mean at 2 = 0, at 3 = (0 + 1 + 1) / 3 = 2/3 → range 2/3;
 * - docks: mean at 1 = 0, at 2 = (0 + 1) / 2 = 1/2, at 3 = 1/2 → range 1/2;
 * - alert: 1/3 at both → range 0.
 * Trucks move P(on time) most.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { fileURLToPath } from 'node:url';
import { mainEffects } from '../../engine/batch/effects.ts';
import type { CellRecord } from '../../engine/batch/record.ts';
import { batchSummary, loadPlan, runBatch } from '../../scenarios/index.ts';

const e = suite('batch summary and main effects');
const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/batch/${name}`, import.meta.url));

e('the hand-checked grid: P(on time) per cell, cells meeting the target, the axis that moves it most', async () => {
  const loaded = loadPlan(fixture('grid.yaml'));
  assert.ok(loaded.ok);
  if (!loaded.ok) return;
  const { records, completed } = await runBatch(loaded.plan, { workers: 1 });
  assert.ok(completed);
  assert.equal(
    records.map((r) => [r.cell, r.targets[0]!.onTime.estimate]),
    [
      ['trucks=2,docks=1,alert=10:00', 0],
      ['trucks=2,docks=1,alert=14:00', 0],
      ['trucks=2,docks=2,alert=10:00', 0],
      ['trucks=2,docks=2,alert=14:00', 0],
      ['trucks=2,docks=3,alert=10:00', 0],
      ['trucks=2,docks=3,alert=14:00', 0],
      ['trucks=3,docks=1,alert=10:00', 0],
      ['trucks=3,docks=1,alert=14:00', 0],
      ['trucks=3,docks=2,alert=10:00', 1],
      ['trucks=3,docks=2,alert=14:00', 1],
      ['trucks=3,docks=3,alert=10:00', 1],
      ['trucks=3,docks=3,alert=14:00', 1],
    ],
  );
  // Completion times as worked out above: 232, 125 and 108 min.
  assert.equal([records[0], records[6], records[8]].map((r) => r!.targets[0]!.completionMin.median), [232, 125, 108]);
  const summary = batchSummary(loaded.plan, records);
  assert.equal(summary.targets, [{ id: 'front', label: 'Depot → front', met: 4, atRisk: 0, notMet: 8 }]);
  const ranges = summary.effects.targets[0]!.axes.map((a) => [a.axis, a.range]);
  assert.equal(ranges.map(([axis]) => axis), ['trucks', 'docks', 'alert']);
  assert.ok(Math.abs((ranges[0]![1] as number) - 2 / 3) < 1e-12);
  assert.ok(Math.abs((ranges[1]![1] as number) - 1 / 2) < 1e-12);
  assert.is(ranges[2]![1], 0);
  assert.is(summary.effects.targets[0]!.top, 'trucks');
  assert.is(summary.effects.overall.top, 'trucks');
  // Worst cells: all eight misses tie on targets met and P(on time); plan order decides.
  assert.equal(summary.worst.map((w) => w.index), [0, 1, 2, 3, 4]);
});

function record(index: number, axes: Record<string, string>, p: Record<string, number>, status: 'ok' | 'failed' = 'ok'): CellRecord {
  return {
    cell: `c${index}`,
    index,
    axes,
    status,
    seed: 1,
    replications: 100,
    requiredConfidence: 0.95,
    targets: Object.entries(p).map(([id, estimate]) => ({
      id,
      label: id,
      people: 1,
      deadlineH: 1,
      verdict: estimate >= 0.99 ? 'MET' : 'NOT MET',
      onTime: { estimate, lower: estimate, upper: estimate, successes: estimate * 100, n: 100 },
      completionMin: { median: 1, p95: 1, mean: 1 },
      bottleneck: { phase: null, share: 0 },
      peopleByDeadline: 1,
      shortfalls: {},
    })),
    error: null,
    timing: { seconds: 0, finishedAt: '' },
  };
}

e('main effects on a 2 × 2 grid by hand; failed cells are left out; ties go to the first axis', () => {
  // a: mean at x = (0.2 + 0.4) / 2 = 0.3, at y = (0.6 + 1.0) / 2 = 0.8 → 0.5.
  // b: mean at u = (0.2 + 0.6) / 2 = 0.4, at v = (0.4 + 1.0) / 2 = 0.7 → 0.3.
  const records = [record(0, { a: 'x', b: 'u' }, { t: 0.2 }), record(1, { a: 'x', b: 'v' }, { t: 0.4 }), record(2, { a: 'y', b: 'u' }, { t: 0.6 }), record(3, { a: 'y', b: 'v' }, { t: 1.0 }), record(4, { a: 'y', b: 'v' }, {}, 'failed')];
  const fx = mainEffects(records, ['a', 'b']);
  const [a, b] = fx.targets[0]!.axes;
  assert.equal(a!.means.map((m) => [m.label, Number(m.mean.toFixed(12)), m.cells]), [
    ['x', 0.3, 2],
    ['y', 0.8, 2],
  ]);
  assert.ok(Math.abs(a!.range! - 0.5) < 1e-12 && Math.abs(b!.range! - 0.3) < 1e-12);
  assert.is(fx.targets[0]!.top, 'a');
  const flat = mainEffects([record(0, { a: 'x', b: 'u' }, { t: 0.5 }), record(1, { a: 'y', b: 'v' }, { t: 0.5 })], ['a', 'b']);
  assert.is(flat.targets[0]!.top, null, 'no axis moves it');
  const tie = mainEffects([record(0, { a: 'x', b: 'u' }, { t: 0 }), record(1, { a: 'y', b: 'v' }, { t: 1 })], ['a', 'b']);
  assert.is(tie.targets[0]!.top, 'a');
});

e.run();
