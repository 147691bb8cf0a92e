/** The service around the routes: scenarios, validation, the OpenAPI document, and a real port. */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ApiConfig, resolveConfig } from '../../api/config.ts';
import { startServer } from '../../api/server.ts';
import { HistoryError, HistoryStore } from '../../api/history.ts';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildTestApp, type TestApp } from '../helpers/api.ts';

const s = suite('API: service');
let t: TestApp;
s.before(async () => {
  t = await buildTestApp({ workers: 1 });
});
s.after(async () => {
  await t.close();
});

s('GET /v1/scenarios lists the shipped scenarios', async () => {
  const res = await t.app.inject({ url: '/v1/scenarios' });
  assert.is(res.statusCode, 200);
  assert.equal(
    res.json().map((x: { id: string }) => x.id),
    ['baseline', 'dalian-petrochemical-fire', 'earthquake-tancheng-yingkou', 'west-blizzard'],
  );
});

s('POST /v1/scenarios/validate: valid, or every problem with its path', async () => {
  const ok = await t.app.inject({ method: 'POST', url: '/v1/scenarios/validate', payload: { scenario: 'baseline', set: ['depots.fushun-national.docks=14'] } });
  assert.is(ok.statusCode, 200);
  assert.is(ok.json().valid, true);
  assert.is(ok.json().summary.missions, 16);
  const bad = await t.app.inject({ method: 'POST', url: '/v1/scenarios/validate', payload: { scenario: 'baseline', patch: { fleets: { 'corps-reserve-awd': { awdCount: 30 } } } } });
  assert.is(bad.statusCode, 200);
  assert.is(bad.json().valid, false);
  assert.equal(bad.json().issues[0].path, ['fleets', 'corps-reserve-awd', 'awdCount']);
});

s('the OpenAPI document covers every endpoint, and /docs serves a page', async () => {
  const doc = (await t.app.inject({ url: '/openapi.json' })).json();
  assert.is(doc.openapi, '3.0.3');
  for (const p of ['/health', '/v1/scenarios', '/v1/scenarios/{id}', '/v1/scenarios/validate', '/v1/runs', '/v1/runs/{id}', '/v1/compare', '/v1/sizing', '/v1/batches', '/v1/batches/{id}']) {
    assert.ok(doc.paths[p], `missing ${p}`);
  }
  assert.ok(doc.paths['/v1/runs'].post.requestBody, 'the run request is documented');
  assert.ok(doc.paths['/v1/batches/{id}'].delete, 'a batch can be cancelled');
  assert.ok(doc.components?.schemas?.Scenario || JSON.stringify(doc).includes('schemaVersion'), 'the scenario schema is documented');
  const page = await t.app.inject({ url: '/docs/' });
  assert.is(page.statusCode, 200);
  assert.match(page.headers['content-type'] as string, /text\/html/);
});

s('configuration: flags over environment over defaults; bad values named', () => {
  const r = resolveConfig({ port: '9000' }, { PORT: '7000', HOST: '0.0.0.0', ZHANBAO_WORKERS: '3' });
  assert.ok(r.ok);
  if (r.ok) {
    assert.is(r.config.port, 9000);
    assert.is(r.config.host, '0.0.0.0');
    assert.is(r.config.workers, 3);
    assert.is(r.config.maxReplications, ApiConfig.parse({}).maxReplications);
  }
  const bad = resolveConfig({ workers: 'lots' }, { PORT: '99999' });
  assert.not.ok(bad.ok);
  if (!bad.ok) {
    assert.ok(bad.problems.some((p) => p.startsWith('--workers')), bad.problems.join('; '));
    assert.ok(bad.problems.some((p) => p.startsWith('PORT')), bad.problems.join('; '));
  }
  // A problem names the flag as it is typed, not the setting's name.
  const flags = resolveConfig({ maxConcurrentRuns: 'x', dbPath: '', maxConcurrentBatches: '0' }, {});
  assert.not.ok(flags.ok);
  if (!flags.ok) assert.equal(flags.problems.map((p) => p.split(':')[0]).sort(), ['--db', '--max-batches', '--max-concurrent']);
});

s('a history database that cannot be opened is a HistoryError naming the file', () => {
  for (const file of [tmpdir(), path.join(tmpdir(), 'no-such-folder-zhanbao', 'h.sqlite')]) {
    try {
      new HistoryStore(file).close();
      assert.unreachable(`opened ${file}`);
    } catch (error) {
      assert.instance(error, HistoryError);
      assert.match((error as Error).message, /^cannot open the history database /);
    }
  }
});

s.run();

const port = suite('API: a real loopback port');

port('listens, answers fetch, and closes', async () => {
  const server = await startServer(ApiConfig.parse({ port: 0, dbPath: ':memory:', workers: 1, logLevel: 'silent' }), { handleSignals: false });
  try {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    const health = await fetch(`${server.url}/health`);
    assert.is(health.status, 200);
    const run = await fetch(`${server.url}/v1/runs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ scenario: 'baseline', replications: 4 }) });
    assert.is(run.status, 200);
    assert.is(((await run.json()) as { summary: { replications: number } }).summary.replications, 4);
  } finally {
    await server.close();
  }
});

port.run();
