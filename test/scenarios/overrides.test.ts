/**
 * Problems from overrides are blamed on the override: a bad value on the `--set` that gave it, a
 * misspelt id (which would create a half-empty entry) as one "no such id" with the near one, a
 * removal of what is not there as a mistake; and a batch axis whose path misspells an id is refused.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { formatIssues, loadPlanDocument, loadScenario } from '../../scenarios/index.ts';
import { leafPaths, missingEntry } from '../../scenarios/overrides.ts';

const o = suite('overrides in messages');

o('leaf paths of a patch; a distribution and a null are leaves', () => {
  assert.equal(leafPaths({ a: { b: 1, c: { dist: 'uniform', min: 1, max: 2 } }, d: null }), [['a', 'b'], ['a', 'c'], ['d']]);
});

o('a path through an id a keyed collection lacks is a missing entry; a new field is not', () => {
  const doc = { depots: { a: { docks: 1 }, b: { docks: 2 } }, run: { seed: 1 } };
  assert.equal(missingEntry(doc, ['depots', 'c', 'docks']), { path: ['depots', 'c'], known: ['a', 'b'] });
  assert.is(missingEntry(doc, ['depots', 'a', 'forklifts']), null);
  assert.is(missingEntry(doc, ['run', 'replications']), null, 'run is not a collection of entries');
});

o('a bad value is blamed on its --set, not on the scenario file', () => {
  const r = loadScenario('baseline', { sets: ['depots.fushun-national.docks=-1'] });
  assert.not.ok(r.ok);
  if (!r.ok) assert.match(formatIssues(r.issues), /^--set depots\.fushun-national\.docks=-1: depots\.fushun-national\.docks: must be > 0/);
});

o('a misspelt id is one problem with the near id, not six missing fields', () => {
  const r = loadScenario('baseline', { sets: ['depots.fushun-nationl.docks=3'], setNames: ['--docks'] });
  assert.not.ok(r.ok);
  if (!r.ok) {
    assert.is(r.issues.length, 1, formatIssues(r.issues));
    assert.equal(r.issues[0]!.path, ['depots', 'fushun-nationl']);
    assert.is(r.issues[0]!.file, '--docks');
    assert.match(r.issues[0]!.message, /no "fushun-nationl" in depots \(did you mean "fushun-national"\?\)/);
  }
});

o('removing what is not there is a mistake, with the near id', () => {
  const r = loadScenario('baseline', { sets: ['missions.huludoa=null'] });
  assert.not.ok(r.ok);
  if (!r.ok) assert.match(formatIssues(r.issues), /missions\.huludoa: nothing there to remove \(did you mean "huludao"\?\)/);
  assert.ok(loadScenario('baseline', { sets: ['missions.huludao=null'] }).ok);
});

o('a batch axis that misspells an id or a field, or removes what is not there, is refused at the axis', () => {
  const plan = (axes: Record<string, unknown>) => loadPlanDocument({ base: 'baseline', replications: 10, seed: 1, axes }, { dir: null });
  const cases: [Record<string, unknown>, string, RegExp][] = [
    [{ docks: { path: 'depots.jinzhou-bse.docks', values: [7, 10] } }, 'axes.docks.path', /no "jinzhou-bse" in depots \(did you mean "jinzhou-base"\?\)/],
    [{ docks: { path: 'depots.jinzhou-base.dcks', values: [7, 10] } }, 'axes.docks.path', /unknown field "dcks" \(did you mean "docks"\?\)/],
    [{ a: { patches: { x: { fleets: { 'jinzhou-requisitoned': { count: 3 } } } } } }, 'axes.a.patches.x', /no "jinzhou-requisitoned" in fleets \(did you mean "jinzhou-requisitioned"\?\)/],
    [{ m: { path: 'missions.huludoa', values: [null] } }, 'axes.m.path', /nothing there to remove .*\(did you mean "huludao"\?\)/],
  ];
  for (const [axes, where, message] of cases) {
    const r = plan(axes);
    assert.not.ok(r.ok, where);
    if (!r.ok) {
      assert.is(r.issues[0]!.path.join('.'), where);
      assert.match(r.issues[0]!.message, message);
    }
  }
  // A value the model refuses (0 docks) is not a misspelling: that cell fails, the plan stands.
  assert.ok(plan({ docks: { path: 'depots.jinzhou-base.docks', values: [0, 7] } }).ok);
});

o.run();
