/**
 * Sizing on the shuttle (test/fixtures/batch/shuttle.yaml: every time constant), where the answers are
 * worked out by hand. 120 people = 12 modules; a truck carries 4; at a dock a truck takes
 * 4 × (1 pick + 2 load) + 5 = 17 min; 60 min each way; unloading 4 × 1 min; deadline 120 min.
 *
 * - Trucks, with 4 docks: with k ≥ 3 trucks all 12 modules leave on the first trips at 27 min and are
 *   unloaded at 27 + 60 + 4 = 91 ≤ 120: on time. With 2 trucks, 4 modules wait for a truck to come
 *   back (at 91 + 60 = 151), which loads again (→ 168) and unloads at 168 + 60 + 4 = 232: late. Least: 3.
 * - Docks, with 3 trucks: with 1 dock they leave at 27, 44, 61; the last unloads at 125 > 120. With 2
 *   docks the third leaves at 44 and unloads at 108 ≤ 120. Least: 2.
 * - As shipped (2 trucks, 1 dock): no number of trucks alone helps (with 1 dock the third truck is
 *   late whatever follows), nor of docks alone (2 trucks need a second trip). Together, 3 trucks and
 *   2 docks: at costs trucks 5, docks 2 the cheapest is +1 truck, +1 dock = 7.
 * With constant times every replication is the same: P(on time) is 0 or 1; 80 replications of 80 on
 * time give a Wilson interval from 80 / (80 + 1.96²) = 95.4 %, so MET at 0.95.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { fileURLToPath } from 'node:url';
import { runReplications } from '../../engine/run/replicate.ts';
import { summarise } from '../../engine/summary.ts';
import { SizingError, loadDocument, loadScenario, sizeResources, formatIssues } from '../../scenarios/index.ts';
import { fewestReplicationsToMeet, monotonyBroken } from '../../scenarios/sizing/size.ts';
import { leversFor } from '../../scenarios/sizing/levers.ts';

const z = suite('sizing');
const shuttle = fileURLToPath(new URL('../fixtures/batch/shuttle.yaml', import.meta.url));

function load(sets: string[] = []) {
  const r = loadScenario(shuttle, { sets });
  if (!r.ok) throw new Error(formatIssues(r.issues));
  return r;
}

z('the least trucks (with 4 docks) is 3, with the evidence at 3 and at 2', async () => {
  const r = await sizeResources(load(['depots.depot.docks=4']), { target: 'front', vary: ['trucks'], replications: 80, confidence: 0.95 });
  const trucks = r.resources[0]!;
  assert.is(trucks.least, 3);
  assert.is(trucks.change, 1);
  const { lower, ...rest } = trucks.evidence.onTime!;
  assert.equal(rest, { estimate: 1, upper: 1, successes: 80, n: 80 });
  assert.ok(Math.abs(lower - 80 / (80 + 1.959963984540054 ** 2)) < 1e-12, `lower ${lower}`);
  assert.is(trucks.evidence.verdict, 'MET');
  assert.is(trucks.evidence.medianMin, 91);
  assert.is(trucks.oneLess!.amounts.trucks, 2);
  assert.is(trucks.oneLess!.onTime!.successes, 0);
  assert.is(trucks.oneLess!.medianMin, 232);
  assert.equal(r.combination?.amounts, { trucks: 3 });
  // Galloping from 2: 2 (miss), 3 (hit): two evaluations, and no more.
  assert.is(r.evaluations, 2);
});

z('the least docks (with 3 trucks) is 2; a surplus shows as a negative change', async () => {
  const r = await sizeResources(load(['fleets.trucks.count=3']), { target: 'front', vary: ['docks'], replications: 80, confidence: 0.95 });
  assert.is(r.resources[0]!.least, 2);
  assert.is(r.resources[0]!.oneLess!.medianMin, 125);
  assert.is(r.resources[0]!.evidence.medianMin, 108);
  const surplus = await sizeResources(load(['fleets.trucks.count=3', 'depots.depot.docks=4']), { target: 'front', vary: ['docks'], replications: 80, confidence: 0.95 });
  assert.is(surplus.resources[0]!.least, 2);
  assert.is(surplus.resources[0]!.change, -2);
  assert.is(surplus.combination!.cost, 0, 'nothing to add');
});

z('neither alone, both together: the cheapest combination at trucks 5, docks 2 is +1 truck, +1 dock', async () => {
  const r = await sizeResources(load(), { target: 'front', vary: ['trucks', 'docks'], replications: 80, confidence: 0.95, cost: { trucks: 5, docks: 2 } });
  assert.equal(r.resources.map((a) => [a.resource, a.least, a.max]), [
    ['trucks', null, 12],
    ['docks', null, 11],
  ]);
  assert.equal(r.combination!.amounts, { trucks: 3, docks: 2 });
  assert.equal(r.combination!.added, { trucks: 1, docks: 1 });
  assert.is(r.combination!.cost, 7);
  assert.is(r.combination!.evaluation.verdict, 'MET');
  assert.ok(r.evaluations < 20, `${r.evaluations} evaluations`);
  // Plain JSON: "never" is null, not Infinity.
  assert.equal(JSON.parse(JSON.stringify(r)), r);
});

z('an evaluation simulates only the target\'s depot, and gives the same answer as the whole scenario', async () => {
  const base = loadScenario('baseline');
  assert.ok(base.ok);
  if (!base.ok) return;
  const levers = leversFor(base.scenario, 'dalian');
  const pruned = loadDocument(base.document, { patches: [levers.prune] });
  assert.ok(pruned.ok);
  if (!pruned.ok) return;
  assert.equal(pruned.model.missions.map((m) => m.id), ['dalian']);
  const whole = summarise(base.model, await runReplications(base.model, { replications: 12, seed: 9 }), 9, 0.95).missions.find((m) => m.id === 'dalian');
  const alone = summarise(pruned.model, await runReplications(pruned.model, { replications: 12, seed: 9 }), 9, 0.95).missions[0];
  assert.equal(alone, whole);
});

z('what each resource means at the origin depot', () => {
  const base = loadScenario('baseline');
  assert.ok(base.ok);
  if (!base.ok) return;
  const l = leversFor(base.scenario, 'national');
  assert.is(l.depot, 'fushun-national');
  assert.is(l.fleet, 'corps-reserve-awd', 'the first own fleet');
  assert.equal([l.levers.trucks.scenario, l.levers.docks.scenario, l.levers.forklifts.scenario, l.levers.preloaded.scenario, l.levers.crew.scenario], [10, 10, 10, 0, 20]);
  // An all-AWD fleet stays all-AWD; preloaded fills the fleets in order, each at most its count.
  assert.equal(l.patch({ trucks: 12, preloaded: 15 }), { fleets: { 'corps-reserve-awd': { count: 12, awdCount: 12, preloaded: 12 }, 'corps-reserve-road': { preloaded: 3 } } });
  assert.equal(l.patch({ crew: 45, docks: 12 }), { depots: { 'fushun-national': { docks: 12, crew: { onDutyDay: 45, total: 45 } } } });
  // Jinzhou: the requisitioned fleet is not the one counted.
  assert.is(leversFor(base.scenario, 'jinzhou').fleet, 'jinzhou-base-trucks');
  assert.is(leversFor(base.scenario, 'jinzhou', 'jinzhou-requisitioned').fleet, 'jinzhou-requisitioned');
});

z('bad options name the option and the reason', async () => {
  const cases: [Record<string, unknown>, string, RegExp][] = [
    [{ target: 'frnt', vary: ['trucks'] }, 'target', /no mission "frnt" in the scenario \(did you mean "front"\?\)/],
    [{ target: 'front', vary: ['truck'] }, 'vary', /unknown resource "truck" \(did you mean "trucks"\?\)/],
    [{ target: 'front', vary: [] }, 'vary', /name at least one resource/],
    [{ target: 'front', vary: ['trucks'], replications: 50, confidence: 0.95 }, 'replications', /with 50 replications the target can never be MET at 0.95.*use at least 73/],
    [{ target: 'front', vary: ['trucks'], max: { trucks: 1 } }, 'max', /trucks: must be a whole number at least the scenario's 2; got 1/],
    [{ target: 'front', vary: ['trucks'], cost: { docks: 2 } }, 'cost', /"docks" is not among the resources varied/],
    [{ target: 'front', vary: ['trucks'], fleet: 'truks' }, 'fleet', /no fleet "truks" \(did you mean "trucks"\?\)/],
  ];
  for (const [options, option, message] of cases) {
    let error: unknown = null;
    await sizeResources(load(), options as never).catch((e: unknown) => (error = e));
    assert.instance(error, SizingError, JSON.stringify(options));
    assert.is((error as SizingError).option, option);
    assert.match((error as Error).message, message);
  }
  // n of n on time is MET at 0.95 from n = 73 on (73 / (73 + 1.96²) = 0.950).
  assert.is(fewestReplicationsToMeet(0.95), 73);
});

z('evidence that more is not always better: a MET point and a not-MET one with at least as much of everything', () => {
  const at = (trucks: number, preloaded: number, verdict: 'MET' | 'NOT MET' | 'INVALID') => ({ amounts: { trucks, preloaded }, onTime: null, verdict, medianMin: null, p95Min: null, bottleneck: null, problem: null });
  assert.is(monotonyBroken([at(10, 0, 'NOT MET'), at(12, 22, 'MET'), at(13, 22, 'MET')], ['trucks', 'preloaded']), null);
  // (12, 40) has more of both than (12, 22) and misses: reported. (11, 40) does not dominate (12, 22).
  const broken = monotonyBroken([at(11, 40, 'NOT MET'), at(12, 22, 'MET'), at(12, 40, 'NOT MET')], ['trucks', 'preloaded']);
  assert.equal(broken?.fewer.amounts, { trucks: 12, preloaded: 22 });
  assert.equal(broken?.more.amounts, { trucks: 12, preloaded: 40 });
  // An invalid scenario is no evidence either way.
  assert.is(monotonyBroken([at(12, 22, 'MET'), at(20, 40, 'INVALID')], ['trucks', 'preloaded']), null);
});

z.run();
