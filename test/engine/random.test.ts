import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { distributionMean, distributionVariance, poissonArrivals, RandomStream, Streams, type Distribution } from '../../engine/random.ts';
import { knownCase } from '../helpers/cases.ts';

const rnd = suite('random');

rnd('the same seed gives the same numbers; another replication gives others', () => {
  const a = new Streams(2026, 7).get('load:fushun');
  const b = new Streams(2026, 7).get('load:fushun');
  const c = new Streams(2026, 8).get('load:fushun');
  const xs = Array.from({ length: 5 }, () => a.next());
  assert.equal(
    Array.from({ length: 5 }, () => b.next()),
    xs,
  );
  assert.not.equal(
    Array.from({ length: 5 }, () => c.next()),
    xs,
  );
});

rnd('a stream does not depend on which other streams were made or used first', () => {
  const first = new Streams('s', 0);
  const x1 = first.get('drive').next();
  const second = new Streams('s', 0);
  for (let i = 0; i < 100; i++) second.get('load').next();
  second.get('crew');
  assert.is(second.get('drive').next(), x1);
});

rnd('replication r draws the same numbers whether or not replications 0..r-1 ran', () => {
  const direct = new Streams(11, 41).get('x').next();
  for (let r = 0; r < 41; r++) new Streams(11, r).get('x').next();
  assert.is(new Streams(11, 41).get('x').next(), direct);
});

// Each distribution: sample mean within 4 standard errors of the formula, and sample variance within
// 4 standard errors of its formula, where SE(s²) ≈ √((m4 − s⁴) / n) from the sample's fourth moment.
const cases: [string, Distribution][] = [
  ['constant', { dist: 'constant', value: 12.5 }],
  ['uniform', { dist: 'uniform', min: 10, max: 20 }],
  ['triangular', { dist: 'triangular', min: 1.7, mode: 2.4, max: 4 }],
  ['triangular with mode at min', { dist: 'triangular', min: 0, mode: 0, max: 6 }],
  ['pert', { dist: 'pert', min: 20, mode: 40, max: 90 }],
  ['pert lambda 2', { dist: 'pert', min: 0, mode: 1, max: 2, lambda: 2 }],
  ['exponential', { dist: 'exponential', mean: 3 }],
  ['normal', { dist: 'normal', mean: 50, sd: 8 }],
  ['lognormal', { dist: 'lognormal', mean: 40, cv: 0.5 }],
  ['empirical', { dist: 'empirical', values: [10, 20, 60], weights: [0.5, 0.3, 0.2] }],
  ['empirical unweighted', { dist: 'empirical', values: [1, 2, 3, 4] }],
];
for (const [name, d] of cases) {
  rnd(`${name}: sample mean and variance match the formulas`, () => {
    const s = new RandomStream(`moments/${name}`);
    const n = 100_000;
    const xs = Array.from({ length: n }, () => s.sample(d));
    const mean = xs.reduce((a, x) => a + x, 0) / n;
    const m2 = xs.reduce((a, x) => a + (x - mean) ** 2, 0) / n;
    const m4 = xs.reduce((a, x) => a + (x - mean) ** 4, 0) / n;
    const variance = (m2 * n) / (n - 1);
    const mu = distributionMean(d);
    const s2 = distributionVariance(d);
    if (s2 === 0) {
      assert.ok(xs.every((x) => x === mu));
      return;
    }
    assert.ok(Math.abs(mean - mu) < 4 * Math.sqrt(s2 / n), `${name}: mean ${mean} vs ${mu}`);
    assert.ok(Math.abs(variance - s2) < 4 * Math.sqrt((m4 - m2 * m2) / n), `${name}: variance ${variance} vs ${s2}`);
  });
}

rnd('normal truncated at zero never goes below zero', () => {
  const s = new RandomStream('trunc');
  for (let i = 0; i < 10_000; i++) assert.ok(s.sample({ dist: 'normal', mean: 5, sd: 5, truncateAtZero: true }) >= 0);
  assert.throws(() => s.truncatedNormal(-100, 1), /almost all of it lies below zero/);
});

rnd('C25 a: a periodic on/off rate has no arrivals when off; the count has mean and variance 80', () => {
  const R = 400;
  const counts: number[] = [];
  for (let r = 0; r < R; r++) {
    const times = poissonArrivals(new Streams('C25', r).get('arrivals'), [{ from: 0, to: 1, rate: 10 }, { from: 1, to: 2, rate: 0 }], 15.5, 2);
    for (const t of times) {
      assert.ok(Math.floor(t) % 2 === 0, `arrival at ${t} in an off hour`);
      assert.ok(t < 15, `arrival at ${t} in [15, 15.5]`);
    }
    counts.push(times.length);
  }
  const e = knownCase('C25').expected.a;
  const mean = counts.reduce((a, x) => a + x, 0) / R;
  const variance = counts.reduce((a, x) => a + (x - mean) ** 2, 0) / (R - 1);
  assert.ok(Math.abs(mean - e.E_count) < 3 * Math.sqrt(e.E_count / R), `mean count ${mean}`);
  // Var(s²) of a Poisson(80) sample ≈ 2·80²/(R−1) + 80/R; allow 4 standard errors.
  assert.ok(Math.abs(variance - e.Var_count) < 4 * Math.sqrt((2 * 80 * 80) / (R - 1) + 80 / R), `variance ${variance}`);
});

rnd('C25 b: a rate that ends at zero gives no arrivals afterwards; mean count 5', () => {
  const R = 2000;
  let total = 0;
  for (let r = 0; r < R; r++) {
    const times = poissonArrivals(
      new Streams('C25b', r).get('arrivals'),
      [
        { from: 0, to: 1, rate: 3 },
        { from: 1, to: 2, rate: 2 },
        { from: 2, to: 10, rate: 0 },
      ],
      9,
    );
    assert.ok(times.every((t) => t < 2));
    total += times.length;
  }
  const e = knownCase('C25').expected.b;
  assert.ok(Math.abs(total / R - e.E_count) < 3 * Math.sqrt(e.E_count / R), `mean count ${total / R}`);
});

rnd('bad rate pieces are refused with the reason', () => {
  const s = new RandomStream('bad');
  assert.throws(() => poissonArrivals(s, [{ from: 0, to: 1, rate: -1 }], 5), /rate must be a finite number ≥ 0/);
  assert.throws(() => poissonArrivals(s, [{ from: 0, to: 2, rate: 1 }, { from: 1, to: 3, rate: 1 }], 5), /overlap/);
  assert.throws(() => poissonArrivals(s, [{ from: 0, to: 3, rate: 1 }], 5, 2), /outside the period/);
  assert.equal(poissonArrivals(s, [{ from: 0, to: 1, rate: 0 }], 100, 2), []);
});

rnd.run();
