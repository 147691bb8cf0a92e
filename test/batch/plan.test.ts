/**
 * Batch plans: the cells a plan expands to, and every mistake reported at its path, with its code and a
 * message that says what is wrong (and the near name where there is one).
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cellScenario, formatIssues, formatPath, loadPlan, loadPlanDocument } from '../../scenarios/index.ts';

const p = suite('batch plans');
const dir = fileURLToPath(new URL('../fixtures/batch/', import.meta.url));

p('the full grid: every combination, the first axis varying slowest, with readable ids', () => {
  const r = loadPlan(path.join(dir, 'random-grid.yaml'));
  assert.ok(r.ok, r.ok ? '' : formatIssues(r.issues));
  if (!r.ok) return;
  assert.is(r.plan.cells.length, 3 * 3 * 2);
  assert.equal(r.plan.cells.slice(0, 3).map((c) => c.id), ['docks=0,trucks=3,weather=clear', 'docks=0,trucks=3,weather=snow', 'docks=0,trucks=4,weather=clear']);
  assert.is(r.plan.cells[17]!.id, 'docks=2,trucks=5,weather=snow');
  assert.is(r.plan.name, 'random-grid');
  // A cell's scenario is the base with its patches.
  const cell = cellScenario(r.plan, r.plan.cells[17]!);
  assert.ok(cell.ok);
  if (!cell.ok) return;
  assert.is(cell.scenario.depots.depot!.docks, 2);
  assert.is(cell.scenario.fleets.trucks!.count, 5);
  assert.is(cell.scenario.conditions.snow!.factor, 0.8);
});

const base = { base: 'shuttle.yaml', replications: 10, seed: 1 };

p('listed cells: values by label or by value; unnamed axes stay as in the base', () => {
  const r = loadPlanDocument(
    {
      ...base,
      axes: { trucks: { path: 'fleets.trucks.count', values: [2, 3] }, weather: { patches: { clear: {}, snow: { conditions: { snow: { kind: 'speed', all: true, factor: 0.8 } } } } } },
      cells: [{ trucks: 3 }, { trucks: '2', weather: 'snow' }, { id: 'as is' }],
    },
    { dir },
  );
  assert.ok(r.ok, r.ok ? '' : formatIssues(r.issues));
  if (!r.ok) return;
  assert.equal(r.plan.cells.map((c) => [c.id, c.choice]), [
    ['trucks=3', [1, null]],
    ['trucks=2,weather=snow', [0, 1]],
    ['as is', [null, null]],
  ]);
});

p('the hash changes with the plan and with its base scenario, not with formatting', () => {
  const doc = { ...base, axes: { trucks: { path: 'fleets.trucks.count', values: [2, 3] } } };
  const a = loadPlanDocument(doc, { dir });
  const again = loadPlanDocument(JSON.parse(JSON.stringify({ axes: doc.axes, seed: 1, replications: 10, base: 'shuttle.yaml' })), { dir });
  const other = loadPlanDocument({ ...doc, replications: 11 }, { dir });
  const otherBase = loadPlanDocument({ ...doc, base: 'shuttle-random.yaml' }, { dir });
  assert.ok(a.ok && again.ok && other.ok && otherBase.ok);
  if (!(a.ok && again.ok && other.ok && otherBase.ok)) return;
  assert.is(again.plan.hash, a.plan.hash);
  assert.is.not(other.plan.hash, a.plan.hash);
  assert.is.not(otherBase.plan.hash, a.plan.hash);
});

const trucks = { path: 'fleets.trucks.count', values: [2, 3] };
/** document → [path, code, a piece of the message]. */
const INVALID: [string, Record<string, unknown>, string, string, string][] = [
  ['misspelt field', { ...base, axes: { trucks }, replicatons: 5 }, 'replicatons', 'unrecognized_keys', 'unknown field "replicatons" (did you mean "replications"?)'],
  ['missing seed', { base: 'shuttle.yaml', replications: 5, axes: { trucks } }, 'seed', 'custom', 'is required'],
  ['__proto__ at the top of a named patch', { ...base, axes: { p: { patches: { a: JSON.parse('{"__proto__": {"x": 1}}') } } } }, 'axes.p.patches.a.__proto__', 'forbidden_key', 'is not allowed'],
  ['constructor as a patch name', { ...base, axes: { p: { patches: { constructor: {} } } } }, 'axes.p.patches.constructor', 'forbidden_key', 'is not allowed'],
  ['misspelt axis field', { ...base, axes: { trucks: { path: 'fleets.trucks.count', valeus: [1] } } }, 'axes.trucks.valeus', 'unrecognized_keys', 'did you mean "values"?'],
  ['axis of no known shape', { ...base, axes: { trucks: { pth: 'x', values: [1] } } }, 'axes.trucks', 'invalid_axis', 'an axis needs "path" and "values"'],
  ['empty values', { ...base, axes: { trucks: { path: 'fleets.trucks.count', values: [] } } }, 'axes.trucks.values', 'too_small', 'must'],
  ['duplicate value', { ...base, axes: { trucks: { path: 'fleets.trucks.count', values: [2, 2] } } }, 'axes.trucks.values[1]', 'duplicate', 'the value 2 appears twice'],
  ['forbidden key in a patch', { ...base, axes: { w: { patches: { bad: { depots: { constructor: 1 } } } } } }, 'axes.w.patches.bad.depots.constructor', 'forbidden_key', 'not allowed'],
  ['forbidden path', { ...base, axes: { w: { path: 'depots.__proto__.docks', values: [1] } } }, 'axes.w.path', 'invalid_path', 'not allowed'],
  ['axis named id', { ...base, axes: { id: trucks } }, 'axes.id', 'invalid_name', 'reserved'],
  ['unknown base', { ...base, base: 'baseline-x', axes: { trucks } }, 'base', 'unknown_reference', 'no shipped scenario or file "baseline-x"'],
  ['no base', { replications: 5, seed: 1, axes: { trucks } }, 'base', 'invalid_type', 'is required'],
  ['base and scenarios', { ...base, axes: { s: { scenarios: { a: 'shuttle.yaml' } } } }, 'base', 'invalid_plan', 'not both'],
  ['misspelt target', { ...base, targets: ['frnt'], axes: { trucks } }, 'targets[0]', 'unknown_reference', 'no mission "frnt" in the base scenario (did you mean "front"?)'],
  ['unknown axis in a cell', { ...base, axes: { trucks }, cells: [{ truck: 2 }] }, 'cells[0].truck', 'unknown_reference', 'unknown axis "truck" (did you mean "trucks"?)'],
  ['unknown value in a cell', { ...base, axes: { trucks }, cells: [{ trucks: 4 }] }, 'cells[0].trucks', 'unknown_value', 'no value 4 on axis "trucks"; one of 2, 3'],
  ['the same cell twice', { ...base, axes: { trucks }, cells: [{ trucks: 2 }, { trucks: 2 }] }, 'cells[1]', 'duplicate', 'the same as cells[0]'],
  ['too many cells', { ...base, axes: Object.fromEntries(['a', 'b', 'c', 'd', 'e'].map((k) => [k, { path: `x.${k}`, values: Array.from({ length: 7 }, (_, i) => i) }])) }, 'axes', 'too_big', 'the full grid has 16,807 cells; at most 10,000'],
  ['bad seeds', { ...base, axes: { trucks }, seeds: 'each' }, 'seeds', 'invalid_value', 'must be one of "common", "per-cell"'],
];

