/**
 * Monitors: running statistics for a model to keep. A {@link Tally} summarises observations
 * (waiting times, lateness); a {@link TimeWeighted} summarises a level over time (queue length,
 * units in use, stock).
 */
import { ArgumentError } from './errors.ts';

/**
 * Count, mean and variance (Welford's algorithm, numerically stable), min and max of observations.
 * With `keepSamples`, also any percentile on demand.
 */
export class Tally {
  private n = 0;
  private m = 0;
  private s = 0;
  private lo = Infinity;
  private hi = -Infinity;
  private readonly samples: number[] | null;

  constructor(options: { keepSamples?: boolean } = {}) {
    this.samples = options.keepSamples ? [] : null;
  }

  /** Adds one observation. @throws ArgumentError for NaN or an infinite value. */
  add(x: number): void {
    if (!Number.isFinite(x)) throw new ArgumentError('Tally.add', 'x', 'a finite number', x);
    this.n++;
    const d = x - this.m;
    this.m += d / this.n;
    this.s += d * (x - this.m);
    if (x < this.lo) this.lo = x;
    if (x > this.hi) this.hi = x;
    this.samples?.push(x);
  }

  get count(): number {
    return this.n;
  }
  /** Mean, or NaN with no observations. */
  get mean(): number {
    return this.n > 0 ? this.m : NaN;
  }
  /** Sample variance (divisor n − 1), or NaN with fewer than two observations. */
  get variance(): number {
    return this.n > 1 ? this.s / (this.n - 1) : NaN;
  }
  get sd(): number {
    return Math.sqrt(this.variance);
  }
  get min(): number {
    return this.n > 0 ? this.lo : NaN;
  }
  get max(): number {
    return this.n > 0 ? this.hi : NaN;
  }

  /**
   * The p-quantile (0 ≤ p ≤ 1) by linear interpolation between order statistics (type 7, the
   * default of R and numpy). @throws ArgumentError without `keepSamples` or for p outside [0, 1].
   */
  percentile(p: number): number {
    if (this.samples === null) throw new ArgumentError('Tally.percentile', 'keepSamples', 'true when the tally was created', false);
    if (!(p >= 0 && p <= 1)) throw new ArgumentError('Tally.percentile', 'p', 'a number in [0, 1]', p);
    if (this.samples.length === 0) return NaN;
    const sorted = [...this.samples].sort((a, b) => a - b);
    const h = (sorted.length - 1) * p;
    const i = Math.floor(h);
    const lower = sorted[i]!;
    const upper = sorted[Math.min(i + 1, sorted.length - 1)]!;
    return lower + (h - i) * (upper - lower);
  }
}

/**
 * A level that changes at points in time (a step function), summarised over time: its
 * time-average, the integral, min and max. The last segment, from the last change to `now`, counts.
 */
export class TimeWeighted {
  private level: number;
  private since: number;
  private start: number;
  private area = 0;
  private lo: number;
  private hi: number;

  /** @param time when observation starts (ticks) @param level the level then */
  constructor(time: number, level = 0) {
    if (!Number.isFinite(time)) throw new ArgumentError('TimeWeighted', 'time', 'a finite number', time);
    if (!Number.isFinite(level)) throw new ArgumentError('TimeWeighted', 'level', 'a finite number', level);
    this.start = time;
    this.since = time;
    this.level = level;
    this.lo = level;
    this.hi = level;
  }

  /** The level changes to `level` at `time` (not before the previous change). */
  record(time: number, level: number): void {
    if (!(time >= this.since)) throw new ArgumentError('TimeWeighted.record', 'time', `≥ the previous record (${this.since})`, time);
    if (!Number.isFinite(level)) throw new ArgumentError('TimeWeighted.record', 'level', 'a finite number', level);
    this.area += this.level * (time - this.since);
    this.since = time;
    this.level = level;
    if (level < this.lo) this.lo = level;
    if (level > this.hi) this.hi = level;
  }

  /** Current level. */
  get current(): number {
    return this.level;
  }
  get min(): number {
    return this.lo;
  }
  get max(): number {
    return this.hi;
  }

  /** Integral of the level from the start to `now` (level × ticks). */
  integral(now: number): number {
    if (!(now >= this.since)) throw new ArgumentError('TimeWeighted.integral', 'now', `≥ the last record (${this.since})`, now);
    return this.area + this.level * (now - this.since);
  }

  /** Time-average of the level from the start to `now`; NaN over an empty interval. */
  mean(now: number): number {
    const span = now - this.start;
    return span > 0 ? this.integral(now) / span : NaN;
  }

  /** Starts a fresh observation window at `time` (after a warm-up), keeping the current level. */
  reset(time: number): void {
    if (!(time >= this.since)) throw new ArgumentError('TimeWeighted.reset', 'time', `≥ the last record (${this.since})`, time);
    this.start = time;
    this.since = time;
    this.area = 0;
    this.lo = this.level;
    this.hi = this.level;
  }
}
