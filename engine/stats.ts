/**
 * Statistics over replications: a mean with its Student-t interval, a proportion with its Wilson
 * interval, and quantiles. The critical values come from stdlib's quantile functions, never a
 * hard-coded 1.96 (with 5 replications the t value is 2.776, and 1.96 would cover only 88 %).
 */
import { mean as mathMean, quantileSeq, std } from 'mathjs';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';

export interface MeanInterval {
  n: number;
  mean: number;
  /** Sample standard deviation (divisor n − 1); NaN for n < 2. */
  sd: number;
  /** Standard error sd / √n; NaN for n < 2. */
  se: number;
  /** t quantile at (1 + confidence) / 2 with n − 1 degrees of freedom; NaN for n < 2. */
  tCritical: number;
  halfWidth: number;
  lower: number;
  upper: number;
  confidence: number;
}

export interface ProportionInterval {
  successes: number;
  n: number;
  estimate: number;
  lower: number;
  upper: number;
  confidence: number;
}

function checkConfidence(where: string, confidence: number): void {
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`${where}: confidence must be in (0, 1); got ${confidence}`);
}

/**
 * Mean of `samples` with a two-sided Student-t interval. With fewer than two samples the interval is
 * undefined and reported as NaN (never as zero width). If any sample is infinite, so is the mean.
 */
export function meanInterval(samples: readonly number[], confidence = 0.95): MeanInterval {
  checkConfidence('meanInterval', confidence);
  const n = samples.length;
  if (n === 0) return { n, mean: NaN, sd: NaN, se: NaN, tCritical: NaN, halfWidth: NaN, lower: NaN, upper: NaN, confidence };
  const finite = samples.every(Number.isFinite);
  const mean = finite ? (mathMean(samples as number[]) as number) : samples.some((x) => x === Infinity) ? Infinity : NaN;
  if (n < 2 || !finite) return { n, mean, sd: NaN, se: NaN, tCritical: NaN, halfWidth: NaN, lower: NaN, upper: NaN, confidence };
  const sd = std(samples as number[], 'unbiased') as unknown as number;
  const se = sd / Math.sqrt(n);
  const tCritical = tQuantile((1 + confidence) / 2, n - 1);
  const halfWidth = tCritical * se;
  return { n, mean, sd, se, tCritical, halfWidth, lower: mean - halfWidth, upper: mean + halfWidth, confidence };
}

/**
 * Wilson score interval for a proportion (good at 0 and 1, unlike the normal approximation).
 * @throws RangeError unless 0 ≤ successes ≤ n are whole numbers and n ≥ 1.
 */
export function wilsonInterval(successes: number, n: number, confidence = 0.95): ProportionInterval {
  checkConfidence('wilsonInterval', confidence);
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`wilsonInterval: n must be a whole number ≥ 1; got ${n}`);
  if (!Number.isSafeInteger(successes) || successes < 0 || successes > n) {
    throw new RangeError(`wilsonInterval: successes must be a whole number in [0, ${n}]; got ${successes}`);
  }
  const z = normalQuantile((1 + confidence) / 2, 0, 1);
  const p = successes / n;
  const z2n = (z * z) / n;
  const centre = (p + z2n / 2) / (1 + z2n);
  const half = (z / (1 + z2n)) * Math.sqrt((p * (1 - p)) / n + z2n / (4 * n));
  return {
    successes,
    n,
    estimate: p,
    lower: successes === 0 ? 0 : Math.max(0, centre - half),
    upper: successes === n ? 1 : Math.min(1, centre + half),
    confidence,
  };
}

/**
 * The p-quantiles of `samples` by linear interpolation between order statistics (R's type 7, as
 * mathjs computes it). Infinite samples (a target never reached) are allowed and sort last.
 */
export function quantiles(samples: readonly number[], ps: readonly number[]): number[] {
  if (samples.length === 0) return ps.map(() => NaN);
  return quantileSeq(samples as number[], ps as number[]) as unknown as number[];
}

/** One quantile; see {@link quantiles}. */
export function quantile(samples: readonly number[], p: number): number {
  return quantiles(samples, [p])[0]!;
}
