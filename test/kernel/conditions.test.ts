import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ConditionValue, Environment, type ProcessGenerator } from '../../engine/kernel/index.ts';
import { knownCase } from '../helpers/cases.ts';

const cond = suite('Conditions');

cond('C16: any-of fires once, empty all-of at once, all-of waits only for what remains, the loser resumes nothing', () => {
  const env = new Environment();
  const log: [number, string][] = [];
  let endedAt = -1;
  env.process(
    (function* (): ProcessGenerator {
      yield env.anyOf([env.timeout(5, 'arrive'), env.timeout(5, 'deadline')]);
      log.push([env.now, 'any-of']);
      yield env.allOf([]);
      log.push([env.now, 'empty all-of']);
      const c = env.timeout(0);
      yield c;
      yield env.allOf([c, env.timeout(2)]);
      log.push([env.now, 'all-of']);
      const arrival = env.timeout(1, 'arrival');
      const deadline = env.timeout(3, 'deadline');
      const won: ConditionValue = yield env.anyOf([arrival, deadline]);
      assert.ok(won.has(arrival) && !won.has(deadline));
      log.push([env.now, 'any-of (arrival wins)']);
      endedAt = env.now;
    })(),
  );
  env.run();
  const expected = knownCase('C16').expected;
  assert.equal(log, expected.resume_log);
  assert.is(log.length, expected.resumptions_total);
  assert.is(endedAt, 8);
  assert.is(log.some(([t]) => t === 10), expected.resumption_at_10);
});

cond('the value of an any-of holds every event processed by the time it is processed', () => {
  const env = new Environment();
  let value: ConditionValue | undefined;
  const a = env.timeout(5, 'arrive');
  const b = env.timeout(5, 'deadline');
  env.process(
    (function* (): ProcessGenerator {
      value = yield env.anyOf([a, b]);
    })(),
  );
  env.run();
  assert.equal(value!.values(), ['arrive', 'deadline']);
  assert.is(value!.get(b), 'deadline');
});

cond('all-of over already processed events succeeds at the current time', () => {
  const env = new Environment();
  const a = env.timeout(1, 'a');
  const b = env.timeout(2, 'b');
  let at = -1;
  let values: unknown[] = [];
  env.process(
    (function* (): ProcessGenerator {
      yield env.timeout(4);
      const v: ConditionValue = yield env.allOf([a, b]);
      at = env.now;
      values = v.values();
    })(),
  );
  env.run();
  assert.is(at, 4);
  assert.equal(values, ['a', 'b']);
});

cond('a failing member fails the condition, and the waiting process can catch it', () => {
  const env = new Environment();
  const bad = env.event();
  let caught = '';
  env.process(
    (function* (): ProcessGenerator {
      try {
        yield env.allOf([env.timeout(10), bad]);
      } catch (err) {
        caught = `${env.now}:${(err as Error).message}`;
      }
    })(),
  );
  env.timeout(3).callbacks!.push(() => bad.fail(new Error('road closed')));
  env.run();
  assert.is(caught, '3:road closed');
});

cond.run();
