import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cli } from '../helpers/cli.ts';

const c = suite('command line');
const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/scenarios/invalid/${name}`, import.meta.url));

c('run prints the verdict table and exits 0 whatever the verdict', async () => {
  const r = await cli('run', 'baseline', '-n', '40', '-w', '1', '-q');
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stdout, /^zhanbao — Baseline/);
  assert.match(r.stdout, /National centre → departure point \(Taoxian airport\)\s+1000\s+2:00/);
  for (const v of ['NOT MET', 'MET']) assert.ok(r.stdout.includes(v));
  assert.is(r.stderr, '', 'quiet: nothing on stderr');
});

c('the same scenario and seed give the same bytes, with one worker or two', async () => {
  const one = await cli('run', 'earthquake-tancheng-yingkou', '-n', '24', '--seed', '11', '-w', '1', '-q');
  const again = await cli('run', 'earthquake-tancheng-yingkou', '-n', '24', '--seed', '11', '-w', '1', '-q');
  const two = await cli('run', 'earthquake-tancheng-yingkou', '-n', '24', '--seed', '11', '-w', '2', '-q');
  assert.is(again.stdout, one.stdout);
  assert.is(two.stdout, one.stdout);
  const other = await cli('run', 'earthquake-tancheng-yingkou', '-n', '24', '--seed', '12', '-w', '1', '-q');
  assert.is.not(other.stdout, one.stdout);
});

c('--fail-on-miss exits 3 when a target is not met', async () => {
  const r = await cli('run', 'baseline', '-n', '10', '-w', '1', '-q', '--fail-on-miss');
  assert.is(r.code, 3);
});

c('--json writes the full results, with "never" as null', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'zhanbao-'));
  try {
    const file = path.join(dir, 'out.json');
    const r = await cli('run', 'baseline', '-n', '10', '-w', '1', '-q', '--json', file);
    assert.is(r.code, 0);
    const json = JSON.parse(readFileSync(file, 'utf8'));
    assert.is(json.scenario, 'baseline');
    assert.is(json.summary.replications, 10);
    assert.is(json.summary.missions.length, 16);
    assert.is(json.summary.missions[0].id, 'national');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

c('bad input exits 2 with the file, the path and the reason; no stack trace', async () => {
  const r = await cli('validate', fixture('misspelt-node.yaml'));
  assert.is(r.code, 2);
  assert.match(r.stderr, /misspelt-node\.yaml: missions\.national\.to: unknown node "SHEE" \(did you mean "SHE"\?\)/);
  assert.not.match(r.stderr, /\n\s+at /);
  const set = await cli('run', 'baseline', '--set', 'depots.fushun-national.doks=3', '-n', '5');
  assert.is(set.code, 2);
  assert.match(set.stderr, /unknown field "doks" \(did you mean "docks"\?\)/);
});

c('bad output places and limits are refused before any work, with the flag named; no stack trace', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'zhanbao-cli-'));
  try {
    const file = path.join(dir, 'a-file');
    writeFileSync(file, 'x');
    const cases: [string[], RegExp][] = [
      [['run', 'baseline', '-n', '2', '--json', dir], /--json .* is a folder; give a file path/],
      [['run', 'baseline', '-n', '2', '--html', path.join(dir, 'no', 'r.html')], /--html .*: the folder .* does not exist/],
      [['size', 'baseline', '--target', 'national', '--vary', 'docks', '--json', dir], /--json .* is a folder/],
      [['run', 'baseline', '-n', '2', '-w', '1000'], /--workers must be at most 64/],
      [['run', 'baseline', '-n', '2', '--json', ''], /--json needs a file path/],
      [['run', 'baseline', '-n', '2', '--json', '/proc/zhanbao-nope.json'], /--json \/proc\/zhanbao-nope\.json cannot be written/],
      [['run', 'baseline', '-n', '2', '--html', path.join(file, 'r.html')], /is a file, not a folder/],
      [['batch', fileURLToPath(new URL('../fixtures/batch/grid.yaml', import.meta.url)), '-q', '--out', ''], /--out needs a folder/],
      [['batch', fileURLToPath(new URL('../fixtures/batch/grid.yaml', import.meta.url)), '-q', '--out', file], /is a file, not a folder/],
      [['batch', fileURLToPath(new URL('../fixtures/batch/grid.yaml', import.meta.url)), '-q', '--out', path.join(file, 'sub')], /cannot create the results folder .*: .* is a file/],
      [['run', 'baselin', '-n', '2'], /no shipped scenario or file "baselin" \(did you mean "baseline"\?\)/],
      [['run', dir, '-n', '2'], /is a folder, not a scenario file/],
    ];
    for (const [args, message] of cases) {
      const r = await cli(...args);
      assert.is(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, message);
      assert.not.match(r.stderr, /\n\s+at /);
      assert.is(r.stdout, '', `${args.join(' ')}: nothing simulated`);
    }
    // A patch nested absurdly deep is refused, not a stack overflow.
    writeFileSync(path.join(dir, 'deep.json'), `{"depots":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`);
    const deep = await cli('validate', 'baseline', '--patch', path.join(dir, 'deep.json'));
    assert.is(deep.code, 2);
    assert.match(deep.stderr, /nested deeper than 32 levels/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

c('usage mistakes exit 2 and point to --help', async () => {
  for (const args of [['frobnicate'], ['run'], ['run', 'baseline', '--replications', '0'], ['run', 'baseline', '--bogus'], ['run', 'baseline', '-n', 'ten']]) {
    const r = await cli(...args);
    assert.is(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, /--help/);
  }
});

c('--help everywhere, and the list of scenarios', async () => {
  for (const args of [['--help'], ['run', '--help'], ['validate', '--help'], ['scenarios', '--help'], ['show', '--help']]) {
    const r = await cli(...args);
    assert.is(r.code, 0);
    assert.match(r.stdout, /Usage: zhanbao/);
  }
  const list = await cli('scenarios');
  for (const id of ['baseline', 'earthquake-tancheng-yingkou', 'dalian-petrochemical-fire', 'west-blizzard']) assert.match(list.stdout, new RegExp(`^${id}\\s`, 'm'));
});

c('show prints the resolved scenario, overrides applied', async () => {
  const r = await cli('show', 'west-blizzard', '--set', 'depots.jinzhou-base.docks=9');
  assert.is(r.code, 0);
  assert.match(r.stdout, /jinzhou-base:\n(.*\n)*?\s+docks: 9\n/);
  assert.match(r.stdout, /g25-ice:/);
});

c.run();
