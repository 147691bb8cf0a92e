/**
 * The sizing searches on predicates whose answers are known: thresholds (met iff v ≥ t), and linear
 * frontiers (met iff Σ c·x ≥ T) whose cheapest point is checked against trying every point in the box.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import seedrandom from 'seedrandom';
import { cheapestCombination, leastMeeting } from '../../engine/sizing/search.ts';

const s = suite('sizing searches');

/** A predicate that records what it was asked. */
function probe(met: (x: number[]) => boolean) {
  const asked: string[] = [];
  return { asked, fn: async (x: number[]) => (asked.push(x.join(',')), met(x)) };
}

s('leastMeeting finds every threshold in [0, 100], from any start, in few probes', async () => {
  for (const start of [0, 7, 50, 100]) {
    for (let t = 0; t <= 101; t++) {
      const p = probe(([v]) => v! >= t);
      const least = await leastMeeting((v) => p.fn([v]), 0, 100, start);
      assert.is(least, t <= 100 ? t : null, `threshold ${t}, start ${start}`);
      // Galloping then bisection: at most 2 ⌈log2 101⌉ + 2 = 16 probes.
      assert.ok(new Set(p.asked).size <= 16, `${p.asked.length} probes for threshold ${t}, start ${start}`);
      // The evidence on both sides was probed: the answer and one less.
      if (least !== null && least > 0) assert.ok(p.asked.includes(String(least - 1)) && p.asked.includes(String(least)));
    }
  }
});

s('leastMeeting: a start already met gallops down; the bottom of the range is an answer', async () => {
  const p = probe(([v]) => v! >= 3);
  assert.is(await leastMeeting((v) => p.fn([v]), 1, 20, 10), 3);
  assert.equal(p.asked.slice(0, 4), ['10', '9', '7', '3']);
  assert.is(await leastMeeting(async () => true, 1, 20, 10), 1);
  assert.is(await leastMeeting(async () => false, 1, 20, 10), null);
  let error: unknown = null;
  await leastMeeting(async () => true, 5, 4, 4).catch((e: unknown) => (error = e));
  assert.instance(error, RangeError);
});

s('cheapestCombination: met iff 2a + b ≥ 10; the cost decides between the resources', async () => {
  const met = async ([a, b]: number[]) => 2 * a! + b! >= 10;
  // Cost a + b: a = 5, b = 0 (cost 5) beats a = 0, b = 10 (cost 10).
  assert.equal(await cheapestCombination(met, [0, 0], [10, 10], [1, 1]), { amounts: [5, 0], cost: 5 });
  // Cost 3a + b = a + 10 along the frontier: a = 0, b = 10.
  assert.equal(await cheapestCombination(met, [0, 0], [10, 10], [3, 1]), { amounts: [0, 10], cost: 10 });
  // Nothing needed when `from` is met; null when not even `to` is.
  assert.equal(await cheapestCombination(met, [5, 0], [10, 10], [1, 1]), { amounts: [5, 0], cost: 0 });
  assert.is(await cheapestCombination(met, [0, 0], [3, 3], [1, 1]), null);
});

s('cheapestCombination agrees with trying every point, on 200 random monotone frontiers in 2 and 3 dimensions', async () => {
  const rng = seedrandom.tychei('zhanbao/test/cheapest');
  const int = (n: number) => Math.floor(rng.double() * n);
  for (let trial = 0; trial < 200; trial++) {
    const d = 2 + (trial % 2);
    const c = Array.from({ length: d }, () => 1 + int(4));
    const threshold = 5 + int(30);
    const weights = Array.from({ length: d }, () => 1 + int(5) + (int(2) === 0 ? 0.5 : 0));
    const from = Array.from({ length: d }, () => int(3));
    const to = from.map((f) => f + 4 + int(8));
    const metNow = (x: number[]) => x.reduce((a, v, i) => a + c[i]! * v, 0) >= threshold;
    const cost = (x: number[]) => x.reduce((a, v, i) => a + weights[i]! * (v - from[i]!), 0);
    let best: number | null = null;
    const visit = (k: number, x: number[]) => {
      if (k === d) {
        if (metNow(x) && (best === null || cost(x) < best)) best = cost(x);
        return;
      }
      for (let v = from[k]!; v <= to[k]!; v++) visit(k + 1, [...x, v]);
    };
    visit(0, []);
    const p = probe(metNow);
    const found = await cheapestCombination(p.fn, from, to, weights);
    const label = `trial ${trial}: c ${c}, T ${threshold}, w ${weights}, from ${from}, to ${to}`;
    if (best === null) assert.is(found, null, label);
    else {
      assert.ok(found !== null, label);
      assert.ok(Math.abs(found!.cost - best) < 1e-9, `${label}: found ${found!.cost}, best ${best}`);
      assert.ok(metNow(found!.amounts), label);
    }
    // Far fewer probes than points in the box.
    const points = to.reduce((a, t, i) => a * (t - from[i]! + 1), 1);
    assert.ok(new Set(p.asked).size < points, `${label}: ${new Set(p.asked).size} probes for ${points} points`);
  }
});

s.run();

const n = suite('search where more is not always better');

n('an answer inside the box is found even though the far corner misses', async () => {
  // Met only where x + y ≥ 5 and x ≤ 4 (beyond 4, x hurts): the corner (9, 9) misses; the cheapest at
  // weights 1, 1 from (0, 0) costs 5, e.g. (0, 5).
  const met = async ([x, y]: number[]) => x! + y! >= 5 && x! <= 4;
  const found = await cheapestCombination(met, [0, 0], [9, 9], [1, 1]);
  assert.is(found?.cost, 5);
  assert.ok(found !== null && (await met(found.amounts)));
});

n.run();
