/**
 * Batches through the API. The shuttle (every time constant; see test/batch/sizing.test.ts) on a grid
 * of trucks × docks, whose every cell is worked out by hand: 12 modules, 4 a truck, 17 min at a dock
 * after 10 min readiness, 60 min each way, 4 min unloading, deadline 120 min.
 * - 2 trucks: a third load waits for a truck to come back. With 1 dock they load 10–27 and 27–44;
 *   with 2 or 4, both 10–27. Either way the first truck is back at 27 + 60 + 4 + 60 = 151, loads the
 *   third load 151–168 and unloads it at 168 + 64 = 232: late, whatever the docks.
 * - 3 trucks, 1 dock: they leave at 27, 44, 61; the last is unloaded at 61 + 64 = 125: late.
 * - 3 trucks, 2 docks: 27, 27, 44 → 108: on time. 3 trucks, 4 docks: all at 27 → 91: on time.
 * Main effects of P(on time): trucks 2 → 0, 3 → 2/3 (range 2/3); docks 1 → 0, 2 → 1/2, 4 → 1/2
 * (range 1/2): trucks move it most.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { comparableLine, type CellRecord } from '../../engine/batch/record.ts';
import { loadPlanDocument, runBatch, formatIssues } from '../../scenarios/index.ts';
import { buildTestApp, type TestApp } from '../helpers/api.ts';

const shuttle = parseYaml(readFileSync(fileURLToPath(new URL('../fixtures/batch/shuttle.yaml', import.meta.url)), 'utf8')) as Record<string, unknown>;
const grid = {
  title: 'Shuttle grid',
  base: 'shuttle',
  replications: 80,
  seed: 1,
  axes: { trucks: { path: 'fleets.trucks.count', values: [2, 3] }, docks: { path: 'depots.depot.docks', values: [1, 2, 4] } },
};

const b = suite('API: batches');
let t: TestApp;
b.before(async () => {
  t = await buildTestApp({ maxBatchReplications: 50_000 });
});
b.after(async () => {
  await t.close();
});

const post = (payload: unknown) => t.app.inject({ method: 'POST', url: '/v1/batches', payload: payload as object });
const get = (url: string) => t.app.inject({ method: 'GET', url });

/** Polls the batch until it is no longer running. */
async function finished(id: string): Promise<Record<string, any>> {
  for (let i = 0; i < 600; i++) {
    const res = await get(`/v1/batches/${id}`);
    assert.is(res.statusCode, 200, res.body);
    if (res.json().status !== 'running') return res.json();
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`batch ${id} still running`);
}

b('a batch on the shuttle: 202 with its place, then every cell as worked out by hand, and the summary', async () => {
  const res = await post({ plan: grid, scenarios: { shuttle } });
  assert.is(res.statusCode, 202, res.body);
  const started = res.json();
  assert.is(res.headers.location, `/v1/batches/${started.id}`);
  assert.is(started.plan.cells, 6);
  assert.is(started.progress.replicationsTotal, 480);
  const done = await finished(started.id);
  assert.is(done.status, 'done');
  assert.equal(done.progress.cellsDone, 6);
  assert.is(done.progress.replicationsDone, 480);
  const cells = done.records.map((r: CellRecord) => [r.cell, r.targets[0]!.onTime.successes, r.targets[0]!.completionMin.median]);
  assert.equal(cells, [
    ['trucks=2,docks=1', 0, 232],
    ['trucks=2,docks=2', 0, 232],
    ['trucks=2,docks=4', 0, 232],
    ['trucks=3,docks=1', 0, 125],
    ['trucks=3,docks=2', 80, 108],
    ['trucks=3,docks=4', 80, 91],
  ]);
  assert.equal(done.summary.targets, [{ id: 'front', label: 'Depot → front', met: 2, atRisk: 0, notMet: 4 }]);
  const effects = done.summary.effects.targets[0];
  assert.is(effects.top, 'trucks');
  assert.ok(Math.abs(effects.axes.find((a: { axis: string }) => a.axis === 'trucks').range - 2 / 3) < 1e-12);
  assert.ok(Math.abs(effects.axes.find((a: { axis: string }) => a.axis === 'docks').range - 1 / 2) < 1e-12);
  // Without records, for a light poll.
  const light = await get(`/v1/batches/${started.id}?records=false`);
  assert.is(light.json().records, undefined);
  assert.is(light.json().status, 'done');
});

