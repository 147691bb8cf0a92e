/**
 * Searches over amounts of resources for the least that meets a target, assuming the target is
 * monotone: adding a unit of any resource never makes it fail where it was met. Each probe is a
 * simulation (hundreds of replications), so the searches aim at few probes: galloping then bisection
 * along one resource, and a staircase walk over the frontier for the cheapest combination. Probes are
 * expected to be cached by the caller (the searches may ask twice for the same amounts).
 */

/**
 * The least v in [lo, hi] with `met(v)`, or null if even `hi` is not enough. Starts at `start`
 * (the amount in the scenario): if that is met it gallops down (start − 1, − 2, − 4, ...), else up
 * (start + 1, + 2, + 4, ... , hi), then bisects between the last miss and the first hit. After it,
 * `least − 1` has been probed whenever it is ≥ lo, so the caller can show the evidence on both sides.
 */
export async function leastMeeting(met: (v: number) => Promise<boolean>, lo: number, hi: number, start: number): Promise<number | null> {
  if (!(Number.isSafeInteger(lo) && Number.isSafeInteger(hi) && lo <= hi)) throw new RangeError(`leastMeeting: need whole numbers lo ≤ hi; got ${lo}, ${hi}`);
  const s = Math.min(hi, Math.max(lo, start));
  let good: number;
  let bad: number;
  if (await met(s)) {
    good = s;
    let step = 1;
    for (;;) {
      if (good === lo) return lo;
      const v = Math.max(lo, good - step);
      if (await met(v)) {
        good = v;
        step *= 2;
      } else {
        bad = v;
        break;
      }
    }
  } else {
    bad = s;
    let step = 1;
    for (;;) {
      if (bad === hi) return null;
      const v = Math.min(hi, bad + step);
      if (await met(v)) {
        good = v;
        break;
      }
      bad = v;
      step *= 2;
    }
  }
  while (good - bad > 1) {
    const mid = Math.floor((bad + good) / 2);
    if (await met(mid)) good = mid;
    else bad = mid;
  }
  return good;
}

export interface Combination {
  amounts: number[];
  /** Σ weight × (amount − from). */
  cost: number;
}

/**
 * The cheapest amounts x, with from ≤ x ≤ to in every resource, that meet the target, by the cost
 * Σ weights[i] × (x[i] − from[i]); null if even `to` in every resource is not enough. Ties go to the
 * first found, in the order: the `known` answer (e.g. a single resource's), then the resources
 * lexicographically.
 *
 * The walk: for each amount of all resources but the last (in lexicographic order, stopping a line as
 * soon as its cost alone reaches the best so far), the least amount of the last resource that meets
 * the target. Along the innermost line that least amount can only fall (more of a resource never hurts),
 * so each step starts from the previous answer and usually costs one probe: a staircase along the
 * frontier between "met" and "not met".
 * @throws RangeError if the lengths differ, a bound is not a whole number, from > to, or a weight is not > 0.
 */
export async function cheapestCombination(
  met: (amounts: number[]) => Promise<boolean>,
  from: readonly number[],
  to: readonly number[],
  weights: readonly number[],
  known: Combination | null = null,
): Promise<Combination | null> {
  const d = from.length;
  if (to.length !== d || weights.length !== d || d === 0) throw new RangeError('cheapestCombination: from, to and weights need the same, non-zero length');
  for (let i = 0; i < d; i++) {
    if (!Number.isSafeInteger(from[i]) || !Number.isSafeInteger(to[i]) || from[i]! > to[i]!) throw new RangeError(`cheapestCombination: resource ${i}: need whole numbers from ≤ to; got ${from[i]}, ${to[i]}`);
    if (!(weights[i]! > 0 && Number.isFinite(weights[i]))) throw new RangeError(`cheapestCombination: resource ${i}: the weight must be > 0; got ${weights[i]}`);
  }
  const cost = (x: readonly number[]) => x.reduce((a, v, i) => a + weights[i]! * (v - from[i]!), 0);
  if (await met([...from])) return { amounts: [...from], cost: 0 };
  if (d === 1) {
    const least = await leastMeeting((v) => met([v]), from[0]!, to[0]!, from[0]!);
    return least !== null && (known === null || cost([least]) < known.cost - 1e-9) ? { amounts: [least], cost: cost([least]) } : known;
  }
  // No shortcut on the far corner (`to` everywhere): where the model is not monotone (a resource that
  // helps up to a point and then hurts), an answer inside the box must not be lost because the corner
  // misses. Each line below probes its own top instead.
  let best: Combination | null = known;
  const beats = (c: number) => best === null || c < best.cost - 1e-9;
  const last = d - 1;

  /** The least amount of the last resource meeting the target with `prefix`, if it beats the best cost. */
  const lastAmount = async (prefix: number[], hint: number | null): Promise<number | null> => {
    const lo = from[last]!;
    let cap = to[last]!;
    if (best !== null) cap = Math.min(cap, lo + Math.ceil((best.cost - cost([...prefix, lo])) / weights[last]!) - 1);
    if (hint !== null) cap = Math.min(cap, hint);
    if (cap < lo) return null;
    const at = (y: number) => met([...prefix, y]);
    // With a previous answer: the frontier falls in steps, so start there and go down. At it, the target
    // is met (more of an earlier resource never hurts): no need to probe it.
    if (hint !== null) {
      if (cap < hint && !(await at(cap))) return null;
      let good = cap;
      let bad: number | null = null;
      for (let step = 1; good > lo; step *= 2) {
        const y = Math.max(lo, good - step);
        if (await at(y)) good = y;
        else {
          bad = y;
          break;
        }
      }
      if (bad === null) return good;
      while (good - bad > 1) {
        const mid = Math.floor((bad + good) / 2);
        if (await at(mid)) good = mid;
        else bad = mid;
      }
      return good;
    }
    // Without one: one probe at the cap says whether this line can meet the target at all; then up
    // from the bottom, as small additions are the likely answers.
    if (!(await at(cap))) return null;
    return leastMeeting(at, lo, cap, lo);
  };

  const walk = async (k: number, prefix: number[]): Promise<void> => {
    let hint: number | null = null;
    for (let v = from[k]!; v <= to[k]!; v++) {
      const p = [...prefix, v];
      if (!beats(cost([...p, ...from.slice(k + 1)]))) break;
      if (k < last - 1) {
        await walk(k + 1, p);
        continue;
      }
      const y = await lastAmount(p, hint);
      if (y === null) continue;
      const c = cost([...p, y]);
      if (beats(c)) best = { amounts: [...p, y], cost: c };
      hint = y;
      if (y === from[last]) break;
    }
  };
  await walk(0, []);
  return best;
}
