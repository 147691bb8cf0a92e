/**
 * Scenario validation: every invalid fixture gives the issue at the right path, with the right code,
 * and a message that says what is wrong; the shipped scenarios are valid.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { fileURLToPath } from 'node:url';
import { formatIssues, formatPath, loadScenario, parseScenario, shippedScenarios } from '../../scenarios/index.ts';

const p = suite('scenario validation');
const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/scenarios/invalid/${name}`, import.meta.url));

/** fixture → [path, code, a piece of the message] of the issue it must raise. */
const INVALID: [string, string, string, string][] = [
  ['unknown-field.yaml', 'depots.fushun-national.doks', 'unrecognized_keys', 'unknown field "doks" (did you mean "docks"?)'],
  ['negative-docks.yaml', 'depots.fushun-national.docks', 'too_small', 'got number -1'],
  ['misspelt-node.yaml', 'missions.national.to', 'unknown_reference', 'unknown node "SHEE" (did you mean "SHE"?)'],
  ['misspelt-depot.yaml', 'fleets.corps-reserve-road.depot', 'unknown_reference', 'unknown depot "fushun-nationl" (did you mean "fushun-national"?)'],
  ['unknown-distribution.yaml', 'defaults.depot.loadMinPerPallet.dist', 'invalid_value', 'unknown distribution "triangle" (did you mean "triangular"?)'],
  ['mode-outside-range.yaml', 'defaults.depot.loadMinPerPallet.mode', 'custom', 'mode (5) must lie between min (1) and max (3)'],
  ['normal-not-truncated.yaml', 'defaults.fleet.readinessMin.truncateAtZero', 'invalid_value', 'must be true: a duration drawn from a normal could be negative'],
  ['unreachable.yaml', 'missions.national.to', 'unreachable', '"SHE" cannot be reached from depot "fushun-national"'],
  ['module-too-heavy.yaml', 'kit.modules.sustainment', 'does_not_fit', 'fits no truck at depot'],
  ['yaml-syntax.yaml', '(top)', 'syntax', 'YAML syntax error at line 5'],
  ['wrong-type.yaml', 'run.replications', 'invalid_type', 'got string "many"'],
  ['crew-over-total.yaml', 'depots.benxi-city.crew.onDutyDay', 'too_big', 'must not exceed crew.total (16); got 20'],
  ['schema-version.yaml', 'schemaVersion', 'invalid_value', 'must be'],
  ['time-of-day.yaml', 'alert.timeOfDay', 'invalid_format', 'HH:MM'],
  ['cycle-a.yaml', 'extends', 'cycle', 'round in a circle'],
  ['condition-without-links.yaml', 'conditions.vague', 'custom', 'must say which links it affects'],
  ['awd-over-count.yaml', 'fleets.corps-reserve-awd.awdCount', 'too_big', 'must not exceed count (10); got 12'],
];

for (const [file, path, code, message] of INVALID) {
  p(`${file}: ${path} — ${code}`, () => {
    const r = loadScenario(fixture(file));
    assert.not.ok(r.ok, 'must be invalid');
    if (r.ok) return;
    const hit = r.issues.find((i) => formatPath(i.path) === path && i.code === code);
    assert.ok(hit, `no ${code} at ${path}; got:\n${formatIssues(r.issues)}`);
    assert.ok(hit!.message.includes(message), `message "${hit!.message}" lacks "${message}"`);
    assert.ok(hit!.file?.endsWith(file) || file.startsWith('cycle'), `issue names its file: ${hit!.file}`);
  });
}

p('every shipped scenario is valid', () => {
  const list = shippedScenarios();
  assert.ok(list.length >= 4);
  for (const s of list) {
    const r = loadScenario(s.id);
    assert.ok(r.ok, r.ok ? '' : `${s.id}:\n${formatIssues(r.issues)}`);
    assert.ok(s.title.length > 0 && s.description.length > 0, `${s.id} has a title and a description`);
  }
});

p('a scenario file that does not exist is an issue, not an exception', () => {
  const r = loadScenario('no-such-scenario');
  assert.not.ok(r.ok);
  if (!r.ok) assert.equal(r.issues[0]!.code, 'not_found');
});

p('a document that is not a mapping is refused at the top', () => {
  for (const doc of [null, 42, 'text', [1, 2]]) {
    const r = parseScenario(doc);
    assert.not.ok(r.ok);
    if (!r.ok) assert.equal(r.issues[0]!.path, []);
  }
});

p('overrides are validated like the file: --set with a misspelt field is named', () => {
  const r = loadScenario('baseline', { sets: ['depots.fushun-national.forklift=12'] });
  assert.not.ok(r.ok);
  if (!r.ok) assert.match(formatIssues(r.issues), /depots\.fushun-national\.forklift: unknown field "forklift" \(did you mean "forklifts"\?\)/);
});

p('a bad seed is described as a seed, a NaN as not a finite number', () => {
  const seed = loadScenario('baseline', { patches: [{ run: { seed: -1.5 } }] });
  assert.not.ok(seed.ok);
  if (!seed.ok) assert.match(formatIssues(seed.issues), /run\.seed: must be a whole number or a string; got number -1\.5/);
  const nan = loadScenario('baseline', { patches: [{ run: { replications: Number.NaN } }] });
  assert.not.ok(nan.ok);
  if (!nan.ok) assert.match(formatIssues(nan.issues), /run\.replications: .*got NaN \(not a finite number\)/);
});

p('overrides change what they name and nothing else', () => {
  const base = loadScenario('baseline');
  const r = loadScenario('baseline', { sets: ['depots.fushun-national.docks=14', 'run.seed="drill-7"'], patches: [{ missions: { huludao: null } }] });
  assert.ok(base.ok && r.ok);
  if (!base.ok || !r.ok) return;
  assert.is(r.scenario.depots['fushun-national']!.docks, 14);
  assert.is(r.scenario.run.seed, 'drill-7');
  assert.not.ok('huludao' in r.scenario.missions);
  assert.is(Object.keys(r.scenario.missions).length, Object.keys(base.scenario.missions).length - 1);
  assert.equal(r.scenario.depots['jinzhou-base'], base.scenario.depots['jinzhou-base']);
});

p.run();
