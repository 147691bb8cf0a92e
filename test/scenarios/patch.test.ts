import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { mergePatch, PatchError, setToPatch } from '../../scenarios/index.ts';

const mp = suite('merge patch (RFC 7396) and --set');

mp('RFC 7396 Appendix A: every example gives the stated result', () => {
  const examples: [unknown, unknown, unknown][] = [
    [{ a: 'b' }, { a: 'c' }, { a: 'c' }],
    [{ a: 'b' }, { b: 'c' }, { a: 'b', b: 'c' }],
    [{ a: 'b' }, { a: null }, {}],
    [{ a: 'b', b: 'c' }, { a: null }, { b: 'c' }],
    [{ a: ['b'] }, { a: 'c' }, { a: 'c' }],
    [{ a: 'c' }, { a: ['b'] }, { a: ['b'] }],
    [{ a: { b: 'c' } }, { a: { b: 'd', c: null } }, { a: { b: 'd' } }],
    [{ a: [{ b: 'c' }] }, { a: [1] }, { a: [1] }],
    [['a', 'b'], ['c', 'd'], ['c', 'd']],
    [{ a: 'b' }, ['c'], ['c']],
    [{ a: 'foo' }, null, null],
    [{ a: 'foo' }, 'bar', 'bar'],
    [{ e: null }, { a: 1 }, { e: null, a: 1 }],
    [[1, 2], { a: 'b', c: null }, { a: 'b' }],
    [{}, { a: { bb: { ccc: null } } }, { a: { bb: {} } }],
  ];
  for (const [target, patch, result] of examples) assert.equal(mergePatch(target, patch), result, JSON.stringify([target, patch]));
});

mp('a distribution is replaced whole, not merged field by field', () => {
  const target = { readinessMin: { dist: 'triangular', min: 5, mode: 10, max: 20 } };
  assert.equal(mergePatch(target, { readinessMin: { dist: 'lognormal', mean: 12, cv: 0.3 } }), { readinessMin: { dist: 'lognormal', mean: 12, cv: 0.3 } });
});

mp('the target is not modified', () => {
  const target = { a: { b: 1 } };
  mergePatch(target, { a: { b: 2 } });
  assert.equal(target, { a: { b: 1 } });
});

mp('keys that reach a prototype are refused, at any depth, and nothing is polluted', () => {
  for (const patch of [JSON.parse('{"__proto__": {"polluted": true}}'), { depots: { constructor: { x: 1 } } }, { a: [{ prototype: 1 }] }]) {
    assert.throws(() => mergePatch({}, patch), (e: unknown) => e instanceof PatchError && /is not allowed/.test((e as Error).message));
  }
  assert.is(({} as Record<string, unknown>).polluted, undefined);
  assert.throws(() => setToPatch('__proto__.polluted=1'), /not allowed/);
  assert.throws(() => setToPatch('a={"__proto__":{"x":1}}'), /not allowed/);
});

mp('--set reads JSON values, else strings', () => {
  assert.equal(setToPatch('depots.fushun-national.docks=6'), { depots: { 'fushun-national': { docks: 6 } } });
  assert.equal(setToPatch('run.seed=drill'), { run: { seed: 'drill' } });
  assert.equal(setToPatch('conditions.x.links=["G15-4"]'), { conditions: { x: { links: ['G15-4'] } } });
  assert.equal(setToPatch('missions.huludao=null'), { missions: { huludao: null } });
  assert.throws(() => setToPatch('no-equals'), /needs path=value/);
  assert.throws(() => setToPatch('a..b=1'), /empty segment/);
});

mp.run();
