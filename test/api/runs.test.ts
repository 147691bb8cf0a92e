/**
 * The what-if API through `inject`: runs and comparisons whose answers are known, the history, and
 * the service staying responsive while runs are in flight.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { buildTestApp, type TestApp } from '../helpers/api.ts';

const deterministic = parseYaml(readFileSync(fileURLToPath(new URL('../fixtures/scenarios/deterministic.yaml', import.meta.url)), 'utf8')) as Record<string, unknown>;

const r = suite('API: runs');
let t: TestApp;
r.before(async () => {
  t = await buildTestApp();
});
r.after(async () => {
  await t.close();
});

const post = (url: string, payload: unknown) => t.app.inject({ method: 'POST', url, payload: payload as object });

r('a what-if on the deterministic scenario: two docks instead of one, worked out by hand', async () => {
  // One dock: truck 1 loads 4 pallets 10–27, truck 2 waits and loads 2 pallets 27–38; unloaded at 91
  // and 100 → complete at 100 min. Two docks, still one forklift and one handler: the two trucks'
  // pallets alternate on the forklift (3 min each): truck 1 at 10, 16, 22, 25; truck 2 at 13, 19 → truck
  // 2 leaves at 22 + 5 = 27, truck 1 at 28 + 5 = 33; arrive 87 and 93; unloaded at 89 and 97.
  const one = await post('/v1/runs', { scenario: deterministic, replications: 5 });
  assert.is(one.statusCode, 200, one.body);
  const m1 = one.json().summary.missions[0];
  assert.is(m1.completionMin.median, 100);
  assert.is(m1.onTime.estimate, 1);
  const two = await post('/v1/runs', { scenario: deterministic, patch: { depots: { depot: { docks: 2 } } }, replications: 5 });
  assert.is(two.statusCode, 200, two.body);
  const m2 = two.json().summary.missions[0];
  assert.is(m2.completionMin.median, 97);
  assert.is(m2.completionMin.p95, 97);
  assert.is(m2.bottleneck.phase, 'waitCrew');
});

r('a run on a shipped scenario answers the verdict per target, with the seed, hash and engine version', async () => {
  const res = await post('/v1/runs', { scenario: 'baseline', replications: 20, seed: 7 });
  assert.is(res.statusCode, 200, res.body);
  const body = res.json();
  assert.is(body.scenario.ref, 'baseline');
  assert.match(body.scenario.hash, /^[0-9a-f]{64}$/);
  assert.is(body.seed, 7);
  assert.is(body.replications, 20);
  assert.is(body.engineVersion, '0.1.0');
  assert.is(body.summary.missions.length, 16);
  const national = body.summary.missions.find((m: { id: string }) => m.id === 'national');
  assert.is(national.verdict, 'NOT MET');
  assert.is(national.onTime.n, 20);
});

r('the same request twice gives the same summary (same seed, same answer)', async () => {
  const a = await post('/v1/runs', { scenario: 'west-blizzard', replications: 12, seed: 3 });
  const b = await post('/v1/runs', { scenario: 'west-blizzard', replications: 12, seed: 3 });
  assert.equal(a.json().summary, b.json().summary);
  assert.is(a.json().scenario.hash, b.json().scenario.hash);
  assert.is.not(a.json().id, b.json().id);
});

r('compare: variants on common random numbers, with the paired difference from the base', async () => {
  // Deadline 98 min: one dock completes at 100 (late), two docks at 97 (on time), every replication.
  const scenario = { ...deterministic, missions: { m: { ...(deterministic.missions as { m: object }).m, deadlineH: 98 / 60 } } };
  const res = await post('/v1/compare', { scenario, variants: { 'two-docks': { depots: { depot: { docks: 2 } } } }, replications: 6 });
  assert.is(res.statusCode, 200, res.body);
  const [target] = res.json().targets;
  assert.is(target.base.onTime.estimate, 0);
  assert.is(target.variants[0].name, 'two-docks');
  assert.is(target.variants[0].onTime.estimate, 1);
  assert.equal(target.variants[0].difference, { mean: 1, lower: 1, upper: 1 });
});

r('compare on the real network: more trucks kept loaded can only help the national target', async () => {
  const res = await post('/v1/compare', {
    scenario: 'baseline',
    replications: 20,
    variants: {
      preloaded: { fleets: { 'corps-reserve-road': { count: 13, preloaded: 13 }, 'corps-reserve-awd': { preloaded: 10 } } },
    },
  });
  assert.is(res.statusCode, 200, res.body);
  const national = res.json().targets.find((x: { id: string }) => x.id === 'national');
  assert.is(national.base.onTime.estimate, 0);
  assert.ok(national.variants[0].onTime.estimate > 0.9);
  assert.ok(national.variants[0].difference.lower > 0.5);
});

r('the history keeps every run and comparison: request, result, seed, hash, engine version', async () => {
  const res = await post('/v1/runs', { scenario: 'baseline', replications: 3, seed: 'hist' });
  const id = res.json().id;
  const list = await t.app.inject({ url: '/v1/runs?limit=2' });
  assert.is(list.statusCode, 200);
  assert.is(list.json().runs[0].id, id, 'newest first');
  assert.is(list.json().limit, 2);
  assert.ok(list.json().total >= 5);
  const one = await t.app.inject({ url: `/v1/runs/${id}` });
  assert.is(one.statusCode, 200);
  assert.equal(one.json().request, { scenario: 'baseline', replications: 3, seed: 'hist' });
  assert.is(one.json().result.summary.replications, 3);
  assert.is(one.json().seed, 'hist');
  const missing = await t.app.inject({ url: '/v1/runs/00000000-0000-4000-8000-000000000000' });
  assert.is(missing.statusCode, 404);
});

r('/health answers while a run is in flight', async () => {
  const run = post('/v1/runs', { scenario: 'baseline', replications: 400 });
  await new Promise((resolve) => setTimeout(resolve, 100));
  const started = performance.now();
  const health = await t.app.inject({ url: '/health' });
  const healthMs = performance.now() - started;
  assert.is(health.statusCode, 200);
  assert.is(health.json().status, 'ok');
  assert.is(health.json().runsInFlight, 1);
  const done = await run;
  assert.is(done.statusCode, 200);
  assert.ok(healthMs < 200, `health took ${healthMs} ms`);
});

r.run();

const restart = suite('API: history across a restart');

restart('a run recorded before a restart is there after it', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'zhanbao-history-'));
  try {
    const dbPath = path.join(dir, 'history.sqlite');
    const first = await buildTestApp({ dbPath, workers: 1 });
    const res = await first.app.inject({ method: 'POST', url: '/v1/runs', payload: { scenario: 'baseline', replications: 2 } });
    const id = res.json().id;
    await first.close();
    const second = await buildTestApp({ dbPath, workers: 1 });
    const again = await second.app.inject({ url: `/v1/runs/${id}` });
    assert.is(again.statusCode, 200);
    assert.equal(again.json().result, res.json());
    await second.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

restart.run();
