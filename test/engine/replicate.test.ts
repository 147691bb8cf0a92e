/**
 * Many replications: the same digests in this thread and on a pool, and work stopped at a deadline —
 * none starts after it, on any thread — without terminating the pool's threads.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { DeadlinePassed, runReplications } from '../../engine/run/replicate.ts';
import { WorkerPool } from '../../engine/run/pool.ts';
import { simulate } from '../../engine/model/build.ts';
import { LimitExceeded } from '../../engine/kernel/index.ts';
import { loadScenario } from '../../scenarios/index.ts';

const r = suite('replications');
const loaded = loadScenario('baseline');
if (!loaded.ok) throw new Error('baseline does not load');
const model = loaded.model;

r('a deadline already passed: no replication starts, in this thread or on a pool, and the pool still works', async () => {
  const past = Date.now() - 1;
  await runReplications(model, { replications: 3, seed: 1, deadline: past }).then(
    () => assert.unreachable('ran past its deadline'),
    (e: Error) => assert.instance(e, DeadlinePassed),
  );
  const pool = new WorkerPool(2);
  try {
    await runReplications(model, { replications: 4, seed: 1, pool, deadline: past }).then(
      () => assert.unreachable('ran past its deadline'),
      (e: Error) => assert.match(e.message, /stopped at the deadline before replication/), // its class is lost on the way back from a worker
    );
    const after = await runReplications(model, { replications: 4, seed: 1, pool });
    const here = await runReplications(model, { replications: 4, seed: 1 });
    assert.equal(after, here);
  } finally {
    await pool.close();
  }
});

r('a replication running at its deadline stops as at its wall-time limit', () => {
  try {
    simulate(model, { seed: 1, replication: 0, deadline: Date.now() });
    assert.unreachable('ran past its deadline');
  } catch (e) {
    assert.instance(e, LimitExceeded);
    assert.is((e as LimitExceeded).limit, 'wall-time');
  }
});

r('a deadline far ahead changes nothing', async () => {
  const free = await runReplications(model, { replications: 3, seed: 5 });
  const bounded = await runReplications(model, { replications: 3, seed: 5, deadline: Date.now() + 600_000 });
  assert.equal(bounded, free);
});

r.run();
