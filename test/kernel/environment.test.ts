import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ArgumentError, EmptySchedule, Environment, LimitExceeded, ticks, type ProcessGenerator } from '../../engine/kernel/index.ts';
import { knownCase } from '../helpers/cases.ts';
import { traceLog } from '../helpers/trace.ts';

const env = suite('Environment');

env('C09 run 1: a negative or NaN delay is an error at once; delay 0 runs after what is already queued', () => {
  const e = new Environment(5);
  const { log, at } = traceLog(e);
  e.timeout(0).callbacks!.push(() => at('already queued'));
  const pendingBefore = e.pending;
  assert.throws(() => e.timeout(-1), (err: unknown) => err instanceof ArgumentError && /delay/.test(err.message));
  assert.throws(() => e.timeout(NaN), (err: unknown) => err instanceof ArgumentError && /NaN/.test(err.message));
  assert.is(e.now, 5);
  assert.is(e.pending, pendingBefore, 'nothing was scheduled by the bad delays');
  e.timeout(0).callbacks!.push(() => at('delay 0'));
  e.run();
  assert.equal(log, [
    [5, 'already queued'],
    [5, 'delay 0'],
  ]);
});

env('C09 runs 2 and 3: an infinite delay means never; the clock stays finite', () => {
  const expected = knownCase('C09').expected;
  for (const until of [undefined, 100]) {
    const e = new Environment();
    const ends: Record<string, number> = {};
    function* truck(name: string, service: number): ProcessGenerator {
      yield e.timeout(service);
      ends[name] = e.now;
    }
    const t1 = e.process(truck('T1', 3));
    const t2 = e.process(truck('T2', Infinity));
    e.run(until === undefined ? {} : { until });
    const run = until === undefined ? expected.run2 : expected.run3;
    assert.is(e.now, run.final_clock);
    assert.is([t1, t2].filter((p) => !p.isAlive).length, run.completed);
    assert.is([t1, t2].filter((p) => p.isAlive).length, run.unfinished);
    assert.is(ends.T2, undefined, 'T2 never ends');
    assert.ok(Number.isFinite(e.now));
  }
});

env('C10: the horizon is half-open, and events at it wait for the next run', () => {
  // 1 tick = 0.1 min, so that 12.5 min is a whole number of ticks (125).
  const expected = knownCase('C10').expected;
  const e = new Environment();
  const executed: string[] = [];
  const at = (name: string, minutes: number) => {
    e.timeout(ticks(minutes, 10)).callbacks!.push(() => executed.push(name));
  };
  at('D', 5);
  at('A', 10);
  at('B', 10);
  at('C', 10);
  at('E', 12);
  e.run({ until: ticks(10, 10) });
  assert.equal(executed, expected.first_run_executed);
  assert.is(e.now / 10, expected.clock_after_first_run);
  assert.is(e.pending, expected.pending_after_first_run.length);
  executed.length = 0;
  e.run({ until: ticks(12.5, 10) });
  assert.equal(executed, expected.second_run_executed);
  assert.is(e.now / 10, expected.clock_after_second_run);
});

env('the clock is set to the horizon even when nothing is due then', () => {
  const e = new Environment();
  e.run({ until: 42 });
  assert.is(e.now, 42);
});

env('a horizon in the past or between ticks is rejected, naming the argument', () => {
  const e = new Environment(10);
  assert.throws(() => e.run({ until: 5 }), /until must be a whole number of ticks ≥ now \(10\); got 5/);
  assert.throws(() => e.run({ until: 12.5 }), /until/);
  assert.throws(() => e.timeout(1.5), /delay must be a whole number of ticks/);
});

env('decimal inputs add up as written once converted to ticks', () => {
  const MS_PER_H = 3_600_000;
  assert.is(0.1 + 0.2 === 0.3, false, 'in doubles they do not');
  assert.is(ticks(0.1, MS_PER_H) + ticks(0.2, MS_PER_H), ticks(0.3, MS_PER_H));
  const e = new Environment();
  let arrived = -1;
  e.process(
    (function* (): ProcessGenerator {
      yield e.timeout(ticks(0.1, MS_PER_H));
      yield e.timeout(ticks(0.2, MS_PER_H));
      arrived = e.now;
    })(),
  );
  e.run();
  assert.ok(arrived <= ticks(0.3, MS_PER_H), 'arriving exactly at the deadline is on time');
  assert.is(arrived, ticks(0.3, MS_PER_H));
});

env('step, peek and EmptySchedule', () => {
  const e = new Environment();
  assert.is(e.peek(), Infinity);
  assert.throws(() => e.step(), (err: unknown) => err instanceof EmptySchedule);
  e.timeout(7);
  e.timeout(3);
  assert.is(e.peek(), 3);
  e.step();
  assert.is(e.now, 3);
  assert.is(e.peek(), 7);
});

function* forever(e: Environment, delay: number): ProcessGenerator {
  for (;;) yield e.timeout(delay);
}

env('an event limit stops a runaway run with a clear error', () => {
  const e = new Environment();
  e.process(forever(e, 1));
  try {
    e.run({ maxEvents: 1000 });
    assert.unreachable('should have stopped');
  } catch (err) {
    assert.instance(err, LimitExceeded);
    assert.is((err as LimitExceeded).limit, 'events');
    assert.match((err as Error).message, /more than 1000 events/);
  }
});

env('a simulated-time limit stops a run before it passes the limit', () => {
  const e = new Environment();
  e.process(forever(e, 10));
  try {
    e.run({ maxTime: 500 });
    assert.unreachable('should have stopped');
  } catch (err) {
    assert.instance(err, LimitExceeded);
    assert.is((err as LimitExceeded).limit, 'simulated-time');
    assert.ok(e.now <= 500);
  }
});

env('a wall-time limit stops a run that never advances the clock', () => {
  const e = new Environment();
  e.process(forever(e, 0));
  try {
    e.run({ maxWallMs: 30 });
    assert.unreachable('should have stopped');
  } catch (err) {
    assert.instance(err, LimitExceeded);
    assert.is((err as LimitExceeded).limit, 'wall-time');
    assert.is(e.now, 0);
  }
});

env('a failed event that nobody handles stops the run with its error', () => {
  const e = new Environment();
  const ev = e.event();
  ev.fail(new Error('bridge collapsed'));
  assert.throws(() => e.run(), /bridge collapsed/);
});

env('a failure handled by a waiting process does not stop the run', () => {
  const e = new Environment();
  const ev = e.event();
  let caught = '';
  e.process(
    (function* (): ProcessGenerator {
      try {
        yield ev;
      } catch (err) {
        caught = (err as Error).message;
      }
    })(),
  );
  e.timeout(2).callbacks!.push(() => ev.fail(new Error('no fuel')));
  e.run();
  assert.is(caught, 'no fuel');
  assert.is(e.now, 2);
});

env('two environments in one process do not share state', () => {
  const a = new Environment();
  const b = new Environment();
  a.timeout(5);
  b.timeout(9);
  b.timeout(1);
  a.run();
  assert.is(a.now, 5);
  assert.is(b.now, 0);
  assert.is(b.pending, 2);
  b.run();
  assert.is(b.now, 9);
  assert.is(a.eventsProcessed, 1);
  assert.is(b.eventsProcessed, 2);
});

env.run();