for (const [name, doc, where, code, message] of INVALID) {
  p(`invalid plan: ${name} → ${where} ${code}`, () => {
    const r = loadPlanDocument(doc, { dir, file: '/plans/p.yaml' });
    assert.not.ok(r.ok, 'must be invalid');
    if (r.ok) return;
    const hit = r.issues.find((i) => formatPath(i.path) === where && i.code === code);
    assert.ok(hit, `no ${code} at ${where}; got:\n${formatIssues(r.issues)}`);
    assert.ok(hit!.message.includes(message), `message "${hit!.message}" lacks "${message}"`);
    assert.is(hit!.file, '/plans/p.yaml', 'the issue names the plan file');
  });
}

p('an invalid base scenario is a plan problem, with the scenario\'s own issues', () => {
  const r = loadPlanDocument({ ...base, base: '../scenarios/invalid/negative-docks.yaml', axes: { trucks } }, { dir });
  assert.not.ok(r.ok);
  if (r.ok) return;
  assert.ok(r.issues.some((i) => formatPath(i.path) === 'base' && i.code === 'invalid_base'));
  assert.ok(r.issues.some((i) => formatPath(i.path) === 'depots.fushun-national.docks' && i.file?.endsWith('negative-docks.yaml')));
});

p('without a folder (an API), only shipped scenarios can be named', () => {
  const r = loadPlanDocument({ ...base, axes: { trucks } }, { dir: null });
  assert.not.ok(r.ok);
  if (!r.ok) assert.match(formatIssues(r.issues), /base: no shipped scenario "shuttle.yaml"/);
  assert.ok(loadPlanDocument({ ...base, base: 'baseline', axes: { docks: { path: 'depots.jinzhou-base.docks', values: [7, 9] } } }, { dir: null }).ok);
});

p.run();
