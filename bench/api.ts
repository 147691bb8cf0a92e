/**
 * API latency and throughput: POST /v1/runs with the baseline at 100 replications, against a server
 * on 127.0.0.1 with 1 and then 2 worker threads; one client, then two clients at once. A bounded loop
 * of fetch (no load generator needed at these rates).
 *
 * Run: npm run bench:api [-- requests-per-client]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ApiConfig } from '../api/config.ts';
import { startServer } from '../api/server.ts';
import { quantiles } from '../engine/stats.ts';

const perClient = Number(process.argv[2] ?? 20);
const body = JSON.stringify({ scenario: 'baseline', replications: 100 });
const dir = mkdtempSync(path.join(tmpdir(), 'zhanbao-bench-'));

async function request(url: string): Promise<number> {
  const started = performance.now();
  const res = await fetch(`${url}/v1/runs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  if (res.status !== 200) throw new Error(`status ${res.status}: ${await res.text()}`);
  await res.arrayBuffer();
  return performance.now() - started;
}

console.log(`POST /v1/runs, baseline, 100 replications; ${perClient} requests per client after 3 warm-up requests`);
for (const workers of [1, 2]) {
  const server = await startServer(ApiConfig.parse({ port: 0, workers, dbPath: path.join(dir, `h${workers}.sqlite`), logLevel: 'silent', maxConcurrentRuns: 8 }), { handleSignals: false });
  try {
    for (let i = 0; i < 3; i++) await request(server.url);
    for (const clients of [1, 2]) {
      const latencies: number[] = [];
      const started = performance.now();
      await Promise.all(
        Array.from({ length: clients }, async () => {
          for (let i = 0; i < perClient; i++) latencies.push(await request(server.url));
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      const [p50, p99] = quantiles(latencies, [0.5, 0.99]) as [number, number];
      console.log(`  ${workers} worker${workers > 1 ? 's' : ' '}, ${clients} client${clients > 1 ? 's' : ' '}: ${(latencies.length / seconds).toFixed(2)} requests/s, p50 ${p50.toFixed(0)} ms, p99 ${p99.toFixed(0)} ms`);
    }
  } finally {
    await server.close();
  }
}
rmSync(dir, { recursive: true, force: true });
