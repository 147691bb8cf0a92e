/**
 * Replications per second of the shipped baseline (16 missions, 17 depots, 80 trucks on the Liaoning
 * network): one core in this process, and the whole run of 1000 replications on 1 and 2 worker
 * threads (pool start-up included), interleaved so that their ratio is comparable.
 *
 * Run: npm run bench:baseline [-- replications-per-round]
 */
import { Bench } from 'tinybench';
import { prepareModel, simulate } from '../engine/model/build.ts';
import { runReplications } from '../engine/run/replicate.ts';
import { loadScenario, formatIssues } from '../scenarios/index.ts';

const perRound = Number(process.argv[2] ?? 1000);
const loaded = loadScenario('baseline');
if (!loaded.ok) throw new Error(formatIssues(loaded.issues));
const model = prepareModel(loaded.model);

let replication = 0;
let events = 0;
const single = new Bench({ time: 3000, warmupTime: 500 });
single.add('one replication, one core', () => {
  events = simulate(model, { seed: 2026, replication: replication++ }).events;
});
await single.run();
const t = single.tasks[0]!.result as { latency: { mean: number; p50: number; p99: number } };
console.log(`baseline, one replication in this thread (${single.tasks[0]!.runs} runs):`);
console.log(`  mean ${t.latency.mean.toFixed(2)} ms, p50 ${t.latency.p50.toFixed(2)} ms, p99 ${t.latency.p99.toFixed(2)} ms → ${(1000 / t.latency.mean).toFixed(0)} replications/s, ${((events / t.latency.mean) * 1000 / 1e6).toFixed(2)} M events/s`);

const whole = new Bench({ iterations: 3, time: 0, warmupIterations: 0, warmupTime: 0 });
for (const workers of [1, 2]) {
  whole.add(`${perRound} replications, ${workers} worker${workers > 1 ? 's' : ''}`, async () => {
    await runReplications(loaded.model, { replications: perRound, seed: 2026, workers });
  });
}
await whole.run();
console.log(`baseline, ${perRound} replications (3 rounds each, median):`);
const base = (whole.tasks[0]!.result as { latency: { p50: number } }).latency.p50;
for (const task of whole.tasks) {
  const ms = (task.result as { latency: { p50: number } }).latency.p50;
  console.log(`  ${task.name.padEnd(30)} ${(ms / 1000).toFixed(2)} s  ${((perRound / ms) * 1000).toFixed(0)} replications/s  speed-up ${(base / ms).toFixed(2)}x`);
}
