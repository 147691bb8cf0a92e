import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { Environment, SimEvent } from '../../engine/kernel/index.ts';
import { EventQueue, packKey, type Scheduled } from '../../engine/kernel/event-queue.ts';
import { RandomStream } from '../../engine/random.ts';
import { knownCase } from '../helpers/cases.ts';

const queue = suite('EventQueue');

/** Schedules a named event at `time` with `priority`; processing appends the name to `order`. */
function named(env: Environment, order: string[], name: string, priority: number, time: number): void {
  const e = new SimEvent(env);
  e.callbacks!.push(() => order.push(name));
  e._ok = true;
  env.schedule(e, priority, time - env.now);
}

queue('C01 A: same time runs by priority, then in scheduling order', () => {
  const env = new Environment();
  const order: string[] = [];
  named(env, order, 'E1', 0, 10);
  named(env, order, 'E2', 0, 10);
  named(env, order, 'E3', -1, 10);
  named(env, order, 'E4', 0, 10);
  env.run();
  assert.equal(order, knownCase('C01').expected.A_order);
});

queue('C01 B: 2000 interleaved no-op ties do not disturb the order', () => {
  const env = new Environment();
  const order: string[] = [];
  named(env, order, 'E1', 0, 10);
  for (let i = 0; i < 1000; i++) named(env, order, `noop${i}`, 0, 10);
  named(env, order, 'E2', 0, 10);
  named(env, order, 'E3', -1, 10);
  named(env, order, 'E4', 0, 10);
  for (let i = 1000; i < 2000; i++) named(env, order, `noop${i}`, 0, 10);
  env.run();
  assert.equal(
    order.filter((n) => n.startsWith('E')),
    knownCase('C01').expected.B_order_of_E_events,
  );
  // The no-ops themselves keep scheduling order too: noop0..noop999 then noop1000..noop1999.
  assert.equal(
    order.filter((n) => n.startsWith('noop')),
    Array.from({ length: 2000 }, (_, i) => `noop${i}`),
  );
});

queue('25 ties at one time and priority come out first-in first-out (ids would sort 10 before 9)', () => {
  const env = new Environment();
  const order: string[] = [];
  for (let i = 0; i < 25; i++) named(env, order, `event-${i}`, 1, 7);
  env.run();
  assert.equal(order, Array.from({ length: 25 }, (_, i) => `event-${i}`));
});

queue('pops in the order of a stable sort by (time, priority) for random input', () => {
  const rng = new RandomStream('event-queue-property');
  for (let round = 0; round < 20; round++) {
    const q = new EventQueue<Scheduled & { id: number; priority: number }>();
    const items: { _time: number; _key: number; id: number; priority: number }[] = [];
    for (let i = 0; i < 500; i++) {
      const priority = Math.floor(rng.next() * 3) - 1;
      const item = { _time: Math.floor(rng.next() * 20), _key: packKey(priority, i), id: i, priority };
      items.push(item);
      q.push(item);
      if (rng.next() < 0.3) {
        // Interleave pops: the popped item must be the minimum of what is in the queue.
        const popped = q.pop()!;
        const remaining = items.filter((x) => x !== popped);
        const min = [...remaining, popped].sort((a, b) => a._time - b._time || a.priority - b.priority || a.id - b.id)[0]!;
        assert.is(popped.id, min.id);
        items.splice(items.indexOf(popped), 1);
      }
    }
    const expected = [...items].sort((a, b) => a._time - b._time || a.priority - b.priority || a.id - b.id).map((x) => x.id);
    const got: number[] = [];
    for (let x = q.pop(); x !== undefined; x = q.pop()) got.push(x.id);
    assert.equal(got, expected);
  }
});

queue('packKey orders by priority first, then by sequence', () => {
  assert.ok(packKey(-1, 5000) < packKey(0, 0));
  assert.ok(packKey(0, 9) < packKey(0, 10));
  assert.ok(packKey(1, 0) > packKey(0, 2 ** 38 - 1));
});

queue.run();
