/**
 * The delivery pipeline on small deterministic scenarios (every duration constant, travel times
 * fixed), checked against times worked out by hand in the comments.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { simulate, type ReplicationResult } from '../../engine/model/build.ts';
import type { ModelInput } from '../../engine/model/input.ts';
import { MS_PER_MIN } from '../../engine/model/units.ts';
import { tinyInput } from '../helpers/model.ts';

const d = suite('delivery pipeline');
const min = (ms: number) => ms / MS_PER_MIN;
const run = (input: ModelInput, trace = true): ReplicationResult => simulate(input, { seed: 1, replication: 0, trace });
/** The trace in minutes. */
const traceMin = (r: ReplicationResult) => r.trace!.map(([t, ...rest]) => [min(t), ...rest]);

d('one dock, one forklift, two trucks, a 60 km link: the whole run by hand', () => {
  // 60 people = 6 modules (10 people each). Trucks take 4 pallets. Both ready at 10.
  // Truck 1 takes 4 and docks at 10: 4 × (1 pick + 2 load) = 12, + 5 dock time → leaves at 27.
  // Truck 2 takes the other 2 and waits for the dock until 27: 2 × 3 + 5 → leaves at 38.
  // 60 km at 60 km/h = 60 min: truck 1 arrives at 87, unloads 4 × 1 → 91 (40 people);
  // truck 2 arrives at 98, unloads 2 → 100: 60 people, complete at 100 min.
  const r = run(tinyInput());
  assert.equal(traceMin(r), [
    [10, 'ready', 'fleet#1'],
    [10, 'take', 'fleet#1', 'm', 4],
    [10, 'ready', 'fleet#2'],
    [10, 'take', 'fleet#2', 'm', 2],
    [10, 'dock', 'fleet#1', 'depot'],
    [27, 'loaded', 'fleet#1'],
    [27, 'dock', 'fleet#2', 'depot'],
    [38, 'loaded', 'fleet#2'],
    [87, 'arrive', 'fleet#1', 'F'],
    [91, 'deliver', 'fleet#1', 'm', 40],
    [91, 'done', 'fleet#1'],
    [98, 'arrive', 'fleet#2', 'F'],
    [100, 'deliver', 'fleet#2', 'm', 60],
    [100, 'done', 'fleet#2'],
  ]);
  const m = r.missions[0]!;
  assert.is(min(m.completionMs), 100);
  assert.ok(m.onTime);
  assert.equal(m.supplied.map(([t, p]) => [min(t), p]), [
    [91, 40],
    [100, 60],
  ]);
  // The critical trip is truck 2's: 10 ready + 17 dock wait + 2 pick + (4 load + 5 dock time) + 60 + 2.
  const phases = Object.fromEntries(Object.entries(m.phasesMs).filter(([, v]) => v > 0).map(([k, v]) => [k, min(v)]));
  assert.equal(phases, { mobilise: 10, waitDock: 17, pick: 2, load: 9, drive: 60, unload: 2 });
  assert.is(m.bottleneck, 'waitDock');
  // Docks busy 10–38 of 100 min; forklift 18 of 100; trucks 81 + 90 of 2 × 100.
  assert.equal(r.depots[0]!.utilisation, { docks: 0.28, forklifts: 0.18, crew: 0.18, trucks: 0.855 });
});

d('the phases of the critical trip add up to the completion time', () => {
  const r = run(tinyInput({ trucks: 1, people: 100 }), false);
  const m = r.missions[0]!;
  const total = Object.values(m.phasesMs).reduce((a, b) => a + b, 0);
  assert.ok(Math.abs(total - m.completionMs) < 1e-6, `${total} vs ${m.completionMs}`);
  assert.ok(m.phasesMs.earlierTrips > 0, 'a later trip waited for the truck');
});

