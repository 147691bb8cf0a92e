import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ArgumentError, Container, Environment, type ProcessGenerator } from '../../engine/kernel/index.ts';
import { knownCase } from '../helpers/cases.ts';

const cont = suite('Container');

cont('C08: every waiting get and put that fits is served after each change', () => {
  const env = new Environment();
  const buffer = new Container(env, { capacity: 10, init: 0, monitor: true });
  const done: Record<string, number> = {};
  const levels: Record<string, number> = {};
  const act = (name: string, at: number, kind: 'put' | 'get', amount: number) =>
    env.process(
      (function* (): ProcessGenerator {
        yield env.timeout(at);
        yield kind === 'put' ? buffer.put(amount) : buffer.get(amount);
        done[name] = env.now;
      })(),
    );
  act('G1', 0, 'get', 2);
  act('G2', 1, 'get', 3);
  act('P1', 2, 'put', 5);
  act('P2', 3, 'put', 8);
  act('P3', 4, 'put', 4);
  act('G3', 5, 'get', 2);
  env.run({ until: 3 });
  levels.after_t2 = buffer.level;
  env.run({ until: 4 });
  levels.after_t3 = buffer.level;
  env.run();
  const e = knownCase('C08').expected;
  assert.is(done.G1, e.G1_done);
  assert.is(done.G2, e.G2_done);
  assert.is(levels.after_t2, e.level_after_t2);
  assert.is(done.P2, e.P2_done);
  assert.is(levels.after_t3, e.level_after_t3);
  assert.is(done.P3, e.P3_done);
  assert.is(done.G3, e.G3_done);
  assert.is(buffer.level, e.final_level);
  assert.is(buffer.levelStats!.max, e.max_level);
  assert.is(buffer.levelStats!.min, e.min_level);
});

cont('C07: a put or get above capacity is an error at once, not an endless wait', () => {
  const env = new Environment();
  const tank = new Container(env, { capacity: 100, init: 50 });
  const e = knownCase('C07').expected;
  assert.throws(() => tank.put(120), (err: unknown) => err instanceof ArgumentError && /put: amount must be a whole number in \[1, 100\]/.test((err as Error).message));
  assert.throws(() => tank.get(120), (err: unknown) => err instanceof ArgumentError && /get: amount/.test((err as Error).message));
  assert.ok(e.tank_put_120.startsWith('error') && e.tank_get_120.startsWith('error'));
  for (const bad of [0, -1, NaN, Infinity, 0.5]) assert.throws(() => tank.get(bad), /amount/);
  assert.equal(tank.waiting, { puts: 0, gets: 0 });
  assert.is(tank.level, 50);
});

cont('C13: loads in whole grams fill a truck exactly to its capacity', () => {
  // 1 t = 1,000,000 g. In doubles 0.1 + 0.2 + 0.3 = 0.6000000000000001 > 0.6 and the third load is refused.
  const e = knownCase('C13').expected;
  const g = (tonnes: number) => Math.round(tonnes * 1e6);
  const env = new Environment();
  const truck1 = new Container(env, { capacity: g(0.6) });
  const accepted: number[] = [];
  const rejected: number[] = [];
  for (const t of [0.1, 0.2, 0.3, 0.1]) {
    if (g(t) <= truck1.capacity - truck1.level) {
      truck1.put(g(t));
      accepted.push(t);
    } else rejected.push(t);
  }
  assert.equal(accepted, e.truck1_accepted);
  assert.equal(rejected, e.truck1_rejected);
  assert.is(truck1.level / 1e6, e.truck1_level);
  assert.is(truck1.level === truck1.capacity, e.truck1_full);

  const truck2 = new Container(env, { capacity: g(5), init: g(5) });
  assert.is(truck2.level === truck2.capacity, e.truck2_is_full);
  assert.is(truck2.capacity - truck2.level > 0, e.truck2_has_room);

  const room = g(0.3);
  assert.is(Math.floor(room / g(0.1)), e.truck3_crates);
});

cont('a container refuses fractional amounts, so float drift cannot creep in', () => {
  const env = new Environment();
  assert.throws(() => new Container(env, { capacity: 0.6 }), /capacity must be a whole number/);
  const c = new Container(env, { capacity: 600 });
  assert.throws(() => c.put(0.1), /use an integer unit such as grams/);
});

cont('a cancelled get at the head lets the one behind it through', () => {
  const env = new Environment();
  const stock = new Container(env, { capacity: 10, init: 3 });
  const big = stock.get(5);
  const small = stock.get(2);
  assert.not.ok(small.triggered, 'strict order: waits behind the larger get');
  big.cancel();
  assert.ok(small.triggered);
  assert.is(stock.level, 1);
});

cont.run();
