/**
 * Cross-reference checks on a scenario whose shape is valid: every id must name something that
 * exists, every mission must have trucks that can carry its kit, and a road to its destination that
 * is not closed for good. Problems are issues with the path of the field at fault, in the same shape
 * as schema errors, with a "did you mean" where a near name exists.
 */
import { RoadConditions } from '../engine/model/conditions.ts';
import { RoadNetwork } from '../engine/model/network.ts';
import { grams, litres } from '../engine/model/units.ts';
import { modulesOf, networkOf } from './compile.ts';
import { suggestion, type ScenarioIssue } from './issues.ts';
import type { Scenario } from './schema.ts';

export function checkReferences(s: Scenario): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const unknown = (path: (string | number)[], what: string, id: string, known: Iterable<string>) =>
    issues.push({ path, code: 'unknown_reference', message: `unknown ${what} "${id}"${suggestion(id, known)}` });

  const { nodes, links } = networkOf(s);
  const nodeIds = new Set(nodes.map((n) => n.id));
  const linkIds = new Set(links.map((l) => l.id));
  const depotIds = Object.keys(s.depots);
  const moduleIds = Object.keys(s.kit.modules);

  for (const [id, l] of Object.entries(s.network.links)) {
    if (!nodeIds.has(l.from)) unknown(['network', 'links', id, 'from'], 'node', l.from, nodeIds);
    if (!nodeIds.has(l.to)) unknown(['network', 'links', id, 'to'], 'node', l.to, nodeIds);
  }
  if (moduleIds.length === 0) issues.push({ path: ['kit', 'modules'], code: 'too_small', message: 'must define at least one module' });

  for (const [id, d] of Object.entries(s.depots)) {
    if (!nodeIds.has(d.node)) unknown(['depots', id, 'node'], 'node', d.node, nodeIds);
    for (const m of Object.keys(d.stockModules)) if (!moduleIds.includes(m)) unknown(['depots', id, 'stockModules', m], 'module', m, moduleIds);
    for (const shift of ['onDutyDay', 'onDutyNight'] as const) {
      if (d.crew[shift] > d.crew.total) issues.push({ path: ['depots', id, 'crew', shift], code: 'too_big', message: `must not exceed crew.total (${d.crew.total}); got ${d.crew[shift]}` });
    }
  }

  for (const [id, f] of Object.entries(s.fleets)) {
    if (!depotIds.includes(f.depot)) unknown(['fleets', id, 'depot'], 'depot', f.depot, depotIds);
    if (f.awdCount > f.count) issues.push({ path: ['fleets', id, 'awdCount'], code: 'too_big', message: `must not exceed count (${f.count}); got ${f.awdCount}` });
    if (f.preloaded > f.count) issues.push({ path: ['fleets', id, 'preloaded'], code: 'too_big', message: `must not exceed count (${f.count}); got ${f.preloaded}` });
  }

  for (const [id, c] of Object.entries(s.conditions)) {
    c.links?.forEach((l, i) => {
      if (!linkIds.has(l)) unknown(['conditions', id, 'links', i], 'link', l, linkIds);
    });
    c.nodes?.forEach((n, i) => {
      if (!nodeIds.has(n)) unknown(['conditions', id, 'nodes', i], 'node', n, nodeIds);
    });
  }

  if (issues.length > 0) return issues; // the network and fleets must be sound for the checks below

  const network = new RoadNetwork({ nodes, links, speedsKmh: s.network.speedsKmh });
  // Roads closed from the alert on and never reopened.
  const permanent = new RoadConditions(network, {
    conditions: Object.entries(s.conditions)
      .filter(([, c]) => c.fromH === 0 && c.toH === undefined && (c.kind === 'closure' || c.awdOnly === true))
      .map(([cid, c]) => ({ ...c, id: cid, toH: Infinity })),
    alertHour: 0,
    nightFromHour: 0,
    nightToHour: 0,
    nightSpeedFactor: 1,
    horizonMs: 0,
  });
  const modules = modulesOf(s);
  const tooBig = new Map<string, string[]>(); // module → depots with no truck that can carry it
  for (const [id, m] of Object.entries(s.missions)) {
    if (!depotIds.includes(m.from)) {
      unknown(['missions', id, 'from'], 'depot', m.from, depotIds);
      continue;
    }
    if (!nodeIds.has(m.to)) {
      unknown(['missions', id, 'to'], 'node', m.to, nodeIds);
      continue;
    }
    const fleets = Object.entries(s.fleets).filter(([, f]) => f.depot === m.from && f.count > 0);
    if (fleets.length === 0) {
      issues.push({ path: ['missions', id, 'from'], code: 'no_vehicles', message: `depot "${m.from}" has no trucks (add a fleet with depot: ${m.from})` });
      continue;
    }
    for (const mod of modules) {
      const carried = fleets.some(([, f]) => f.palletSlots >= 1 && grams(mod.massKg) <= grams(f.payloadKg) && litres(mod.volumeM3) <= litres(f.volumeM3));
      if (!carried) (tooBig.get(mod.id) ?? tooBig.set(mod.id, []).get(mod.id)!).push(m.from);
    }
    const depotNode = s.depots[m.from]!.node;
    const awd = fleets.some(([, f]) => f.awdCount > 0);
    if (network.shortestPath(depotNode, m.to, (l) => permanent.travelMs(l, 0, { awd, speedFactor: 1 })) === null) {
      issues.push({ path: ['missions', id, 'to'], code: 'unreachable', message: `"${m.to}" cannot be reached from depot "${m.from}" (${depotNode}): no road, or every road closed for good` });
    }
  }
  for (const [moduleId, depots] of tooBig) {
    const mod = modules.find((x) => x.id === moduleId)!;
    const list = [...new Set(depots)];
    issues.push({
      path: ['kit', 'modules', moduleId],
      code: 'does_not_fit',
      message: `one module (${mod.massKg.toFixed(1)} kg, ${mod.volumeM3.toFixed(2)} m³) fits no truck at depot${list.length > 1 ? 's' : ''} ${list.map((d) => `"${d}"`).join(', ')}`,
    });
  }
  return issues;
}
