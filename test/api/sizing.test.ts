/**
 * POST /v1/sizing on the shuttle (test/fixtures/batch/shuttle.yaml: every time constant), whose
 * answers are worked out by hand in test/batch/sizing.test.ts:
 * - with 4 docks the least trucks is 3 (the last load is unloaded at 27 + 60 + 4 = 91 min ≤ 120);
 *   with 2 a truck must come back, and the last kit is unloaded at 232 min. Galloping from 2: two
 *   evaluations (2, then 3).
 * - as shipped (2 trucks, 1 dock) neither alone helps; at cost trucks 5, docks 2 the cheapest mix is
 *   +1 truck, +1 dock = 7.
 * And every bad option as a 400 naming the option; the service's limits.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { buildTestApp, type TestApp } from '../helpers/api.ts';

const shuttle = parseYaml(readFileSync(fileURLToPath(new URL('../fixtures/batch/shuttle.yaml', import.meta.url)), 'utf8')) as Record<string, unknown>;

const s = suite('API: sizing');
let t: TestApp;
s.before(async () => {
  t = await buildTestApp();
});
s.after(async () => {
  await t.close();
});

const size = (body: Record<string, unknown>) => t.app.inject({ method: 'POST', url: '/v1/sizing', payload: { scenario: shuttle, target: 'front', replications: 80, confidence: 0.95, ...body } });

s('the least trucks with 4 docks is 3, with the evidence at 3 and at 2, in two evaluations', async () => {
  const res = await size({ set: ['depots.depot.docks=4'], vary: ['trucks'] });
  assert.is(res.statusCode, 200, res.body);
  const body = res.json();
  const trucks = body.sizing.resources[0];
  assert.is(trucks.resource, 'trucks');
  assert.is(trucks.scenario, 2);
  assert.is(trucks.least, 3);
  assert.is(trucks.evidence.verdict, 'MET');
  assert.is(trucks.evidence.onTime.successes, 80);
  assert.is(trucks.evidence.medianMin, 91);
  assert.is(trucks.oneLess.onTime.successes, 0);
  assert.is(trucks.oneLess.medianMin, 232);
  assert.is(body.sizing.evaluations, 2);
  assert.is(body.sizing.scenario, undefined, 'no server file path in the answer');
  assert.is(body.replications, 80);
  assert.match(body.scenario.hash, /^[0-9a-f]{64}$/);
});

s('the cheapest combination at costs trucks 5, docks 2 is one more of each; none alone is enough', async () => {
  const res = await size({ vary: ['trucks', 'docks'], cost: { trucks: 5, docks: 2 } });
  assert.is(res.statusCode, 200, res.body);
  const { sizing } = res.json();
  assert.equal(sizing.resources.map((r: { least: number | null }) => r.least), [null, null]);
  assert.equal(sizing.combination.amounts, { trucks: 3, docks: 2 });
  assert.equal(sizing.combination.added, { trucks: 1, docks: 1 });
  assert.is(sizing.combination.cost, 7);
  assert.is(sizing.combination.evaluation.medianMin, 108);
  assert.is(sizing.atMax, null);
});

s('max as one number applies to every resource varied', async () => {
  const res = await size({ set: ['depots.depot.docks=4'], vary: ['trucks'], max: 5 });
  assert.is(res.statusCode, 200, res.body);
  assert.is(res.json().sizing.resources[0].max, 5);
  assert.is(res.json().sizing.resources[0].least, 3);
});

s('an unknown field is named at its path with the near one', async () => {
  const res = await size({ vary: ['trucks'], confidnce: 0.9 });
  assert.is(res.statusCode, 400);
  assert.equal(res.json().issues[0].path, ['body', 'confidnce']);
  assert.match(res.json().issues[0].message, /unknown field "confidnce" \(did you mean "confidence"\?\)/);
});

s('a sizing goes into the history with its request', async () => {
  const res = await size({ set: ['depots.depot.docks=4'], vary: ['trucks'] });
  const id = res.json().id;
  const got = await t.app.inject({ method: 'GET', url: `/v1/runs/${id}` });
  assert.is(got.statusCode, 200);
  assert.is(got.json().kind, 'sizing');
  assert.equal(got.json().request.vary, ['trucks']);
  assert.is(got.json().result.sizing.resources[0].least, 3);
});

const badOptions: [string, Record<string, unknown>, string, RegExp][] = [
  ['a misspelt resource', { vary: ['truks'] }, 'vary', /unknown resource "truks" \(did you mean "trucks"\?\)/],
  ['a resource named twice', { vary: ['docks', 'docks'] }, 'vary', /named twice/],
  ['an unknown target', { target: 'frnt', vary: ['trucks'] }, 'target', /no mission "frnt".*did you mean "front"/],
  ['too few replications to ever be MET', { replications: 20, vary: ['trucks'] }, 'replications', /use at least 73/],
  ['a confidence out of range', { confidence: 1.2, vary: ['trucks'] }, 'confidence', /above 0\.5 and below 1/],
  ['a max below the scenario', { vary: ['trucks'], max: { trucks: 1 } }, 'max', /at least the scenario's 2/],
  ['a max beyond any plan', { vary: ['trucks'], max: { trucks: 100000 } }, 'max', /at most 1000/],
  ['a cost for a resource not varied', { vary: ['trucks'], cost: { docks: 1 } }, 'cost', /not among the resources varied/],
  ['a negative cost', { vary: ['trucks'], cost: { trucks: -1 } }, 'cost', /> 0/],
  ['an unknown fleet', { vary: ['trucks'], fleet: 'truck' }, 'fleet', /no fleet "truck".*did you mean "trucks"/],
];
for (const [what, body, option, message] of badOptions) {
  s(`400 for ${what}, naming the option`, async () => {
    const res = await size(body);
    assert.is(res.statusCode, 400, res.body);
    const b = res.json();
    assert.is(b.error, 'invalid_option');
    assert.equal(b.issues[0].path, [option]);
    assert.match(b.issues[0].message, message);
  });
}

s('400 for an unknown field, 404 for an unknown scenario, 400 beyond the replication limit', async () => {
  const unknownField = await size({ vary: ['trucks'], varry: ['docks'] });
  assert.is(unknownField.statusCode, 400);
  assert.is(unknownField.json().error, 'bad_request');
  const unknownScenario = await t.app.inject({ method: 'POST', url: '/v1/sizing', payload: { scenario: 'baselin', target: 'national', vary: ['trucks'] } });
  assert.is(unknownScenario.statusCode, 404);
  assert.match(unknownScenario.json().message, /did you mean "baseline"/);
  const tooMany = await size({ vary: ['trucks'], replications: 1_000_000 });
  assert.is(tooMany.statusCode, 400);
  assert.equal(tooMany.json().issues[0].path, ['replications']);
});

s.run();

const slow = suite('API: sizing past its wall-time limit');
let u: TestApp;
slow.before(async () => {
  u = await buildTestApp({ sizingTimeoutS: 1 });
});
slow.after(async () => {
  await u.close();
});

slow('is stopped and answered with 504; the service answers again afterwards', async () => {
  // Each evaluation of the national target at 3000 replications takes a few seconds on two workers.
  const res = await u.app.inject({ method: 'POST', url: '/v1/sizing', payload: { scenario: 'baseline', target: 'national', vary: ['trucks', 'docks'], replications: 3000 } });
  assert.is(res.statusCode, 504, res.body);
  assert.is(res.json().error, 'run_timed_out');
  assert.match(res.json().message, /1 s/);
  const health = await u.app.inject({ method: 'GET', url: '/health' });
  assert.is(health.json().runsInFlight, 0);
});

slow.run();
