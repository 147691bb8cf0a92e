import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ArgumentError, Container, Environment, Interrupt, Process, Resource, URGENT, type ProcessGenerator } from '../../engine/kernel/index.ts';
import { traceLog } from '../helpers/trace.ts';

const intr = suite('Interrupts');

intr('an interrupt reaches the process with its cause, and the process goes on', () => {
  const env = new Environment();
  const { log, at } = traceLog(env);
  const truck = env.process(
    (function* (): ProcessGenerator {
      try {
        yield env.timeout(60);
        at('arrived');
      } catch (err) {
        assert.instance(err, Interrupt);
        at('interrupted', (err as Interrupt).cause);
        yield env.timeout(15); // detour
        at('arrived by detour');
      }
    })(),
  );
  env.timeout(20).callbacks!.push(() => truck.interrupt({ kind: 'road-closed', roadId: 'G15-3' }));
  env.run();
  assert.equal(log, [
    [20, 'interrupted', { kind: 'road-closed', roadId: 'G15-3' }],
    [35, 'arrived by detour'],
  ]);
});

intr('a process interrupted while waiting for a resource leaves the queue (finally cancels)', () => {
  const env = new Environment();
  const { log, at } = traceLog(env);
  const dock = new Resource(env, { capacity: 1 });
  function* user(name: string, hold: number): ProcessGenerator {
    const req = dock.request();
    try {
      yield req;
      at('got', name);
      yield env.timeout(hold);
    } catch (err) {
      at('gave up', name, (err as Interrupt).cause);
    } finally {
      req.cancel();
    }
  }
  env.process(user('A', 10));
  const b = env.process(user('B', 10));
  env.process(user('C', 10));
  env.timeout(5).callbacks!.push(() => b.interrupt('recalled'));
  env.run();
  assert.equal(log, [
    [0, 'got', 'A'],
    [5, 'gave up', 'B', 'recalled'],
    [10, 'got', 'C'],
  ]);
  assert.is(dock.inUse, 0);
  assert.is(dock.queue.length, 0);
});

intr('a process killed by an interrupt it does not catch releases what it holds', () => {
  const env = new Environment();
  const dock = new Resource(env, { capacity: 2 });
  const tank = new Container(env, { capacity: 100, init: 0 });
  let failure: unknown;
  const victim = env.process(
    (function* (): ProcessGenerator {
      const req = dock.request({ amount: 2 });
      const get = tank.get(50); // waits: the tank is empty
      try {
        yield req;
        yield get;
      } finally {
        req.cancel();
        get.cancel();
      }
    })(),
  );
  env.process(
    (function* (): ProcessGenerator {
      try {
        yield victim;
      } catch (err) {
        failure = err;
      }
    })(),
  );
  env.timeout(3).callbacks!.push(() => victim.interrupt('shift over'));
  env.run();
  assert.instance(failure, Interrupt);
  assert.is(dock.inUse, 0);
  assert.equal(tank.waiting, { puts: 0, gets: 0 });
  assert.not.ok(victim.isAlive);
});

intr('a process cannot interrupt itself, nor can an ended process be interrupted', () => {
  const env = new Environment();
  let selfError: unknown;
  const me: { process?: Process } = {};
  const self = env.process(
    (function* (): ProcessGenerator {
      try {
        me.process!.interrupt();
      } catch (err) {
        selfError = err;
      }
      yield env.timeout(1);
    })(),
  );
  me.process = self;
  env.run();
  assert.instance(selfError, ArgumentError);
  assert.throws(() => self.interrupt(), /Process.interrupt: process must be alive/);
});

intr('an interrupt for a process that ends before it is delivered is dropped', () => {
  const env = new Environment();
  const signal = env.event();
  const p = env.process(
    (function* (): ProcessGenerator<string> {
      yield signal;
      return 'done';
    })(),
  );
  env.timeout(5).callbacks!.push(() => {
    signal.succeed(undefined, URGENT); // processed before the interrupt, which is scheduled after it
    p.interrupt('too late');
  });
  env.run(); // does not throw: the interrupt found the process ended
  assert.is(p.value, 'done');
});

intr.run();