d('a truck makes more trips while kit remains', () => {
  // One truck of 4 slots, 100 people = 10 modules: trips of 4, 4, 2. Each trip: load n × 3 + 5,
  // drive 60, unload n × 1, drive back 60. Trip 1: 10 → 27 → 87 → 91 (back at 151). Trip 2: 151 → 168
  // → 228 → 232 (back at 292). Trip 3: 292 → 303 → 363 → 365.
  const r = run(tinyInput({ trucks: 1, people: 100, deadlineH: 6 }), false);
  const m = r.missions[0]!;
  assert.is(m.trips, 3);
  assert.is(min(m.completionMs), 365);
  assert.is(min(m.phasesMs.earlierTrips), 292);
  assert.equal(
    r.trips.map((t) => [t.number, min(t.start), min(t.end), t.load.length]),
    [
      [1, 10, 91, 4],
      [2, 151, 232, 4],
      [3, 292, 365, 2],
    ],
  );
});

d('mass binds: a 1,000 kg payload takes two 500 kg modules though it has four slots', () => {
  // 4 modules (40 people) on two trucks of 1000 kg: 2 each. Truck 1: 10 → 10 + 2×3 + 5 = 21; truck 2
  // docks at 21 → 32, drives to 92, unloads 2 → 94.
  const r = run(tinyInput({ people: 40, payloadKg: 1000 }), false);
  assert.equal(
    r.trips.map((t) => t.load.length),
    [2, 2],
  );
  assert.is(min(r.missions[0]!.completionMs), 94);
});

d('volume binds: a 2.5 m³ box takes two 1 m³ modules', () => {
  const r = run(tinyInput({ people: 40, volumeM3: 2.5 }), false);
  assert.equal(
    r.trips.map((t) => t.load.length),
    [2, 2],
  );
});

d('a load that exactly fills the truck fits (whole grams, no float drift)', () => {
  // Modules of 0.1 t + 0.2 t + 0.3 t in one category each would sum to 0.6000000000000001 t in doubles.
  const input = tinyInput({ people: 10, payloadKg: 600, trucks: 1 });
  input.modules = [
    { id: 'a', category: 'a', peoplePerModule: 10, massKg: 100, volumeM3: 0.1 },
    { id: 'b', category: 'b', peoplePerModule: 10, massKg: 200, volumeM3: 0.2 },
    { id: 'c', category: 'c', peoplePerModule: 10, massKg: 300, volumeM3: 0.3 },
  ];
  input.depots[0]!.stock = { a: 5, b: 5, c: 5 };
  const r = run(input, false);
  assert.is(r.trips.length, 1, 'one trip carries all three');
  assert.ok(r.missions[0]!.completionMs < Infinity);
});

d('arriving exactly at the deadline is on time; a millisecond later is not', () => {
  // One truck, 40 people: ready 10, load 4 × 3 + 4 = 16 → 26, drive 60 → 86, unload 4 → 90 min = 1.5 h.
  const input = tinyInput({ trucks: 1, people: 40, deadlineH: 1.5 });
  input.depots[0]!.dockOverheadMin = { dist: 'constant', value: 4 };
  const onTime = run(input, false).missions[0]!;
  assert.is(min(onTime.completionMs), 90);
  assert.ok(onTime.onTime);
  input.missions[0]!.deadlineH = 1.5 - 1 / 3_600_000;
  assert.not.ok(run(input, false).missions[0]!.onTime);
  // Decimal deadlines behave as written: 1.2 h + 0.3 h.
  input.missions[0]!.deadlineH = 1.2 + 0.3;
  assert.ok(run(input, false).missions[0]!.onTime);
});

d('counting on arrival ends the trip before unloading', () => {
  const input = tinyInput({ trucks: 1, people: 40 });
  input.missions[0]!.countOn = 'arrival';
  // 10 + 4 × 3 + 5 = 27, + 60 = 87: counted on arrival, before 4 min of unloading.
  assert.is(min(run(input, false).missions[0]!.completionMs), 87);
});

function twoRoutes(): ModelInput {
  // D–A–F: 30 + 30 km; D–B–F: 40 + 50 km. All at 60 km/h.
  const input = tinyInput({ trucks: 1, people: 40 });
  input.network.nodes.push({ id: 'A', name: 'A', lat: 41.2, lon: 123.1, kind: 'junction' }, { id: 'B', name: 'B', lat: 41.2, lon: 122.9, kind: 'junction' });
  input.network.links = [
    { id: 'D-A', from: 'D', to: 'A', lengthKm: 30, roadClass: 'expressway' },
    { id: 'A-F', from: 'A', to: 'F', lengthKm: 30, roadClass: 'expressway' },
    { id: 'D-B', from: 'D', to: 'B', lengthKm: 40, roadClass: 'expressway' },
    { id: 'B-F', from: 'B', to: 'F', lengthKm: 50, roadClass: 'expressway' },
  ];
  return input;
}