b('the same records, byte for byte (timings apart), as the batch run in one thread', async () => {
  const plan = { ...grid, axes: { ...grid.axes, alert: { path: 'alert.timeOfDay', values: ['10:00', '23:00'] } } };
  const res = await post({ plan, scenarios: { shuttle } });
  const done = await finished(res.json().id);
  const loaded = loadPlanDocument(plan, { dir: null, scenarios: { shuttle } });
  if (!loaded.ok) throw new Error(formatIssues(loaded.issues));
  const local = await runBatch(loaded.plan, { workers: 1 });
  assert.is(done.hash, loaded.plan.hash);
  assert.fixture(done.records.map(comparableLine).join('\n'), local.records.map(comparableLine).join('\n'));
});

b('a cell that does not validate is recorded with its error; the others run', async () => {
  const plan = { ...grid, axes: { ...grid.axes, docks: { path: 'depots.depot.docks', values: [0, 4] } } };
  const done = await finished((await post({ plan, scenarios: { shuttle } })).json().id);
  assert.is(done.status, 'done');
  const failed = done.records.filter((r: CellRecord) => r.status === 'failed');
  assert.equal(failed.map((r: CellRecord) => r.cell), ['trucks=2,docks=0', 'trucks=3,docks=0']);
  assert.is(failed[0].error.kind, 'invalid');
  assert.ok(failed[0].error.issues.some((i: { path: string[] }) => i.path.join('.') === 'depots.depot.docks'));
  assert.is(done.summary.failed.length, 2);
  assert.equal(done.records.filter((r: CellRecord) => r.status === 'ok').map((r: CellRecord) => r.targets[0]!.onTime.successes), [0, 80]);
});

b('a batch whose every cell fails still has a summary', async () => {
  const plan = { ...grid, axes: { docks: { path: 'depots.depot.docks', values: [0, -1] } } };
  const done = await finished((await post({ plan, scenarios: { shuttle } })).json().id);
  assert.is(done.status, 'done');
  assert.is(done.summary.failed.length, 2);
  assert.equal(done.summary.targets, []);
});

b('cancel: the batch stops, finished cells are kept, a second batch meanwhile gets 429; all in the history', async () => {
  const plan = { base: 'baseline', replications: 2000, seed: 7, axes: { docks: { path: 'depots.fushun-national.docks', values: [8, 10, 12, 14] } } };
  const res = await post({ plan });
  assert.is(res.statusCode, 202, res.body);
  const id = res.json().id;
  const second = await post({ plan });
  assert.is(second.statusCode, 429);
  assert.is(second.json().error, 'too_many_batches');
  assert.ok(second.headers['retry-after']);
  // Wait for some progress, so that there is something to keep.
  for (let i = 0; i < 400; i++) {
    const p = (await get(`/v1/batches/${id}?records=false`)).json().progress;
    if (p.replicationsDone > 0) break;
    await new Promise((r) => setTimeout(r, 25));
  }
  const running = (await get(`/v1/batches/${id}?records=false`)).json();
  assert.is(running.status, 'running');
  assert.ok(running.progress.elapsedS > 0);
  const cancelled = await t.app.inject({ method: 'DELETE', url: `/v1/batches/${id}` });
  assert.is(cancelled.statusCode, 200, cancelled.body);
  const view = cancelled.json();
  assert.is(view.status, 'cancelled');
  assert.ok(view.records.length < 4, `${view.records.length} cells finished`);
  assert.ok(view.records.every((r: CellRecord) => r.status === 'ok'));
  assert.is(view.progress.etaS, null);
  // Cancelling again changes nothing; the history has it.
  assert.is((await t.app.inject({ method: 'DELETE', url: `/v1/batches/${id}` })).json().status, 'cancelled');
  const history = (await get('/v1/runs?limit=50')).json();
  assert.ok(history.runs.some((r: { id: string; kind: string }) => r.id === id && r.kind === 'batch'));
  const listed = (await get('/v1/batches')).json().batches;
  assert.is(listed[0].id, id);
  assert.is(listed[0].records, undefined);
  // Now another batch may start.
  const third = await post({ plan: grid, scenarios: { shuttle } });
  assert.is(third.statusCode, 202);
  await finished(third.json().id);
});

