/**
 * What every RoutePlanner must do: return a connected path from where the truck is to where it goes,
 * using only links it may use at that time, or null when there is none.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { RoadConditions } from '../../engine/model/conditions.ts';
import type { ConditionInput } from '../../engine/model/input.ts';
import { RoadNetwork } from '../../engine/model/network.ts';
import type { RoutePlanner } from '../../engine/model/routing.ts';

export type PlannerFactory = (network: RoadNetwork, conditions: RoadConditions) => RoutePlanner;

/** A–B–D (fast, short), A–C–D (slow, shorter), with a closure on B–D for the first hour. */
export function fixture(extra: ConditionInput[] = []) {
  const network = new RoadNetwork({
    nodes: ['A', 'B', 'C', 'D'].map((id) => ({ id, name: id, lat: 0, lon: 0, kind: 'x' })),
    links: [
      { id: 'AB', from: 'A', to: 'B', lengthKm: 50, roadClass: 'expressway' },
      { id: 'BD', from: 'B', to: 'D', lengthKm: 50, roadClass: 'expressway' },
      { id: 'AC', from: 'A', to: 'C', lengthKm: 40, roadClass: 'trunk' },
      { id: 'CD', from: 'C', to: 'D', lengthKm: 40, roadClass: 'trunk' },
    ],
    speedsKmh: { expressway: 100, trunk: 40, urban: 30, mixed: 55 },
  });
  const conditions = new RoadConditions(network, {
    conditions: [{ id: 'works', kind: 'closure', links: ['BD'], fromH: 0, toH: 1 }, ...extra],
    alertHour: 10,
    nightFromHour: 20,
    nightToHour: 6,
    nightSpeedFactor: 1,
    horizonMs: 72 * 3_600_000,
  });
  return { network, conditions };
}

export function routingContract(name: string, make: PlannerFactory): void {
  const c = suite(`RoutePlanner contract: ${name}`);
  const truck = { awd: false, speedFactor: 1 };

  c('a path runs link by link from the start to the end', () => {
    const { network, conditions } = fixture();
    const p = make(network, conditions).plan('A', 'D', 2 * 3_600_000, truck)!;
    assert.is(p.nodes[0], 'A');
    assert.is(p.nodes[p.nodes.length - 1], 'D');
    p.links.forEach((l, i) => assert.ok(new Set([l.from, l.to]).has(p.nodes[i]!) && new Set([l.from, l.to]).has(p.nodes[i + 1]!)));
  });

  c('never uses a link closed at the time of departure', () => {
    const { network, conditions } = fixture();
    const p = make(network, conditions).plan('A', 'D', 0, truck)!;
    assert.not.ok(p.links.some((l) => l.id === 'BD'));
  });

  c('never gives an all-wheel-drive-only link to a road truck', () => {
    const { network, conditions } = fixture([{ id: 'ice', kind: 'speed', links: ['AC'], awdOnly: true, fromH: 0, toH: Infinity }]);
    const p = make(network, conditions).plan('A', 'D', 0, truck);
    assert.is(p, null, 'BD closed and AC AWD-only: no route for a road truck at t = 0');
    assert.ok(make(network, conditions).plan('A', 'D', 0, { awd: true, speedFactor: 1 }) !== null);
  });

  c('null when every route is closed', () => {
    const { network, conditions } = fixture([{ id: 'all', kind: 'closure', all: true, fromH: 0, toH: Infinity }]);
    assert.is(make(network, conditions).plan('A', 'D', 0, truck), null);
  });

  c.run();
}