d('a closed link forces the detour: 90 km instead of 60', () => {
  const open = run(twoRoutes(), false);
  assert.is(open.trips[0]!.km, 60);
  const input = twoRoutes();
  input.conditions = [{ id: 'bridge', kind: 'closure', links: ['D-A'], fromH: 0, toH: Infinity }];
  const r = run(input, false);
  assert.is(r.trips[0]!.km, 90);
  // 10 + 4 × 3 + 5 = 27, + 90 min driving = 117, + 4 unloading = 121.
  assert.is(min(r.missions[0]!.completionMs), 121);
  assert.is(min(r.missions[0]!.phasesMs.drive), 90);
});

d('a closure that lifts later: the truck waits for it when no other road exists', () => {
  // Only D–F, closed for the first 2 h. Loaded at 27, the truck waits until 120 (93 min blocked),
  // drives 60 → 180, unloads 4 → 184.
  const input = tinyInput({ trucks: 1, people: 40, deadlineH: 4 });
  input.conditions = [{ id: 'flood', kind: 'closure', links: ['D-F'], fromH: 0, toH: 2 }];
  const m = run(input, false).missions[0]!;
  assert.is(min(m.completionMs), 184);
  assert.is(min(m.phasesMs.blocked), 93);
  assert.is(m.bottleneck, 'blocked');
});

d('a destination cut off for good: the mission is reported unreachable, and the run ends', () => {
  // Truck 1 (4 modules) leaves at 27 and gets through; truck 2 (2 modules) leaves at 38, after the
  // road closed for good at 30: it gives up, the run ends, 40 of 60 people are supplied.
  const input = tinyInput({ trucks: 2, people: 60 });
  input.conditions = [{ id: 'collapse', kind: 'closure', links: ['D-F'], fromH: 0.5, toH: Infinity }];
  const r = run(input, false);
  const m = r.missions[0]!;
  assert.is(m.completionMs, Infinity);
  assert.not.ok(m.onTime);
  assert.is(m.shortfall, 'unreachable');
  assert.is(m.bottleneck, null);
  assert.is(m.peopleDelivered, 40);
});

d('too little stock: the mission never completes and says why', () => {
  const input = tinyInput({ people: 60 });
  input.depots[0]!.stock = { kit: 4 };
  const m = run(input, false).missions[0]!;
  assert.is(m.completionMs, Infinity);
  assert.is(m.shortfall, 'stock');
  assert.is(m.peopleDelivered, 40);
});

d('handlers called in at night: loading waits for the crew', () => {
  // Alert at 22:00: trucks ready after the night readiness (30 min); no handler on duty, one called in
  // after 45 min. Truck docks at 30, waits 15 for the handler, loads 4 × 3 + 5 → 62, drives → 122, unloads → 126.
  const input = tinyInput({ trucks: 1, people: 40 });
  input.alertHour = 22;
  input.depots[0]!.crew = { onDutyDay: 1, onDutyNight: 0, total: 1, callInMin: { dist: 'constant', value: 45 } };
  const m = run(input, false).missions[0]!;
  assert.is(min(m.completionMs), 126);
  assert.is(min(m.phasesMs.mobilise), 30);
  assert.is(min(m.phasesMs.waitCrew), 15);
  assert.is(m.bottleneck, 'waitCrew');
});

d('a pre-loaded truck skips the depot on its first trip', () => {
  // Ready at 10, drives 60 → 70, unloads 4 → 74.
  const input = tinyInput({ trucks: 1, people: 40 });
  input.fleets[0]!.preloaded = 1;
  assert.is(min(run(input, false).missions[0]!.completionMs), 74);
});

d('requisitioned trucks report after their activation delay', () => {
  const input = tinyInput({ trucks: 1, people: 40 });
  input.fleets[0]!.activationMin = { dist: 'constant', value: 90 };
  // 10 + 90 = 100 ready, + 17 at the dock, + 60, + 4 = 181.
  assert.is(min(run(input, false).missions[0]!.completionMs), 181);
});

