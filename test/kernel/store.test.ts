import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { Environment, Store, type ProcessGenerator } from '../../engine/kernel/index.ts';
import { traceLog } from '../helpers/trace.ts';

const store = suite('Store');

interface Truck {
  id: string;
  awd: boolean;
}

store('items come out oldest first; a getter waits for an item', () => {
  const env = new Environment();
  const { log, at } = traceLog(env);
  const yard = new Store<Truck>(env);
  env.process(
    (function* (): ProcessGenerator {
      const t: Truck = yield yard.get();
      at('got', t.id);
    })(),
  );
  env.timeout(4).callbacks!.push(() => {
    yard.put({ id: 'T1', awd: false });
    yard.put({ id: 'T2', awd: true });
  });
  env.run();
  assert.equal(log, [[4, 'got', 'T1']]);
  assert.equal(
    yard.items.map((t) => t.id),
    ['T2'],
  );
});

store('a filtered get takes the first item it accepts and does not hold up later gets', () => {
  const env = new Environment();
  const { log, at } = traceLog(env);
  const yard = new Store<Truck>(env);
  const getter = (name: string, filter?: (t: Truck) => boolean) =>
    env.process(
      (function* (): ProcessGenerator {
        const t: Truck = yield yard.get(filter);
        at(name, t.id);
      })(),
    );
  getter('needs AWD', (t) => t.awd);
  getter('any');
  env.timeout(1).callbacks!.push(() => yard.put({ id: 'T1', awd: false }));
  env.timeout(2).callbacks!.push(() => yard.put({ id: 'T2', awd: true }));
  env.run();
  assert.equal(log, [
    [1, 'any', 'T1'],
    [2, 'needs AWD', 'T2'],
  ]);
});

store('a put waits while the store is full', () => {
  const env = new Environment();
  const { log, at } = traceLog(env);
  const bays = new Store<string>(env, { capacity: 1 });
  env.process(
    (function* (): ProcessGenerator {
      yield bays.put('a');
      at('put a');
      yield bays.put('b');
      at('put b');
    })(),
  );
  env.timeout(3).callbacks!.push(() => bays.get());
  env.run();
  assert.equal(log, [
    [0, 'put a'],
    [3, 'put b'],
  ]);
  assert.throws(() => new Store(env, { capacity: 0 }), /capacity must be a whole number ≥ 1 or Infinity/);
});

store.run();
