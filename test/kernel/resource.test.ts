import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ArgumentError, Environment, Interrupt, Preempted, Resource, useResource, type ProcessGenerator } from '../../engine/kernel/index.ts';
import { knownCase } from '../helpers/cases.ts';

const res = suite('Resource');

interface JobLog {
  start?: number;
  end?: number;
  preemptedAt: number[];
  resumes: number[];
  activity: number;
}

/**
 * A job that needs `amount` units for `work` ticks, starting at `at`; if preempted it queues again
 * and resumes with the remaining work. Logs what happened to it.
 */
function job(env: Environment, dock: Resource, at: number, amount: number, work: number, priority = 0): JobLog {
  const log: JobLog = { preemptedAt: [], resumes: [], activity: 0 };
  env.process(
    (function* (): ProcessGenerator {
      yield env.timeout(at);
      let remaining = work;
      for (;;) {
        const req = dock.request({ amount, priority });
        try {
          yield req;
          if (log.start === undefined) log.start = env.now;
          else log.resumes.push(env.now);
          const began = env.now;
          try {
            yield env.timeout(remaining);
            log.activity += env.now - began;
            log.end = env.now;
            return;
          } catch (err) {
            if (!(err instanceof Interrupt && err.cause instanceof Preempted)) throw err;
            log.preemptedAt.push(env.now);
            log.activity += env.now - began;
            remaining -= env.now - began;
          }
        } finally {
          req.cancel();
        }
      }
    })(),
  );
  return log;
}

res('C01 C: a truck arriving as the bay frees starts at once', () => {
  const env = new Environment();
  const bay = new Resource(env, { capacity: 1 });
  job(env, bay, 0, 1, 5);
  const b = job(env, bay, 5, 1, 3);
  env.run();
  const expected = knownCase('C01').expected.C;
  assert.is(b.start, expected.B_start);
  assert.is(b.start! - 5, expected.B_wait);
  assert.is(b.end, expected.B_end);
});

res('C02: a holder that releases and asks again queues behind the one already waiting', () => {
  const env = new Environment();
  const bay = new Resource(env, { capacity: 1 });
  const spans: Record<string, [number, number]> = {};
  function* truck(name: string, at: number, jobs: string[]): ProcessGenerator {
    yield env.timeout(at);
    for (const j of jobs) {
      const req = bay.request();
      yield req;
      const start = env.now;
      yield env.timeout(5);
      bay.release(req);
      spans[j] = [start, env.now];
    }
  }
  env.process(truck('A', 0, ['A_job1', 'A_job2']));
  env.process(truck('B', 2, ['B']));
  env.run();
  const e = knownCase('C02').expected;
  assert.equal(spans.A_job1, e.A_job1);
  assert.equal(spans.B, e.B);
  assert.equal(spans.A_job2, e.A_job2);
  assert.is(spans.B![0] - 2, e.B_wait);
  assert.is(spans.A_job2![0] - 5, e.A_job2_wait);
});

res('C03 V1: strict FIFO, a small request does not overtake an earlier large one', () => {
  const env = new Environment();
  const dock = new Resource(env, { capacity: 10 });
  const a = job(env, dock, 0, 7, 10);
  const b = job(env, dock, 1, 7, 10);
  const c = job(env, dock, 2, 1, 10);
  env.run();
  const e = knownCase('C03').expected.V1;
  assert.equal([a.start, a.end], e.A);
  assert.equal([b.start, b.end], e.B);
  assert.equal([c.start, c.end], e.C);
});

res('C03 V2: preemption, resume with the remaining time, and no overtaking of the preempted job', () => {
  const env = new Environment();
  const dock = new Resource(env, { capacity: 10, preemptive: true });
  const a = job(env, dock, 0, 7, 10, 1);
  const b = job(env, dock, 1, 7, 10, 0);
  const c = job(env, dock, 2, 1, 10, 1);
  env.run();
  const e = knownCase('C03').expected.V2;
  assert.equal({ start: a.start, preempted_at: a.preemptedAt[0], resumes: a.resumes[0], end: a.end }, e.A);
  assert.equal([b.start, b.end], e.B);
  assert.equal([c.start, c.end], e.C);
});

