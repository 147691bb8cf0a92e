import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ArgumentError, Environment, Resource, type ProcessGenerator } from '../../engine/kernel/index.ts';
import { traceLog } from '../helpers/trace.ts';

const proc = suite('Process');

proc('a small car-wash run, traced whole', () => {
  // Two washing bays, wash 5, cars arrive at 0, 1, 2, 3: cars 0 and 1 wash at once, 2 and 3 wait.
  const env = new Environment();
  const { log, at } = traceLog(env);
  const bays = new Resource(env, { capacity: 2 });
  function* car(id: number): ProcessGenerator {
    at('arrive', id);
    const request = bays.request();
    try {
      yield request;
      at('enter', id);
      yield env.timeout(5);
      at('leave', id);
    } finally {
      request.cancel();
    }
  }
  env.process(
    (function* (): ProcessGenerator {
      for (let id = 0; id < 4; id++) {
        env.process(car(id));
        yield env.timeout(1);
      }
    })(),
  );
  env.run();
  assert.equal(log, [
    [0, 'arrive', 0],
    [0, 'enter', 0],
    [1, 'arrive', 1],
    [1, 'enter', 1],
    [2, 'arrive', 2],
    [3, 'arrive', 3],
    [5, 'leave', 0],
    [5, 'enter', 2],
    [6, 'leave', 1],
    [6, 'enter', 3],
    [10, 'leave', 2],
    [11, 'leave', 3],
  ]);
});

proc('a process waits for another and receives its return value', () => {
  const env = new Environment();
  const { log, at } = traceLog(env);
  function* load(): ProcessGenerator<number> {
    yield env.timeout(30);
    return 11; // pallets loaded
  }
  env.process(
    (function* (): ProcessGenerator {
      const pallets: number = yield env.process(load());
      at('loaded', pallets);
    })(),
  );
  env.run();
  assert.equal(log, [[30, 'loaded', 11]]);
});

proc('an error thrown by a process reaches the process waiting for it', () => {
  const env = new Environment();
  let caught: unknown;
  function* breaksDown(): ProcessGenerator {
    yield env.timeout(4);
    throw new Error('engine failure');
  }
  env.process(
    (function* (): ProcessGenerator {
      try {
        yield env.process(breaksDown());
      } catch (err) {
        caught = err;
      }
    })(),
  );
  env.run();
  assert.instance(caught, Error);
  assert.is((caught as Error).message, 'engine failure');
  assert.is(env.now, 4);
});

proc('an error in a process nobody waits for stops the run', () => {
  const env = new Environment();
  env.process(
    (function* (): ProcessGenerator {
      yield env.timeout(1);
      throw new Error('unhandled');
    })(),
  );
  assert.throws(() => env.run(), /unhandled/);
});

proc('yielding something that is not an event throws into the process, so its finally runs', () => {
  const env = new Environment();
  let cleaned = false;
  let caught: unknown;
  env.process(
    (function* (): ProcessGenerator {
      try {
        yield 42 as never;
      } catch (err) {
        caught = err;
      } finally {
        cleaned = true;
      }
    })(),
  );
  env.run();
  assert.instance(caught, ArgumentError);
  assert.match((caught as Error).message, /yielded value must be an event of this environment; got 42/);
  assert.ok(cleaned);
});

proc('a process must be given a generator object', () => {
  const env = new Environment();
  assert.throws(
    () => env.process((function* () {}) as never),
    (err: unknown) => err instanceof ArgumentError && /call the function\*/.test((err as Error).message),
  );
});

proc('yielding an already processed event resumes at once, at the same time', () => {
  const env = new Environment();
  const { log, at } = traceLog(env);
  const done = env.timeout(1, 'ready');
  env.process(
    (function* (): ProcessGenerator {
      yield env.timeout(5);
      const v: string = yield done; // processed at 1, long ago
      at('resumed', v);
    })(),
  );
  env.run();
  assert.equal(log, [[5, 'resumed', 'ready']]);
});

proc('a process starts at the instant it is created, before ordinary events of that instant', () => {
  const env = new Environment();
  const { log, at } = traceLog(env);
  env.timeout(0).callbacks!.push(() => at('timeout'));
  env.process(
    (function* (): ProcessGenerator {
      at('started');
      yield env.timeout(0);
    })(),
  );
  env.run();
  assert.equal(log, [
    [0, 'started'],
    [0, 'timeout'],
  ]);
});

proc.run();
