/**
 * Kernel benchmark: an M/M/1 queue (λ = 0.9, μ = 1) with 1,000,000 customers, three ways, run
 * interleaved in one process so their ratios are comparable on a noisy machine:
 *   - generator processes + seeded draws (xor4096): what a model pays;
 *   - generator processes + precomputed draws: the kernel's own cost;
 *   - bare callbacks on the same event heap + precomputed draws: the floor (no processes at all).
 *
 * Run: npm run bench:kernel [-- customers rounds]
 */
import { Bench } from 'tinybench';
import { runQueue } from '../engine/examples/queue.ts';
import { EventQueue, packKey, type Scheduled } from '../engine/kernel/event-queue.ts';
import { RandomStream } from '../engine/random.ts';

const customers = Number(process.argv[2] ?? 1_000_000);
const rounds = Number(process.argv[3] ?? 3);
const LAMBDA = 0.9;
const SCALE = 1e6;

// Precomputed uniforms, drawn once (two per customer), as exponential variates in units.
const pre = new RandomStream('bench/kernel/pre');
const preArrivals = Float64Array.from({ length: customers }, () => pre.exponential(1 / LAMBDA));
const preServices = Float64Array.from({ length: customers }, () => pre.exponential(1));

let events = 0;
let checksum = 0;

function generators(seeded: boolean): void {
  const a = new RandomStream('bench/kernel/a');
  const s = new RandomStream('bench/kernel/s');
  let i = 0;
  let j = 0;
  const result = runQueue({
    servers: 1,
    customers,
    interarrival: seeded ? () => a.exponential(1 / LAMBDA) : () => preArrivals[i++]!,
    service: seeded ? () => s.exponential(1) : () => preServices[j++]!,
    ticksPerUnit: SCALE,
  });
  events = result.events;
  checksum += result.wq;
}

/** The same queue with plain callbacks on the kernel's heap: no processes, no resource objects. */
function bareCallbacks(): void {
  interface Ev extends Scheduled {
    kind: 0 | 1; // 0 arrival, 1 departure
  }
  const heap = new EventQueue<Ev>();
  let seq = 0;
  let now = 0;
  let busy = false;
  const line: number[] = [];
  let waitSum = 0;
  let served = 0;
  let arrived = 0;
  let n = 0;
  const at = (time: number, kind: 0 | 1) => heap.push({ _time: time, _key: packKey(1, seq++), kind });
  at(Math.round(preArrivals[arrived++]! * SCALE), 0);
  for (let ev = heap.pop(); ev !== undefined; ev = heap.pop()) {
    now = ev._time;
    n++;
    if (ev.kind === 0) {
      if (arrived < customers) at(now + Math.round(preArrivals[arrived++]! * SCALE), 0);
      if (busy) line.push(now);
      else {
        busy = true;
        at(now + Math.round(preServices[served++]! * SCALE), 1);
      }
    } else if (line.length > 0) {
      waitSum += now - line.shift()!;
      at(now + Math.round(preServices[served++]! * SCALE), 1);
    } else busy = false;
  }
  events = n;
  checksum += waitSum;
}

const bench = new Bench({ iterations: rounds, time: 0, warmupIterations: 1, warmupTime: 0 });
const eventsPerRun: Record<string, number> = {};
const add = (name: string, fn: () => void) =>
  bench.add(name, () => {
    fn();
    eventsPerRun[name] = events;
  });
add('generator processes, seeded draws', () => generators(true));
add('generator processes, precomputed draws', () => generators(false));
add('bare callbacks on the heap, precomputed draws', bareCallbacks);

await bench.run();

console.log(`M/M/1, λ = ${LAMBDA}, μ = 1, ${customers.toLocaleString('en')} customers, ${rounds} rounds each (median)`);
const rows = bench.tasks.map((t) => {
  const r = t.result as { latency?: { p50?: number }; period?: number } | undefined;
  const ms = r?.latency?.p50 ?? r?.period ?? NaN;
  return { name: t.name, ms, perS: customers / (ms / 1000), evPerS: (eventsPerRun[t.name] ?? NaN) / (ms / 1000) };
});
const base = rows[0]!.ms;
for (const r of rows) {
  console.log(
    `${r.name.padEnd(46)} ${(r.perS / 1000).toFixed(0).padStart(6)} k customers/s  ${(r.evPerS / 1e6).toFixed(2).padStart(5)} M events/s  ${(r.ms / 1000).toFixed(2)} s/run  ${(base / r.ms).toFixed(2)}x`,
  );
}
if (!Number.isFinite(checksum)) console.log('checksum', checksum);