const badPlans: [string, unknown, string, string, RegExp][] = [
  ['an unknown base', { plan: { ...grid, base: 'baselin' } }, 'plan.base', 'unknown_reference', /no shipped scenario "baselin"/],
  ['a misspelt plan field', { plan: { ...grid, replicatons: 5 }, scenarios: { shuttle } }, 'plan.replicatons', 'unrecognized_keys', /did you mean "replications"/],
  ['a misspelt axis field', { plan: { ...grid, axes: { trucks: { path: 'fleets.trucks.count', valeus: [1] } } }, scenarios: { shuttle } }, 'plan.axes.trucks.valeus', 'unrecognized_keys', /did you mean "values"/],
  ['an invalid inline scenario', { plan: grid, scenarios: { shuttle: { ...shuttle, depots: { depot: { ...(shuttle.depots as any).depot, dokcs: 1 } } } } }, 'scenarios.shuttle.depots.depot.dokcs', 'unrecognized_keys', /did you mean "docks"/],
];
for (const [what, body, where, code, message] of badPlans) {
  b(`400 for ${what}, at its path in the request`, async () => {
    const res = await post(body);
    assert.is(res.statusCode, 400, res.body);
    assert.is(res.json().error, 'invalid_plan');
    const hit = res.json().issues.find((i: { path: (string | number)[]; code: string }) => i.path.join('.') === where && i.code === code);
    assert.ok(hit, JSON.stringify(res.json().issues));
    assert.match(hit.message, message);
  });
}

b('__proto__ in a plan: refused with its path in the body', async () => {
  const res = await t.app.inject({ method: 'POST', url: '/v1/batches', headers: { 'content-type': 'application/json' }, payload: '{"plan":{"base":"baseline","replications":5,"seed":1,"axes":{"p":{"patches":{"a":{"__proto__":{"x":1}}}}}}}' });
  assert.is(res.statusCode, 400);
  assert.is(res.json().error, 'forbidden_key');
  assert.equal(res.json().issues[0].path, ['body', 'plan', 'axes', 'p', 'patches', 'a', '__proto__']);
});

b('400 for a batch beyond the service limit, with the arithmetic; 400 for a plan that is not an object', async () => {
  const res = await post({ plan: { ...grid, replications: 10_000 }, scenarios: { shuttle } });
  assert.is(res.statusCode, 400);
  assert.match(res.json().issues[0].message, /6 cells × 10000 replications = 60000; the service's limit is 50000/);
  const notObject = await post({ plan: 'winter-drill' });
  assert.is(notObject.statusCode, 400);
  assert.equal(notObject.json().issues[0].path, ['body', 'plan']);
});

b('400 for a horizon beyond the service limit, in the base or on an axis', async () => {
  const onAxis = await post({ plan: { ...grid, axes: { long: { patches: { year: { run: { limits: { horizonH: 9000 } } } } } } }, scenarios: { shuttle } });
  assert.is(onAxis.statusCode, 400, onAxis.body);
  assert.equal(onAxis.json().issues[0].path, ['plan', 'axes', 'long']);
});

b('404 for an unknown batch, 400 for an id that is not one', async () => {
  const unknown = await get('/v1/batches/00000000-0000-4000-8000-000000000000');
  assert.is(unknown.statusCode, 404);
  assert.is((await t.app.inject({ method: 'DELETE', url: '/v1/batches/00000000-0000-4000-8000-000000000000' })).statusCode, 404);
  const bad = await get('/v1/batches/..%2f..%2fetc');
  assert.is(bad.statusCode, 400);
});

b.run();

const r = suite('API: batches across a restart');

r('a finished batch is read back from the history by a new service on the same database', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'zhanbao-api-'));
  const dbPath = path.join(dir, 'history.sqlite');
  try {
    const first = await buildTestApp({ dbPath });
    const id = (await first.app.inject({ method: 'POST', url: '/v1/batches', payload: { plan: grid, scenarios: { shuttle } } })).json().id;
    let before: Record<string, any> = {};
    for (let i = 0; i < 600; i++) {
      before = (await first.app.inject({ method: 'GET', url: `/v1/batches/${id}` })).json();
      if (before.status !== 'running') break;
      await new Promise((res) => setTimeout(res, 50));
    }
    await first.close();
    const second = await buildTestApp({ dbPath });
    const after = await second.app.inject({ method: 'GET', url: `/v1/batches/${id}` });
    await second.close();
    assert.is(after.statusCode, 200);
    assert.equal(after.json(), before);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

r('a batch still running when the service stops is saved as cancelled, with the cells it finished', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'zhanbao-api-'));
  const dbPath = path.join(dir, 'history.sqlite');
  try {
    const first = await buildTestApp({ dbPath });
    const plan = { base: 'baseline', replications: 2000, seed: 3, axes: { docks: { path: 'depots.jinzhou-base.docks', values: [7, 14] } } };
    const id = (await first.app.inject({ method: 'POST', url: '/v1/batches', payload: { plan } })).json().id;
    await first.close();
    const second = await buildTestApp({ dbPath });
    const after = await second.app.inject({ method: 'GET', url: `/v1/batches/${id}` });
    await second.close();
    assert.is(after.statusCode, 200);
    assert.is(after.json().status, 'cancelled');
    assert.ok(after.json().records.length < 2);
    assert.ok(after.json().summary !== null, 'a summary over what finished');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

r.run();
