/**
 * What every DispatchPolicy must do, whatever its preferences. Each policy's test file runs this
 * suite on itself (one contract, several implementations, as hono tests its routers).
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { DispatchPolicy, MissionView } from '../../engine/model/dispatch.ts';

const missions: MissionView[] = [
  { id: 'a', priority: 1, deadlineMs: 5_000, modulesLeft: 3 },
  { id: 'b', priority: 0, deadlineMs: 9_000, modulesLeft: 2 },
  { id: 'c', priority: 2, deadlineMs: 1_000, modulesLeft: 0 },
  { id: 'd', priority: 0, deadlineMs: 2_000, modulesLeft: 7 },
];

export function dispatchContract(policy: DispatchPolicy): void {
  const c = suite(`DispatchPolicy contract: ${policy.name}`);

  c('chooses nothing when there is nothing to choose', () => {
    assert.is(policy.choose([], () => true), null);
    assert.is(
      policy.choose(missions, () => false),
      null,
    );
  });

  c('never chooses a mission with nothing left to ship, or one the truck cannot serve', () => {
    for (let mask = 0; mask < 16; mask++) {
      const servable = (m: MissionView) => (mask & (1 << missions.indexOf(m))) !== 0;
      const choice = policy.choose(missions, servable);
      const eligible = missions.filter((m) => servable(m) && m.modulesLeft > 0);
      if (eligible.length === 0) assert.is(choice, null);
      else assert.ok(choice !== null && eligible.includes(choice), `mask ${mask}: chose ${choice?.id}`);
    }
  });

  c('answers the same whatever the order of the candidates', () => {
    const first = policy.choose(missions, () => true);
    for (const order of [[...missions].reverse(), [missions[2]!, missions[0]!, missions[3]!, missions[1]!]]) {
      assert.is(policy.choose(order, () => true), first);
    }
  });

  c.run();
}
