import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { modulesFor, peopleSupplied, planLoad, type Module } from '../../engine/model/kit.ts';
import { kitLines } from '../../scenarios/reference.ts';
import { loadScenario } from '../../scenarios/index.ts';

const kit = suite('kit');

const m = (id: string, category: string, people: number, kg: number, litres: number): Module => ({ id, category, peoplePerModule: people, massG: kg * 1000, volumeL: litres });

kit('modules needed: ⌈people / people per module⌉ of each', () => {
  const mods = [m('ppe', 'ppe', 14, 273, 1568), m('water', 'water', 34, 923, 1598)];
  assert.equal([...modulesFor(100, mods)], [
    ['ppe', 8],
    ['water', 3],
  ]);
  assert.equal([...modulesFor(1000, mods)], [
    ['ppe', 72],
    ['water', 30],
  ]);
});

kit('people supplied: the least over categories', () => {
  const mods = [m('ppe', 'ppe', 14, 273, 1568), m('water', 'water', 34, 923, 1598), m('water2', 'water', 10, 100, 100)];
  // ppe 3 × 14 = 42; water 1 × 34 + 1 × 10 = 44 → 42.
  assert.is(peopleSupplied(new Map([['ppe', 3], ['water', 1], ['water2', 1]]), mods), 42);
  assert.is(peopleSupplied(new Map([['ppe', 3]]), mods), 0);
});

kit('a load balances categories and stops at the first limit that binds', () => {
  const mods = [m('a', 'a', 10, 100, 1000), m('b', 'b', 10, 400, 1000)];
  const available = new Map([['a', 10], ['b', 10]]);
  // Slots bind: 4 slots → a, b, a, b.
  assert.equal(planLoad(available, mods, { slots: 4, massG: 1e9, volumeL: 1e9 }, new Map()), ['a', 'b', 'a', 'b']);
  // Mass binds: 1000 kg → a (100), b (400), a (100), then b (400) would make 1000: fits exactly; nothing more fits.
  assert.equal(planLoad(available, mods, { slots: 10, massG: 1_000_000, volumeL: 1e9 }, new Map()), ['a', 'b', 'a', 'b']);
  // Volume binds: 2.5 m³ → two modules.
  assert.equal(planLoad(available, mods, { slots: 10, massG: 1e9, volumeL: 2500 }, new Map()), ['a', 'b']);
  // Already shipped a's: b first until it catches up.
  assert.equal(planLoad(available, mods, { slots: 3, massG: 1e9, volumeL: 1e9 }, new Map([['a', 2]])), ['b', 'b', 'a']);
});

kit("the baseline's modules add up to kit.csv's per-person totals (97.6 kg, 0.349 m³)", () => {
  const loaded = loadScenario('baseline');
  assert.ok(loaded.ok);
  if (!loaded.ok) return;
  const modules = loaded.scenario.kit.modules;
  // Which kit.csv categories each module packs.
  const packs: Record<string, string[]> = {
    ppe: ['PPE', 'comms'],
    breathing: ['breathing'],
    shelter: ['bedding', 'shelter', 'clothing'],
    sustainment: ['sustainment'],
    support: ['medical', 'power'],
  };
  const lines = kitLines();
  let kg = 0;
  let m3 = 0;
  for (const [id, categories] of Object.entries(packs)) {
    const mine = lines.filter((l) => categories.includes(l.category));
    const sumKg = mine.reduce((a, l) => a + l.kg, 0);
    const sumM3 = mine.reduce((a, l) => a + l.m3, 0);
    assert.ok(Math.abs(modules[id]!.massKgPerPerson - sumKg) < 1e-9, `${id}: ${modules[id]!.massKgPerPerson} kg vs kit.csv ${sumKg}`);
    assert.ok(Math.abs(modules[id]!.volumeM3PerPerson - sumM3) < 1e-9, `${id}: ${modules[id]!.volumeM3PerPerson} m³ vs kit.csv ${sumM3}`);
    // A module fills a pallet of at most 1.6 m³ and 1 t (seeds/data/sources.md §5).
    assert.ok(modules[id]!.peoplePerModule * sumM3 <= 1.6 + 1e-9);
    assert.ok(modules[id]!.peoplePerModule * sumKg + modules[id]!.palletTareKg <= 1000);
    kg += sumKg;
    m3 += sumM3;
  }
  assert.equal(new Set(lines.map((l) => l.category)), new Set(Object.values(packs).flat()), 'every kit.csv category is packed');
  assert.ok(Math.abs(kg - 97.6) < 1e-9 && Math.abs(m3 - 0.349) < 1e-9, `${kg} kg, ${m3} m³`);
});

kit.run();
