import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { fastestRoutes, firstOpening, shortestRoutes } from '../../engine/model/routing.ts';
import { fixture, routingContract } from './routing.contract.ts';

routingContract('fastest', fastestRoutes);
routingContract('shortest', shortestRoutes);

const r = suite('route planners');
const truck = { awd: false, speedFactor: 1 };

r('fastest takes the expressway once it reopens; shortest keeps the shorter trunk road', () => {
  // A–B–D: 100 km at 100 km/h = 60 min; A–C–D: 80 km at 40 km/h = 120 min.
  const { network, conditions } = fixture();
  const after = 3_600_000;
  assert.equal(fastestRoutes(network, conditions).plan('A', 'D', after, truck)!.nodes, ['A', 'B', 'D']);
  assert.equal(shortestRoutes(network, conditions).plan('A', 'D', after, truck)!.nodes, ['A', 'C', 'D']);
  assert.equal(fastestRoutes(network, conditions).plan('A', 'D', 0, truck)!.nodes, ['A', 'C', 'D'], 'B–D closed until 1 h');
});

r('the first opening is the time the roads let a truck through', () => {
  const { network, conditions } = fixture([{ id: 'cut', kind: 'closure', links: ['AC'], fromH: 0, toH: 3 }]);
  // B–D reopens at 1 h, before A–C at 3 h.
  assert.is(firstOpening(fastestRoutes(network, conditions), conditions, 'A', 'D', 0, truck), 3_600_000);
  const { network: n2, conditions: c2 } = fixture([{ id: 'cut', kind: 'closure', links: ['AC', 'AB'], fromH: 0, toH: Infinity }]);
  assert.is(firstOpening(fastestRoutes(n2, c2), c2, 'A', 'D', 0, truck), Infinity);
});

r.run();
