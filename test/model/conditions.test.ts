import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { RoadConditions, selectLinks } from '../../engine/model/conditions.ts';
import { RoadNetwork } from '../../engine/model/network.ts';
import { MS_PER_H } from '../../engine/model/units.ts';
import { liaoningNetwork } from '../../scenarios/reference.ts';

const c = suite('road conditions');
const ref = liaoningNetwork();
const network = new RoadNetwork({ nodes: ref.nodes, links: ref.links, speedsKmh: { expressway: 75, trunk: 50, urban: 30, mixed: 55 } });
const make = (conditions: ConstructorParameters<typeof RoadConditions>[1]['conditions'], alertHour = 10, nightSpeedFactor = 1) =>
  new RoadConditions(network, { conditions, alertHour, nightFromHour: 20, nightToHour: 6, nightSpeedFactor, horizonMs: 72 * MS_PER_H });

c('night across midnight: 20:00–06:00 after a 10:00 alert is 10 h to 20 h, 34 h to 44 h, ...', () => {
  const rc = make([]);
  assert.not.ok(rc.isNight(9.99 * MS_PER_H));
  assert.ok(rc.isNight(10 * MS_PER_H));
  assert.ok(rc.isNight(19.99 * MS_PER_H));
  assert.not.ok(rc.isNight(20 * MS_PER_H));
  assert.ok(rc.isNight(34 * MS_PER_H));
  assert.ok(make([], 2).isNight(0), 'an alert at 02:00 falls in the night');
});

c('a night speed factor changes the roads at each dusk and dawn', () => {
  const rc = make([], 10, 0.9);
  assert.equal(rc.changes.slice(0, 4), [10, 20, 34, 44].map((h) => h * MS_PER_H));
  const g15 = network.link('G15-1')!;
  assert.is(rc.speedKmh(g15, 0, { awd: false, speedFactor: 1 }), 75);
  assert.ok(Math.abs(rc.speedKmh(g15, 11 * MS_PER_H, { awd: false, speedFactor: 1 }) - 67.5) < 1e-9);
});

c('selectors: listed spatial selectors are OR-ed, road classes AND-ed', () => {
  const ids = (sel: Parameters<typeof selectLinks>[1]) => [...selectLinks(network, sel)].map((i) => network.links[i]!.id).sort();
  assert.equal(ids({ links: ['G15-1'], nodes: ['SHE'] }), ['C-FSSHE', 'C-SHE', 'G15-1']);
  assert.equal(ids({ nodes: ['SHE'], roadClasses: ['urban'] }), ['C-SHE']);
  // The box around Lingyuan (41.24 N, 119.40 E) catches the two links that touch it.
  assert.equal(ids({ box: { minLat: 41.1, maxLat: 41.3, minLon: 119.3, maxLon: 119.5 } }), ['G25-2', 'G25-3']);
  assert.is(ids({ all: true }).length, 64);
});

c('epochs: times between the same changes see the same roads', () => {
  const rc = make([{ id: 'w', kind: 'closure', links: ['G15-1'], fromH: 2, toH: 5 }]);
  assert.equal(rc.changes, [2 * MS_PER_H, 5 * MS_PER_H]);
  assert.is(rc.epochAt(0), 0);
  assert.is(rc.epochAt(2 * MS_PER_H), 1, 'a change belongs to the epoch it starts');
  assert.is(rc.epochAt(4.9 * MS_PER_H), 1);
  assert.is(rc.nextChangeAfter(2 * MS_PER_H), 5 * MS_PER_H);
  assert.is(rc.nextChangeAfter(5 * MS_PER_H), Infinity);
  assert.is(rc.travelMs(network.link('G15-1')!, 3 * MS_PER_H, { awd: true, speedFactor: 1 }), Infinity);
});

c.run();
