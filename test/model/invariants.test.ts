/**
 * Invariants on the real scenarios: kit is neither created nor lost, no stock goes negative (the
 * model checks both at the end of every replication and throws), no truck is in two places, and the
 * phases of a completed target add up to its completion time.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { prepareModel, simulate } from '../../engine/model/build.ts';
import { loadScenario, shippedScenarios } from '../../scenarios/index.ts';

const inv = suite('invariants on the shipped scenarios');

/** A truck's trace, event by event, must follow the working day and never go back in time. */
const NEXT: Record<string, string[]> = {
  start: ['ready'],
  ready: ['take', 'park', 'stuck'],
  take: ['dock', 'arrive', 'stuck'], // a pre-loaded truck goes straight out
  dock: ['loaded'],
  loaded: ['arrive', 'stuck'],
  arrive: ['deliver'],
  deliver: ['back', 'done', 'stuck'],
  back: ['take', 'park', 'stuck'],
};

for (const { id } of shippedScenarios()) {
  inv(`${id}: 20 replications, traced`, () => {
    const loaded = loadScenario(id);
    assert.ok(loaded.ok);
    if (!loaded.ok) return;
    const model = prepareModel(loaded.model);
    for (let r = 0; r < 20; r++) {
      const result = simulate(model, { seed: 'invariants', replication: r, trace: true }); // throws if kit is created or lost
      const byTruck = new Map<string, [number, string][]>();
      for (const [t, what, truck] of result.trace!) {
        if (typeof truck === 'string' && truck.includes('#')) byTruck.set(truck, [...(byTruck.get(truck) ?? []), [t, what]]);
      }
      for (const [truck, events] of byTruck) {
        let state = 'start';
        let time = 0;
        for (const [t, what] of events) {
          assert.ok(NEXT[state]?.includes(what), `${id} rep ${r}: ${truck} went from ${state} to ${what} at ${t}`);
          assert.ok(t >= time, `${truck} went back in time`);
          state = what;
          time = t;
        }
      }
      for (const m of result.missions) {
        if (m.completionMs === Infinity) continue;
        const sum = Object.values(m.phasesMs).reduce((a, b) => a + b, 0);
        assert.ok(Math.abs(sum - m.completionMs) < 1e-3, `${id} ${m.id}: phases ${sum} vs completion ${m.completionMs}`);
        assert.is(m.peopleDelivered, loaded.model.missions.find((x) => x.id === m.id)!.people);
      }
    }
  });
}

inv.run();
