/**
 * `zhanbao batch` and `zhanbao size` from the command line: help, results folder, resume, refusal of
 * another plan's folder, exit codes, and bad input named by file, path and reason.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cli } from '../helpers/cli.ts';

const c = suite('batch and size on the command line');
const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/batch/${name}`, import.meta.url));

c('help for batch and size, and both in the main help', async () => {
  for (const args of [['batch', '--help'], ['size', '--help']]) {
    const r = await cli(...args);
    assert.is(r.code, 0);
    assert.match(r.stdout, /^Usage: zhanbao (batch|size)/);
  }
  const main = await cli('--help');
  assert.match(main.stdout, /\n  batch <plan> /);
  assert.match(main.stdout, /\n  size <scenario> /);
});

c('batch writes the results folder and the summary; run again, it resumes with nothing left to do', async () => {
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'zhanbao-cli-')), 'grid');
  try {
    const r = await cli('batch', fixture('grid.yaml'), '--out', out, '-w', '1', '-q');
    assert.is(r.code, 0, r.stderr);
    assert.is(r.stderr, '', 'quiet');
    assert.match(r.stdout, /^zhanbao batch — Shuttle grid\n/);
    assert.match(r.stdout, /Targets met: front in 4 of 12 cells/);
    assert.match(r.stdout, /\nfront\s+66\.7\s+50\.0\s+0\.0\s+trucks \(3 66\.7% vs 2 0\.0%\)\n/);
    for (const f of ['plan.json', 'results.jsonl', 'results.csv', 'summary.txt']) assert.ok(existsSync(path.join(out, f)), f);
    assert.is(readFileSync(path.join(out, 'summary.txt'), 'utf8'), r.stdout);
    assert.is(readFileSync(path.join(out, 'results.jsonl'), 'utf8').trim().split('\n').length, 12);
    const again = await cli('batch', fixture('grid.yaml'), '--out', out, '-w', '1');
    assert.is(again.code, 0, again.stderr);
    assert.match(again.stderr, /resuming: 12 of 12 cells already in/);
    assert.is(again.stdout, r.stdout);
    // Another plan in the same folder is refused, with what to do.
    const other = await cli('batch', fixture('random-grid.yaml'), '--out', out, '-q');
    assert.is(other.code, 2);
    assert.match(other.stderr, /holds the results of a different plan.*Use another --out/);
  } finally {
    rmSync(path.dirname(out), { recursive: true, force: true });
  }
});

c('a bad plan exits 2 with the file, the path and the reason', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'zhanbao-cli-'));
  try {
    const plan = path.join(dir, 'bad.yaml');
    writeFileSync(plan, 'base: baseline\nreplications: 10\nseed: 1\naxes:\n  docks: { path: depots.jinzhou-base.docks, valeus: [7, 9] }\n');
    const r = await cli('batch', plan, '--out', path.join(dir, 'out'));
    assert.is(r.code, 2);
    assert.match(r.stderr, /the batch plan has problems:\n[\s\S]*bad\.yaml: axes\.docks\.valeus: unknown field "valeus" \(did you mean "values"\?\)/);
    assert.not.match(r.stderr, /\n\s+at /);
    assert.not.ok(existsSync(path.join(dir, 'out')), 'no folder for a bad plan');
    for (const args of [['batch'], ['batch', 'a.yaml', 'b.yaml'], ['batch', plan, '-w', '0']]) {
      const u = await cli(...args);
      assert.is(u.code, 2, args.join(' '));
      assert.match(u.stderr, /--help/);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

c('size answers on the shuttle: neither alone, +1 truck and +1 dock together', async () => {
  const r = await cli('size', fixture('shuttle.yaml'), '--target', 'front', '--vary', 'trucks,docks', '--cost', 'trucks=5,docks=2', '-n', '80', '--confidence', '0.95', '-w', '1', '-q');
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stdout, /\ntrucks\s+2\s+never \(≤ 12\)/);
  assert.match(r.stdout, /Cheapest combination \(cost per unit added: trucks 5, docks 2\): trucks \+1 \(3\), docks \+1 \(2\) — cost 7: P\(on time\) 100\.0% \(95\.4%–100\.0%\) MET/);
  const one = await cli('size', fixture('shuttle.yaml'), '--target', 'front', '--vary', 'trucks', '--set', 'depots.depot.docks=4', '-n', '80', '-w', '1', '-q');
  assert.match(one.stdout, /\ntrucks\s+2\s+3 \(\+1\)\s+100\.0% \(95\.4%–100\.0%\) MET\s+0\.0% \(0\.0%–4\.6%\) NOT MET/);
});

c('size: bad options exit 2 naming the option', async () => {
  const cases: [string[], RegExp][] = [
    [['--target', 'frnt', '--vary', 'trucks'], /--target: no mission "frnt" in the scenario \(did you mean "front"\?\)/],
    [['--target', 'front', '--vary', 'trucks,dock'], /--vary: unknown resource "dock" \(did you mean "docks"\?\)/],
    [['--target', 'front', '--vary', 'trucks', '-n', '20'], /--replications: with 20 replications the target can never be MET/],
    [['--target', 'front', '--vary', 'trucks', '--cost', 'trucks:5'], /--cost needs a number or resource=number pairs/],
    [['--target', 'front', '--vary', 'trucks', '--confidence', '95'], /--confidence must be a number above 0\.5 and below 1/],
    [['--vary', 'trucks'], /give the target/],
  ];
  for (const [args, message] of cases) {
    const r = await cli('size', fixture('shuttle.yaml'), ...args, '-w', '1', '-q');
    assert.is(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, message);
    assert.not.match(r.stderr, /\n\s+at /);
  }
});

c.run();
