/**
 * The kernel against queueing theory. Each test runs independent replications (seeded by index)
 * and checks that the Student-t interval of the replication means contains the theoretical value,
 * and that the interval is narrow enough for the check to mean something. At ρ = 0.9 a replication's
 * mean wait is right-skewed (long busy periods), so a 95 % interval over a few replications misses
 * more often than 5 %: those checks use 20 replications and a 99 % interval. C26 uses 95 % as stated.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { runQueue, type QueueResult } from '../../engine/examples/queue.ts';
import { Streams } from '../../engine/random.ts';
import { meanInterval } from '../../engine/stats.ts';
import { knownCase } from '../helpers/cases.ts';

const q = suite('queueing theory');

function replicate(n: number, name: string, run: (streams: Streams) => QueueResult): QueueResult[] {
  return Array.from({ length: n }, (_, r) => run(new Streams(name, r)));
}

function contains(samples: number[], value: number, maxHalfWidth: number, what: string, confidence = 0.95): void {
  const ci = meanInterval(samples, confidence);
  assert.ok(ci.lower <= value && value <= ci.upper, `${what}: ${value} outside [${ci.lower.toFixed(4)}, ${ci.upper.toFixed(4)}]`);
  assert.ok(ci.halfWidth < maxHalfWidth, `${what}: interval half-width ${ci.halfWidth} too wide to test anything`);
}

function mm(streams: Streams, servers: number, lambda: number, mu: number, warmup: number, horizon: number, deterministic = false): QueueResult {
  const a = streams.get('arrivals');
  const s = streams.get('service');
  return runQueue({
    servers,
    interarrival: () => a.exponential(1 / lambda),
    service: deterministic ? () => 1 / mu : () => s.exponential(1 / mu),
    warmup,
    horizon,
  });
}

q('M/M/1, λ = 0.9, μ = 1: mean wait in queue ρ/(μ − λ) = 9', () => {
  const runs = replicate(20, 'mm1-0.9', (s) => mm(s, 1, 0.9, 1, 4_000, 44_000));
  contains(
    runs.map((r) => r.wq),
    9,
    0.8,
    'Wq',
    0.99,
  );
});

q('M/M/3, λ = 2.7, μ = 1: Erlang C gives a mean wait of 2.7235', () => {
  // a = 2.7, ρ = 0.9: C = (a³/3!)/(1 − ρ) / (1 + a + a²/2 + (a³/3!)/(1 − ρ)) = 32.805 / 40.15 = 0.81706;
  // Wq = C / (cμ − λ) = 0.81706 / 0.3 = 2.72354.
  const runs = replicate(20, 'mm3-2.7', (s) => mm(s, 3, 2.7, 1, 1_000, 11_000));
  contains(
    runs.map((r) => r.wq),
    2.72354,
    0.4,
    'Wq',
    0.99,
  );
});

q('M/D/1, λ = 0.9, D = 1: Pollaczek–Khinchine gives λE[S²]/(2(1 − ρ)) = 4.5', () => {
  const runs = replicate(20, 'md1-0.9', (s) => mm(s, 1, 0.9, 1, 3_000, 28_000, true));
  contains(
    runs.map((r) => r.wq),
    4.5,
    0.5,
    'Wq',
    0.99,
  );
});

q("Little's law L = λW holds on every run, in and out of the queue", () => {
  for (const r of replicate(4, 'little', (s) => mm(s, 2, 1.5, 1, 1_000, 21_000))) {
    assert.ok(Math.abs(r.l - r.arrivalRate * r.w) / r.l < 0.01, `L ${r.l} vs λW ${r.arrivalRate * r.w}`);
    assert.ok(Math.abs(r.lq - r.arrivalRate * r.wq) / r.lq < 0.01, `Lq ${r.lq} vs λWq ${r.arrivalRate * r.wq}`);
  }
});

q('C26: M/M/1 at ρ = 0.5: ρ, L, Lq, W and Wq inside their intervals; utilisation in [0, 1]', () => {
  const e = knownCase('C26').expected;
  const runs = replicate(10, 'C26', (s) => mm(s, 1, 0.5, 1, 1_000, 101_000));
  for (const r of runs) assert.ok(r.utilisation >= 0 && r.utilisation <= 1, e.per_replication_utilisation_in_0_1);
  contains(
    runs.map((r) => r.utilisation),
    e.rho,
    0.02,
    'ρ',
  );
  contains(
    runs.map((r) => r.l),
    e.L,
    0.1,
    'L',
  );
  contains(
    runs.map((r) => r.lq),
    e.Lq,
    0.1,
    'Lq',
  );
  contains(
    runs.map((r) => r.w),
    e.W_min,
    0.2,
    'W',
  );
  contains(
    runs.map((r) => r.wq),
    e.Wq_min,
    0.2,
    'Wq',
  );
});

q.run();
