/**
 * Bad input and abuse: every case gets a clear status and a machine-readable list of problems, never
 * a stack trace; 5xx bodies reveal nothing internal; limits hold.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { buildTestApp, type TestApp } from '../helpers/api.ts';

const e = suite('API: bad input and limits');
let t: TestApp;
e.before(async () => {
  t = await buildTestApp({ maxReplications: 500, maxBodyBytes: 64 * 1024, maxHorizonH: 200 }, (app) => {
    app.get('/test/boom', async () => {
      throw new Error('secret database password is hunter2');
    });
  });
});
e.after(async () => {
  await t.close();
});

const raw = (payload: string, url = '/v1/runs') => t.app.inject({ method: 'POST', url, payload, headers: { 'content-type': 'application/json' } });
const post = (payload: unknown, url = '/v1/runs') => t.app.inject({ method: 'POST', url, payload: payload as object });

function noStack(body: string): void {
  assert.not.match(body, /\n\s+at |node_modules|\.ts:\d+/);
}

e('malformed JSON: 400 malformed_json', async () => {
  const res = await raw('{"scenario": "baseline",');
  assert.is(res.statusCode, 400);
  assert.is(res.json().error, 'malformed_json');
  noStack(res.body);
});

e('a wrong type: 400 with the path of the field', async () => {
  const res = await post({ scenario: 'baseline', replications: 'many' });
  assert.is(res.statusCode, 400);
  assert.is(res.json().error, 'bad_request');
  assert.ok(res.json().issues.some((i: { path: unknown[] }) => JSON.stringify(i.path) === JSON.stringify(['body', 'replications'])), res.body);
});

e('an unknown field in the request: 400 naming it', async () => {
  const res = await post({ scenario: 'baseline', replicatons: 10 });
  assert.is(res.statusCode, 400);
  assert.match(res.body, /replicatons/);
});

e('an unknown scenario id: 404 with the near name', async () => {
  const res = await post({ scenario: 'baseline2' });
  assert.is(res.statusCode, 404);
  assert.is(res.json().error, 'unknown_scenario');
  assert.match(res.json().message, /did you mean "baseline"/);
});

e('an unknown node in a patch: 400 invalid_scenario, the path inside the request, the near name', async () => {
  const res = await post({ scenario: 'baseline', patch: { missions: { national: { to: 'SHEE' } } }, replications: 2 });
  assert.is(res.statusCode, 400);
  assert.is(res.json().error, 'invalid_scenario');
  assert.equal(res.json().issues[0].path, ['patch', 'missions', 'national', 'to']);
  assert.match(res.json().issues[0].message, /unknown node "SHEE" \(did you mean "SHE"\?\)/);
});

e('problems from overrides are placed where the request made them: set by index, a misspelt id named once', async () => {
  const set = await post({ scenario: 'baseline', set: ['depots.fushun-national.docks=3', 'depots.fushun-national.docks=-1'], replications: 2 });
  assert.is(set.statusCode, 400);
  assert.equal(set.json().issues[0].path, ['set', 1]);
  assert.match(set.json().issues[0].message, /^depots\.fushun-national\.docks: must be > 0/);
  const misspelt = await post({ scenario: 'baseline', patch: { depots: { 'fushun-nationl': { docks: 3 } } }, replications: 2 });
  assert.is(misspelt.statusCode, 400);
  assert.is(misspelt.json().issues.length, 1, misspelt.body);
  assert.equal(misspelt.json().issues[0].path, ['patch', 'depots', 'fushun-nationl']);
  assert.match(misspelt.json().issues[0].message, /no "fushun-nationl" in depots \(did you mean "fushun-national"\?\)/);
});

e('an inline scenario with errors: every issue with its path', async () => {
  const res = await post({ scenario: { extends: 'baseline', depots: { 'fushun-national': { doks: 3, forklifts: -2 } } } });
  assert.is(res.statusCode, 400);
  const paths = res.json().issues.map((i: { path: string[] }) => i.path.join('.'));
  assert.ok(paths.includes('scenario.depots.fushun-national.doks'), paths.join(', '));
  assert.ok(paths.includes('scenario.depots.fushun-national.forklifts'), paths.join(', '));
});

e('an inline scenario cannot extend a file: only shipped ids', async () => {
  const res = await post({ scenario: { extends: '../../etc/passwd', title: 'x' } });
  assert.is(res.statusCode, 400);
  assert.equal(res.json().issues[0].path, ['scenario', 'extends']);
  assert.match(res.json().issues[0].message, /no shipped scenario "\.\.\/\.\.\/etc\/passwd"/);
});

e('__proto__ in the body is refused before anything sees it', async () => {
  const res = await raw('{"scenario": "baseline", "patch": {"__proto__": {"polluted": true}}}');
  assert.is(res.statusCode, 400);
  assert.is(({} as Record<string, unknown>).polluted, undefined);
});

e('constructor and prototype keys in a patch are refused, with their path', async () => {
  for (const patch of [{ depots: { constructor: { docks: 1 } } }, { missions: { national: { prototype: 1 } } }]) {
    const res = await post({ scenario: 'baseline', patch, replications: 2 });
    assert.is(res.statusCode, 400, res.body);
    assert.match(res.body, /is not allowed/);
  }
  const set = await post({ scenario: 'baseline', set: ['__proto__.polluted=1'], replications: 2 });
  assert.is(set.statusCode, 400);
  assert.match(set.body, /is not allowed/);
});

e('scenario ids cannot name files outside the scenarios folder', async () => {
  for (const url of ['/v1/scenarios/..%2F..%2Fpackage', '/v1/scenarios/%2Fetc%2Fpasswd', '/v1/scenarios/baseline.yaml']) {
    const res = await t.app.inject({ url });
    assert.ok(res.statusCode === 400 || res.statusCode === 404, `${url}: ${res.statusCode}`);
    assert.not.match(res.body, /schemaVersion/);
  }
  const ok = await t.app.inject({ url: '/v1/scenarios/west-blizzard' });
  assert.is(ok.statusCode, 200);
  assert.ok(ok.json().conditions['g25-ice']);
});

e('too many replications: 400 naming the limit', async () => {
  const res = await post({ scenario: 'baseline', replications: 501 });
  assert.is(res.statusCode, 400);
  assert.equal(res.json().issues[0].path, ['replications']);
  assert.match(res.json().issues[0].message, /at most 500/);
  const viaScenario = await post({ scenario: 'baseline' }); // its own run.replications is 1000
  assert.is(viaScenario.statusCode, 400);
  assert.equal(viaScenario.json().issues[0].path, ['scenario', 'run', 'replications']);
});

e('too long a simulated horizon: 400', async () => {
  const res = await post({ scenario: 'baseline', replications: 2, patch: { run: { limits: { horizonH: 500 } } } });
  assert.is(res.statusCode, 400);
  assert.equal(res.json().issues[0].path, ['scenario', 'run', 'limits', 'horizonH']);
});

e('too large a body: 413', async () => {
  const res = await raw(JSON.stringify({ scenario: 'baseline', patch: { title: 'x'.repeat(100_000) } }));
  assert.is(res.statusCode, 413);
  assert.is(res.json().error, 'body_too_large');
});

e('a replication that hits its event limit: 422 limit_exceeded, not a 500', async () => {
  const res = await post({ scenario: 'baseline', replications: 2, patch: { run: { limits: { maxEvents: 50 } } } });
  assert.is(res.statusCode, 422, res.body);
  assert.is(res.json().error, 'limit_exceeded');
  assert.match(res.json().message, /more than 50 events \(at \d+:\d\d simulated, replication 0\)/);
});

e('an unexpected error: 500 with a generic message, nothing internal', async () => {
  const res = await t.app.inject({ url: '/test/boom' });
  assert.is(res.statusCode, 500);
  assert.equal(res.json(), { error: 'internal', message: 'internal error; the cause is in the service log' });
});

e('an unknown route: 404 in the same shape', async () => {
  const res = await t.app.inject({ url: '/v2/anything' });
  assert.is(res.statusCode, 404);
  assert.is(res.json().error, 'not_found');
});

e.run();

const limits = suite('API: concurrency and wall-time limits');

limits('more runs at once than allowed: 429 with Retry-After', async () => {
  const t2 = await buildTestApp({ maxConcurrentRuns: 1, workers: 1 });
  try {
    const first = t2.app.inject({ method: 'POST', url: '/v1/runs', payload: { scenario: 'baseline', replications: 200 } });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const second = await t2.app.inject({ method: 'POST', url: '/v1/runs', payload: { scenario: 'baseline', replications: 2 } });
    assert.is(second.statusCode, 429);
    assert.is(second.json().error, 'too_many_runs');
    assert.is(second.headers['retry-after'], '2');
    assert.is((await first).statusCode, 200);
  } finally {
    await t2.close();
  }
});

limits('a run past its wall-time limit is stopped and answered 504', async () => {
  const t3 = await buildTestApp({ runTimeoutS: 1, workers: 1 });
  try {
    const started = performance.now();
    const res = await t3.app.inject({ method: 'POST', url: '/v1/runs', payload: { scenario: 'baseline', replications: 5000 } });
    assert.is(res.statusCode, 504, res.body);
    assert.is(res.json().error, 'run_timed_out');
    assert.ok(performance.now() - started < 5000, 'stopped promptly');
    const health = await t3.app.inject({ url: '/health' });
    assert.is(health.json().runsInFlight, 0);
  } finally {
    await t3.close();
  }
});

limits.run();
