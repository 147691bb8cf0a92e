import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { Tally, TimeWeighted } from '../../engine/kernel/index.ts';

const mon = suite('Monitors');

mon('Tally: count, mean, sample variance, min and max of a known sample', () => {
  // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, squared deviations sum 32, sample variance 32/7.
  const t = new Tally();
  for (const x of [2, 4, 4, 4, 5, 5, 7, 9]) t.add(x);
  assert.is(t.count, 8);
  assert.is(t.mean, 5);
  assert.ok(Math.abs(t.variance - 32 / 7) < 1e-12);
  assert.is(t.min, 2);
  assert.is(t.max, 9);
});

mon('Tally: Welford stays exact where the naive sum of squares cancels', () => {
  // 1e9 + {4, 7, 13, 16}: variance 30 exactly; E[x²] − E[x]² in doubles loses it entirely.
  const t = new Tally();
  const xs = [4, 7, 13, 16].map((d) => 1e9 + d);
  for (const x of xs) t.add(x);
  assert.ok(Math.abs(t.variance - 30) < 1e-6, `variance ${t.variance}`);
  const naive = (xs.reduce((a, x) => a + x * x, 0) - xs.reduce((a, x) => a + x, 0) ** 2 / 4) / 3;
  assert.ok(Math.abs(naive - 30) > 1, 'the naive formula is indeed wrong here');
});

mon('Tally: percentiles interpolate between order statistics (type 7)', () => {
  const t = new Tally({ keepSamples: true });
  for (const x of [15, 20, 35, 40, 50]) t.add(x);
  // h = (n − 1) p: p = 0.4 gives h = 1.6, so 20 + 0.6 × 15 = 29.
  assert.is(t.percentile(0.4), 29);
  assert.is(t.percentile(0), 15);
  assert.is(t.percentile(1), 50);
  assert.throws(() => new Tally().percentile(0.5), /keepSamples/);
  assert.throws(() => t.percentile(1.5), /p must be a number in \[0, 1\]/);
});

mon('Tally: empty and single-sample statistics are NaN, not zero', () => {
  const t = new Tally();
  assert.ok(Number.isNaN(t.mean));
  t.add(3);
  assert.is(t.mean, 3);
  assert.ok(Number.isNaN(t.variance));
  assert.throws(() => t.add(NaN), /finite/);
});

mon('TimeWeighted: the time-average counts the last segment', () => {
  // Level 2 on [0, 4), 5 on [4, 10), observed to 12 with level 1 from 10: (8 + 30 + 2) / 12.
  const q = new TimeWeighted(0, 2);
  q.record(4, 5);
  q.record(10, 1);
  assert.is(q.integral(12), 40);
  assert.is(q.mean(12), 40 / 12);
  assert.is(q.max, 5);
  assert.is(q.min, 1);
  assert.throws(() => q.record(9, 0), /time must be ≥ the previous record \(10\)/);
});

mon('TimeWeighted: reset starts a new window at the current level (warm-up)', () => {
  const q = new TimeWeighted(0, 10);
  q.record(100, 3);
  q.reset(150);
  q.record(160, 1);
  // From 150: level 3 for 10, then 1 for 40 → 70 / 50.
  assert.is(q.mean(200), 70 / 50);
});

mon.run();