res('C04 Big: only as many low-priority holders are preempted as needed, most recent and highest index first', () => {
  const env = new Environment();
  const dock = new Resource(env, { capacity: 10, preemptive: true, monitor: true });
  const lows = [1, 2, 3, 4, 5].map(() => job(env, dock, 0, 1, 10, 1));
  const h = job(env, dock, 1, 7, 10, 0);
  env.run();
  const e = knownCase('C04').expected.Big;
  assert.equal([h.start, h.end], e.H);
  lows.slice(0, 3).forEach((l) => assert.is(l.end, e.L1_L2_L3_end));
  const preempted = lows.flatMap((l, i) => (l.preemptedAt.length > 0 ? [`L${i + 1}`] : []));
  assert.equal(new Set(preempted), new Set(e.preempted));
  for (const l of [lows[3]!, lows[4]!]) {
    assert.equal(l.resumes, [e.L4_L5_resume]);
    assert.is(l.end, e.L4_L5_end);
  }
  const ends = [...lows, h].map((l) => l.end!).sort((x, y) => x - y);
  assert.equal(ends, [...e.end_times_multiset].sort((x: number, y: number) => x - y));
  for (const l of [...lows, h]) {
    assert.is(l.activity, e.activity_time_each);
    assert.ok(l.activity <= l.end! - l.start!, e.invariant);
  }
  assert.is(dock.inUseStats!.max, e.max_bays_in_use);
});

res('C04 Big: the victims are L5 then L4 (latest index first among equal start times)', () => {
  const env = new Environment();
  const dock = new Resource(env, { capacity: 10, preemptive: true });
  const victims: number[] = [];
  for (let i = 1; i <= 5; i++) {
    env.process(
      (function* (): ProcessGenerator {
        const req = dock.request({ priority: 1 });
        try {
          yield req;
          yield env.timeout(10);
        } catch (err) {
          if (err instanceof Interrupt && err.cause instanceof Preempted) victims.push(i);
        } finally {
          req.cancel();
        }
      })(),
    );
  }
  env.process(
    (function* (): ProcessGenerator {
      yield env.timeout(1);
      yield* useResource(dock, 10, { amount: 7, priority: 0 });
    })(),
  );
  env.run();
  assert.equal(
    victims.map((i) => `L${i}`),
    knownCase('C04').expected.Big.preempted,
  );
});

res('C04 Small: the preempted job resumes with what remained', () => {
  const env = new Environment();
  const bay = new Resource(env, { capacity: 1, preemptive: true });
  const low = job(env, bay, 0, 1, 10, 1);
  const high = job(env, bay, 3, 1, 4, 0);
  env.run();
  const e = knownCase('C04').expected.Small;
  assert.equal([high.start, high.end], e.high);
  assert.is(low.preemptedAt[0], e.low_preempted_at);
  assert.is(10 - (low.preemptedAt[0]! - low.start!), e.low_remaining);
  assert.is(low.resumes[0], e.low_resumes);
  assert.is(low.end, e.low_end);
  assert.is(low.activity, e.low_activity);
});

res('useResource gives the same end times as the hand-written job (C04 Big multiset)', () => {
  const env = new Environment();
  const dock = new Resource(env, { capacity: 10, preemptive: true });
  const ends: number[] = [];
  const start = (at: number, amount: number, priority: number) =>
    env.process(
      (function* (): ProcessGenerator {
        yield env.timeout(at);
        ends.push(yield* useResource(dock, 10, { amount, priority }));
      })(),
    );
  for (let i = 0; i < 5; i++) start(0, 1, 1);
  start(1, 7, 0);
  env.run();
  assert.equal(
    ends.sort((a, b) => a - b),
    [...knownCase('C04').expected.Big.end_times_multiset].sort((a: number, b: number) => a - b),
  );
});

