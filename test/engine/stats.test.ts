import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { meanInterval, quantile, quantiles, wilsonInterval } from '../../engine/stats.ts';
import { knownCase } from '../helpers/cases.ts';

const st = suite('stats');
const close = (a: number, b: number, tol = 1e-6) => Math.abs(a - b) <= tol;

st('C19 n=5: Student-t interval with 4 degrees of freedom, not 1.96', () => {
  const c = knownCase('C19');
  const e = c.expected.n5;
  const m = meanInterval(c.scenario.samples.n5, 0.95);
  assert.is(m.mean, e.mean);
  for (const [got, want] of [
    [m.sd, e.sd],
    [m.se, e.se],
    [m.tCritical, e.t_crit_df4],
    [m.halfWidth, e.half_width],
    [m.lower, e.ci[0]],
    [m.upper, e.ci[1]],
  ] as const) {
    assert.ok(close(got, want), `${got} vs ${want}`);
  }
  assert.not.ok(close(m.lower, c.expected.wrong_for_contrast.z_based_n5_ci[0], 1e-3), 'not the z interval');
});

st('C19 n=2 and n=1: a wide interval, then an undefined one (NaN, never zero width)', () => {
  const c = knownCase('C19');
  const two = meanInterval(c.scenario.samples.n2);
  assert.ok(close(two.tCritical, c.expected.n2.t_crit_df1));
  assert.ok(close(two.lower, c.expected.n2.ci[0]) && close(two.upper, c.expected.n2.ci[1]));
  const one = meanInterval(c.scenario.samples.n1);
  assert.is(one.mean, 8);
  assert.ok(Number.isNaN(one.lower) && Number.isNaN(one.upper) && Number.isNaN(one.halfWidth));
});

st('a mean over samples that include "never" (Infinity) is infinite, with no interval', () => {
  const m = meanInterval([100, 120, Infinity]);
  assert.is(m.mean, Infinity);
  assert.ok(Number.isNaN(m.halfWidth));
});

st('Wilson interval: 8 of 10 at 95 % is (0.4902, 0.9433)', () => {
  // z = 1.959964, z²/n = 0.384146; centre = (0.8 + 0.192073) / 1.384146 = 0.716739;
  // half = 1.959964 / 1.384146 × √(0.016 + 0.009604) = 0.226580.
  const w = wilsonInterval(8, 10);
  assert.ok(close(w.lower, 0.490162, 1e-5), String(w.lower));
  assert.ok(close(w.upper, 0.943318, 1e-5), String(w.upper));
});

st('Wilson interval at the edges: 0 of 10 and 10 of 10', () => {
  // 10 of 10: lower = n / (n + z²) = 10 / 13.841459 = 0.722467; 0 of 10: upper = z² / (n + z²) = 0.277533.
  const all = wilsonInterval(10, 10);
  assert.is(all.upper, 1);
  assert.ok(close(all.lower, 0.722467, 1e-5), String(all.lower));
  const none = wilsonInterval(0, 10);
  assert.is(none.lower, 0);
  assert.ok(close(none.upper, 0.277533, 1e-5), String(none.upper));
  assert.throws(() => wilsonInterval(11, 10), /successes must be a whole number in \[0, 10\]/);
  assert.throws(() => wilsonInterval(1, 0), /n must be a whole number ≥ 1/);
});

st('quantiles interpolate (type 7) and let "never" sort last', () => {
  assert.equal(quantiles([15, 20, 35, 40, 50], [0, 0.4, 1]), [15, 29, 50]);
  assert.is(quantile([1, 2, 3, Infinity], 0.5), 2.5);
  assert.is(quantile([1, 2, 3, Infinity], 0.95), Infinity);
  assert.ok(Number.isNaN(quantile([], 0.5)));
});

st.run();
