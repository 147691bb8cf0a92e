import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { RoadNetwork } from '../../engine/model/network.ts';
import { liaoningNetwork } from '../../scenarios/reference.ts';

const net = suite('road network');

function liaoning(): RoadNetwork {
  const ref = liaoningNetwork();
  return new RoadNetwork({ nodes: ref.nodes, links: ref.links, speedsKmh: { expressway: 75, trunk: 50, urban: 30, mixed: 55 } });
}

const byDistance = (n: RoadNetwork, a: string, b: string) => n.shortestPath(a, b, (l) => l.lengthKm)?.lengthKm;

net('shortest distances match the table in seeds/data/sources.md §2.4 (computed there from links.csv)', () => {
  const cities = ['SY', 'DL', 'AS', 'FS', 'BX', 'DD', 'JZ', 'YK', 'FX', 'LY', 'TL', 'CY', 'PJ', 'HLD'];
  const table: Record<string, number[]> = {
    FS: [49, 449, 143, 0, 77, 236, 270, 246, 260, 118, 52, 356, 199, 319],
    SY: [0, 400, 94, 49, 70, 229, 221, 198, 211, 69, 73, 307, 150, 271],
    JZ: [221, 412, 204, 270, 258, 363, 0, 153, 123, 202, 294, 86, 91, 50],
  };
  const n = liaoning();
  for (const [from, row] of Object.entries(table)) {
    cities.forEach((to, i) => {
      const km = from === to ? 0 : byDistance(n, from, to)!;
      assert.ok(Math.abs(km - row[i]!) <= 0.5 + 1e-9, `${from}→${to}: ${km.toFixed(1)} km, table ${row[i]}`);
    });
  }
});

net('Shenyang–Dalian is 400 km by G15, as the corridor was calibrated', () => {
  const p = liaoning().shortestPath('SY', 'DL', (l) => l.lengthKm)!;
  assert.ok(Math.abs(p.lengthKm - 400) < 0.5, String(p.lengthKm));
  assert.equal(p.nodes, ['SY', 'LY', 'AS', 'HAICHENG', 'DASHIQIAO', 'GAIZHOU', 'WAFANGDIAN', 'DL']);
});

net('the seed network is one connected graph of 48 nodes and 64 links', () => {
  const n = liaoning();
  assert.is(n.nodes.size, 48);
  assert.is(n.links.length, 64);
  for (const id of n.nodes.keys()) assert.ok(n.shortestPath('SY', id, (l) => l.lengthKm) !== null, `${id} unreachable`);
});

net('unusable links are avoided, and no path gives null', () => {
  const n = new RoadNetwork({
    nodes: ['A', 'B', 'C'].map((id) => ({ id, name: id, lat: 0, lon: 0, kind: 'x' })),
    links: [
      { id: 'AB', from: 'A', to: 'B', lengthKm: 10, roadClass: 'trunk' },
      { id: 'BC', from: 'B', to: 'C', lengthKm: 10, roadClass: 'trunk' },
      { id: 'AC', from: 'A', to: 'C', lengthKm: 50, roadClass: 'trunk' },
    ],
    speedsKmh: { expressway: 75, trunk: 50, urban: 30, mixed: 55 },
  });
  assert.equal(n.shortestPath('A', 'C', (l) => l.lengthKm)!.nodes, ['A', 'B', 'C']);
  assert.equal(n.shortestPath('A', 'C', (l) => (l.id === 'BC' ? Infinity : l.lengthKm))!.nodes, ['A', 'C']);
  assert.is(
    n.shortestPath('A', 'C', () => Infinity),
    null,
  );
  assert.is(
    n.shortestPath('A', 'Z', (l) => l.lengthKm),
    null,
  );
  assert.throws(
    () => new RoadNetwork({ nodes: [], links: [{ id: 'X', from: 'A', to: 'B', lengthKm: 1, roadClass: 'trunk' }], speedsKmh: { expressway: 1, trunk: 1, urban: 1, mixed: 1 } }),
    /link X: unknown node A/,
  );
});

net.run();