d('drivers rest 20 min before a link that would take them past 4 h of driving', () => {
  // Two links of 150 km at 60 km/h: 150 min, then 150 more would make 300 > 240, so a 20 min rest.
  const input = tinyInput({ trucks: 1, people: 40, deadlineH: 12 });
  input.network.nodes.push({ id: 'M', name: 'M', lat: 41.2, lon: 123, kind: 'junction' });
  input.network.links = [
    { id: 'D-M', from: 'D', to: 'M', lengthKm: 150, roadClass: 'expressway' },
    { id: 'M-F', from: 'M', to: 'F', lengthKm: 150, roadClass: 'expressway' },
  ];
  const m = run(input, false).missions[0]!;
  // 27 + 150 + 20 + 150 + 4 = 351.
  assert.is(min(m.completionMs), 351);
  assert.is(min(m.phasesMs.rest), 20);
});

d('an all-wheel-drive-only link: only AWD trucks take it; others go round', () => {
  const input = twoRoutes();
  input.conditions = [{ id: 'ice', kind: 'speed', links: ['D-A', 'A-F'], awdOnly: true, fromH: 0, toH: Infinity }];
  assert.is(run(input, false).trips[0]!.km, 90, 'a road truck detours');
  input.fleets[0]!.awdCount = 1;
  assert.is(run(input, false).trips[0]!.km, 60, 'an AWD truck takes the short road');
});

d('a speed factor slows the links it names; a cap limits the speed', () => {
  const input = tinyInput({ trucks: 1, people: 40 });
  input.conditions = [{ id: 'snow', kind: 'speed', links: ['D-F'], factor: 0.75, fromH: 0, toH: Infinity }];
  // 60 km at 45 km/h = 80 min: 27 + 80 + 4 = 111.
  assert.is(min(run(input, false).missions[0]!.completionMs), 111);
  input.conditions = [{ id: 'ice', kind: 'speed', links: ['D-F'], capKmh: 30, fromH: 0, toH: Infinity }];
  // 60 km at 30 km/h = 120 min: 27 + 120 + 4 = 151.
  assert.is(min(run(input, false).missions[0]!.completionMs), 151);
});

d('unloading teams at the destination: trucks queue for them', () => {
  // Two docks, two forklifts, two handlers, one unloading team. Truck 1 (4 pallets) leaves at 27,
  // arrives 87, unloads 87 → 91. Truck 2 (2 pallets) leaves at 21, arrives 81, unloads 81 → 83: the
  // team is free again before truck 1 comes. Complete at 91, nobody waited.
  const input = tinyInput({ docks: 2, forklifts: 2 });
  input.depots[0]!.crew = { onDutyDay: 2, onDutyNight: 2, total: 2, callInMin: { dist: 'constant', value: 0 } };
  input.missions[0]!.unloadTeams = 1;
  const m = run(input, false).missions[0]!;
  assert.is(min(m.completionMs), 91);
  assert.is(m.phasesMs.waitUnload, 0);
  // With instant picking and loading both leave at 15 and arrive at 75 together. Truck 2, with fewer
  // (zero-length) pallet moves, started its 5 min dock time first at 10, so it is first everywhere
  // after: it unloads its 2 pallets 75 → 77 while truck 1 waits 2 min, then truck 1 unloads 77 → 81.
  input.depots[0]!.pickMinPerPallet = { dist: 'constant', value: 0 };
  input.depots[0]!.loadMinPerPallet = { dist: 'constant', value: 0 };
  const m2 = run(input, false).missions[0]!;
  assert.is(min(m2.completionMs), 81);
  assert.is(min(m2.phasesMs.waitUnload), 2);
});

d('the same seed gives the same replication; another replication differs', () => {
  const input = tinyInput({ trucks: 2, people: 60 });
  input.network.travelTimeCv = 0.2;
  input.depots[0]!.loadMinPerPallet = { dist: 'triangular', min: 1.7, mode: 2.4, max: 4 };
  const a = simulate(input, { seed: 'x', replication: 3 });
  const b = simulate(input, { seed: 'x', replication: 3 });
  const c = simulate(input, { seed: 'x', replication: 4 });
  assert.equal(a.missions, b.missions);
  assert.not.equal(a.missions[0]!.completionMs, c.missions[0]!.completionMs);
});

d.run();