res('C07: bad amounts fail at once; nothing waits forever', () => {
  const env = new Environment();
  const bays = new Resource(env, { capacity: 10 });
  const outcome: Record<string, string> = {};
  const ask = (name: string, amount: number) =>
    env.process(
      (function* (): ProcessGenerator {
        try {
          const req = bays.request({ amount });
          yield req;
          outcome[name] = `granted at t=${env.now}`;
          bays.release(req);
        } catch (err) {
          outcome[name] = err instanceof ArgumentError ? `error: ${err.message}` : 'other';
        }
      })(),
    );
  ask('R1', 12);
  ask('R2', 0);
  ask('R3', -1);
  ask('R4', 10);
  ask('R5', NaN);
  env.run();
  const e = knownCase('C07').expected;
  assert.match(outcome.R1!, /^error: .*amount must be a whole number in \[1, 10\]; got 12/);
  assert.match(outcome.R2!, /^error: .*got 0/);
  assert.match(outcome.R3!, /^error: .*got -1/);
  assert.is(outcome.R4, e.R4);
  assert.match(outcome.R5!, /^error: .*got NaN/);
  assert.is(bays.queue.length, e.entities_waiting_forever);
  assert.is(env.now, e.clock_after);
});

res('C07: the limit is the largest capacity the resource can ever have', () => {
  const env = new Environment();
  const crews = new Resource(env, { capacity: 2, maxCapacity: 6 });
  let granted = -1;
  env.process(
    (function* (): ProcessGenerator {
      yield crews.request({ amount: 5 }); // more than now, not more than ever: waits
      granted = env.now;
    })(),
  );
  env.timeout(40).callbacks!.push(() => crews.setCapacity(6)); // the called-in crew arrives
  env.run();
  assert.is(granted, 40);
  assert.throws(() => crews.request({ amount: 7 }), /amount must be a whole number in \[1, 6\]; got 7/);
  assert.throws(() => crews.setCapacity(7), /capacity must be a whole number in \[0, 6\]; got 7/);
});

res('C17: waiting requests are served by (priority, arrival); a free bay goes to whoever asks', () => {
  const env = new Environment();
  const bay = new Resource(env, { capacity: 1 });
  const starts: Record<string, number> = {};
  const order: string[] = [];
  const ask = (name: string, priority: number, at: number, hold: number) =>
    env.process(
      (function* (): ProcessGenerator {
        yield env.timeout(at);
        const req = bay.request({ priority });
        yield req;
        starts[name] = env.now;
        order.push(name);
        yield env.timeout(hold);
        bay.release(req);
      })(),
    );
  ask('X', 2, 0, 10);
  ask('A', 2, 1, 1);
  ask('B', 0, 2, 1);
  ask('C', 1, 3, 1);
  ask('D', 1, 4, 1);
  ask('E', 0, 5, 1);
  env.run();
  const e = knownCase('C17').expected;
  assert.equal([starts.X, starts.X! + 10], e.X);
  assert.equal(order.slice(1), e.order_after_X);
  assert.equal({ B: starts.B, E: starts.E, C: starts.C, D: starts.D, A: starts.A }, e.starts);
});

res('utilisation statistics include the last segment', () => {
  // One bay busy on [0, 6) and [8, 10); observed to t = 10: 8 of 10 ticks busy.
  const env = new Environment();
  const bay = new Resource(env, { capacity: 1, monitor: true });
  env.process(
    (function* (): ProcessGenerator {
      const r1 = bay.request();
      yield r1;
      yield env.timeout(6);
      bay.release(r1);
      yield env.timeout(2);
      const r2 = bay.request();
      yield r2;
      yield env.timeout(5);
    })(),
  );
  env.run({ until: 10 });
  assert.is(bay.inUseStats!.integral(10), 8);
  assert.is(bay.inUseStats!.mean(10), 0.8);
});

res('constructor arguments are checked and named', () => {
  const env = new Environment();
  assert.throws(() => new Resource(env, { capacity: -1 }), /Resource: capacity must be a whole number ≥ 0; got -1/);
  assert.throws(() => new Resource(env, { capacity: 2.5 }), /capacity/);
  assert.throws(() => new Resource(env, { capacity: 3, maxCapacity: 2 }), /maxCapacity/);
});

res.run();
