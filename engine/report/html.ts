/**
 * A report an officer can look at: one self-contained HTML file (inline SVG, no scripts, no network)
 * with the verdict table, a map of the routes, the distribution of completion times against each
 * deadline, where the time went, and a timeline of every truck in one replication.
 */
import { prepareModel, type ReplicationResult } from '../model/build.ts';
import type { ModelInput } from '../model/input.ts';
import type { Phase } from '../model/recorder.ts';
import { MS_PER_MIN } from '../model/units.ts';
import type { ReplicationDigest, RunSummary } from '../summary.ts';
import { PHASE_NAMES, hhmm } from './text.ts';

export interface HtmlReportInput {
  title: string;
  scenarioId: string;
  alert: string;
  summary: RunSummary;
  model: ModelInput;
  digests: readonly ReplicationDigest[];
  /** One replication run with its trace, for the truck timeline. */
  traced: ReplicationResult;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const VERDICT_COLOUR: Record<string, string> = { MET: '#2e7d32', 'AT RISK': '#ef8f00', 'NOT MET': '#c62828' };

/** Phase groups as the report colours them. */
const GROUPS: { name: string; phases: Phase[]; colour: string }[] = [
  { name: 'mobilisation', phases: ['mobilise'], colour: '#90a4ae' },
  { name: 'waiting for trucks', phases: ['earlierTrips'], colour: '#8e24aa' },
  { name: 'waiting for docks', phases: ['waitDock'], colour: '#d81b60' },
  { name: 'waiting for crew', phases: ['waitCrew'], colour: '#f4511e' },
  { name: 'waiting for forklifts', phases: ['waitForklift'], colour: '#fb8c00' },
  { name: 'picking and loading', phases: ['pick', 'load'], colour: '#fdd835' },
  { name: 'driving and rest', phases: ['drive', 'rest'], colour: '#1e88e5' },
  { name: 'roads closed', phases: ['blocked'], colour: '#6d4c41' },
  { name: 'unloading', phases: ['waitUnload', 'unload'], colour: '#43a047' },
];

function verdictTable(s: RunSummary): string {
  const rows = s.missions
    .map(
      (m) => `<tr><td>${esc(m.label)}</td><td class="n">${m.people}</td><td class="n">${hhmm(m.deadlineH * 60)}</td>
<td class="n">${pct(m.onTime.estimate)}</td><td class="n">${pct(m.onTime.lower)}–${pct(m.onTime.upper)}</td>
<td class="n">${hhmm(m.completionMin.median)}</td><td class="n">${hhmm(m.completionMin.p95)}</td>
<td>${m.bottleneck.phase === null ? '—' : `${PHASE_NAMES[m.bottleneck.phase]} ${(100 * m.bottleneck.share).toFixed(0)}%`}</td>
<td><span class="v" style="background:${VERDICT_COLOUR[m.verdict]}">${m.verdict}</span></td></tr>`,
    )
    .join('\n');
  return `<table><thead><tr><th>target</th><th>people</th><th>deadline</th><th>P(on time)</th><th>95% interval</th><th>median</th><th>P95</th><th>bottleneck (share)</th><th>verdict</th></tr></thead><tbody>${rows}</tbody></table>`;
}

/** "Shenyang Taoxian Intl Airport (ZYTX/SHE) 沈阳桃仙国际机场" → "Shenyang Taoxian Intl Airport". */
function shortName(name: string): string {
  const plain = name.replace(/\s*\(.*$/, '').replace(/\s+[\u3400-\u9fff].*$/, '').trim();
  return plain.length > 28 ? `${plain.slice(0, 27)}…` : plain;
}

/** The network, the route of each target (as planned at the alert) and the conditions. */
function routeMap(input: HtmlReportInput): string {
  const { model, summary } = input;
  const { network, conditions } = prepareModel(model);
  const nodes = [...network.nodes.values()];
  const lats = nodes.map((n) => n.lat);
  const lons = nodes.map((n) => n.lon);
  const [minLat, maxLat, minLon, maxLon] = [Math.min(...lats), Math.max(...lats), Math.min(...lons), Math.max(...lons)];
  const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const W = 860;
  const pad = 30;
  const scale = (W - 2 * pad) / Math.max((maxLon - minLon) * k, 1e-6);
  const H = Math.round((maxLat - minLat) * scale + 2 * pad);
  const xy = (id: string) => {
    const n = network.nodes.get(id)!;
    return [pad + (n.lon - minLon) * k * scale, pad + (maxLat - n.lat) * scale] as const;
  };
  const affected = new Map<number, string>();
  for (const c of model.conditions) {
    for (const l of conditions.linksOf(c.id)) if (c.kind === 'closure' || !affected.has(l.index)) affected.set(l.index, c.kind === 'closure' ? '#c62828' : '#ef8f00');
  }
  const links = network.links
    .map((l) => {
      const [x1, y1] = xy(l.from);
      const [x2, y2] = xy(l.to);
      const c = affected.get(l.index);
      return `<line x1="${x1.toFixed(1)}" y1="${y1.toFixed(1)}" x2="${x2.toFixed(1)}" y2="${y2.toFixed(1)}" stroke="${c ?? '#cfd8dc'}" stroke-width="${c ? 3 : 2}"${c ? ' stroke-dasharray="6 4"' : ''}><title>${esc(l.id)} ${l.lengthKm.toFixed(1)} km</title></line>`;
    })
    .join('');
  const routes = model.missions
    .map((m, i) => {
      const depot = model.depots.find((d) => d.id === m.from)!;
      const path = network.shortestPath(depot.node, m.to, (l) => conditions.travelMs(l, 0, { awd: true, speedFactor: 1 }));
      if (path === null) return '';
      const points = path.nodes.map((n) => xy(n).map((v) => v.toFixed(1)).join(',')).join(' ');
      const verdict = summary.missions[i]?.verdict ?? 'MET';
      return `<polyline points="${points}" fill="none" stroke="${VERDICT_COLOUR[verdict]}" stroke-width="3.5" stroke-opacity="0.75"><title>${esc(m.label)}: ${path.lengthKm.toFixed(0)} km</title></polyline>`;
    })
    .join('');
  const used = new Set([...model.depots.map((d) => d.node), ...model.missions.map((m) => m.to)]);
  const marks = nodes
    .map((n) => {
      const [x, y] = xy(n.id);
      const isDepot = model.depots.some((d) => d.node === n.id);
      const isFront = model.missions.some((m) => m.to === n.id);
      const r = isDepot ? 5 : isFront ? 4.5 : 2.5;
      const fill = isDepot ? '#263238' : isFront ? '#fff' : '#90a4ae';
      const label = used.has(n.id) ? `<text x="${(x + 6).toFixed(1)}" y="${(y - 5).toFixed(1)}">${esc(shortName(n.name))}</text>` : '';
      return `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="${r}" fill="${fill}" stroke="#263238" stroke-width="1.2"><title>${esc(n.id)} ${esc(n.name)}</title></circle>${label}`;
    })
    .join('');
  return `<svg viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" class="map">${links}${routes}${marks}</svg>
<p class="legend">Routes as planned at the alert, coloured by verdict; black dots depots, white dots destinations; dashed links are closed (red) or slowed (orange) at some time.</p>`;
}

/** Completion times over replications, against the deadline. */
function histograms(input: HtmlReportInput): string {
  return input.model.missions
    .map((m, i) => {
      const times = input.digests.map((d) => d.missions[i]!.completionMs / MS_PER_MIN);
      const finite = times.filter(Number.isFinite);
      const never = times.length - finite.length;
      const deadline = m.deadlineH * 60;
      const hi = Math.max(deadline * 1.25, ...finite) * 1.02;
      const bins = 30;
      const counts = new Array<number>(bins).fill(0);
      for (const t of finite) counts[Math.min(bins - 1, Math.floor((t / hi) * bins))]!++;
      const W = 260;
      const H = 80;
      const top = Math.max(...counts, never, 1);
      const bw = (W - 30) / bins;
      const bars = counts.map((c, b) => `<rect x="${(b * bw).toFixed(1)}" y="${(H - (c / top) * H).toFixed(1)}" width="${(bw - 1).toFixed(1)}" height="${((c / top) * H).toFixed(1)}" fill="${(b + 1) * (hi / bins) <= deadline ? '#1e88e5' : '#e57373'}"/>`).join('');
      const neverBar = never > 0 ? `<rect x="${W - 24}" y="${(H - (never / top) * H).toFixed(1)}" width="20" height="${((never / top) * H).toFixed(1)}" fill="#616161"><title>never: ${never}</title></rect>` : '';
      const dx = ((deadline / hi) * (W - 30)).toFixed(1);
      return `<figure><svg viewBox="0 0 ${W} ${H + 16}" width="${W}" height="${H + 16}">${bars}${neverBar}<line x1="${dx}" y1="0" x2="${dx}" y2="${H}" stroke="#000" stroke-dasharray="3 2"/><text x="0" y="${H + 13}">0</text><text x="${dx}" y="${H + 13}" text-anchor="middle">${hhmm(deadline)}</text><text x="${W - 30}" y="${H + 13}" text-anchor="end">${hhmm(hi)}</text>${never > 0 ? `<text x="${W - 14}" y="${H + 13}" text-anchor="middle">never</text>` : ''}</svg><figcaption>${esc(m.label)}</figcaption></figure>`;
    })
    .join('\n');
}

/** Mean minutes per phase on the trip that completed each target, as stacked bars. */
function phaseBars(s: RunSummary): string {
  const totals = s.missions.map((m) => GROUPS.reduce((a, g) => a + g.phases.reduce((b, p) => b + (Number.isFinite(m.phasesMin[p]) ? m.phasesMin[p] : 0), 0), 0));
  const max = Math.max(...totals, 1);
  const W = 560;
  const rows = s.missions
    .map((m, i) => {
      let x = 0;
      const segments = GROUPS.map((g) => {
        const v = g.phases.reduce((a, p) => a + (Number.isFinite(m.phasesMin[p]) ? m.phasesMin[p] : 0), 0);
        const w = (v / max) * W;
        const rect = w > 0 ? `<rect x="${x.toFixed(1)}" y="0" width="${w.toFixed(1)}" height="14" fill="${g.colour}"><title>${g.name}: ${v.toFixed(0)} min</title></rect>` : '';
        x += w;
        return rect;
      }).join('');
      const deadlineX = ((m.deadlineH * 60) / max) * W;
      return `<tr><td>${esc(m.id)}</td><td><svg width="${W + 4}" height="14">${segments}${deadlineX <= W ? `<line x1="${deadlineX.toFixed(1)}" y1="0" x2="${deadlineX.toFixed(1)}" y2="14" stroke="#000" stroke-width="2"/>` : ''}</svg></td><td class="n">${Number.isFinite(totals[i]!) ? totals[i]!.toFixed(0) : '—'} min</td></tr>`;
    })
    .join('');
  const legend = GROUPS.map((g) => `<span><i style="background:${g.colour}"></i>${g.name}</span>`).join(' ');
  return `<table class="bars">${rows}</table><p class="legend">${legend} — the black tick is the deadline.</p>`;
}

/** Every truck of one replication: what it was doing when. */
function timeline(r: ReplicationResult): string {
  const trace = r.trace ?? [];
  // A stretch of time is named by the event that ends it: until 'dock' the truck waited for a dock,
  // until 'loaded' it was loading, until 'arrive' it was driving out, and so on.
  const UNTIL: Record<string, { label: string; colour: string }> = {
    take: { label: 'waiting for a load', colour: '#d81b60' },
    dock: { label: 'waiting for a dock', colour: '#d81b60' },
    loaded: { label: 'loading', colour: '#fdd835' },
    arrive: { label: 'driving to the destination', colour: '#1e88e5' },
    deliver: { label: 'unloading', colour: '#43a047' },
    back: { label: 'driving back (and unloading, when kit counts on arrival)', colour: '#90caf9' },
  };
  const byTruck = new Map<string, [number, string][]>();
  for (const [t, what, truck] of trace) if (typeof truck === 'string' && truck.includes('#')) byTruck.set(truck, [...(byTruck.get(truck) ?? []), [t / MS_PER_MIN, what]]);
  const end = Math.max(1, ...[...byTruck.values()].map((ev) => ev[ev.length - 1]![0]));
  // Fleet by fleet, trucks in number order.
  const order = [...byTruck.keys()].sort((a, b) => {
    const [fa, na] = a.split('#');
    const [fb, nb] = b.split('#');
    return fa! < fb! ? -1 : fa! > fb! ? 1 : Number(na) - Number(nb);
  });
  const W = 820;
  const rowH = 10;
  const label = 170;
  const x = (t: number) => label + (t / end) * (W - label);
  let y = 0;
  const rows: string[] = [];
  for (const truck of order) {
    const events = byTruck.get(truck)!;
    const segs: string[] = [`<rect x="${x(0).toFixed(1)}" y="${y}" width="${(x(events[0]![0]) - x(0)).toFixed(1)}" height="${rowH - 2}" fill="#cfd8dc"><title>${esc(truck)} mobilising</title></rect>`];
    for (let i = 0; i < events.length - 1; i++) {
      const t0 = events[i]![0];
      const [t1, next] = events[i + 1]!;
      const s = UNTIL[next];
      if (!s) continue;
      if (t1 > t0) segs.push(`<rect x="${x(t0).toFixed(1)}" y="${y}" width="${(x(t1) - x(t0)).toFixed(1)}" height="${rowH - 2}" fill="${s.colour}"><title>${esc(truck)} ${s.label} ${hhmm(t0)}–${hhmm(t1)}</title></rect>`);
    }
    rows.push(`<text x="0" y="${y + rowH - 2}" class="small">${esc(truck)}</text>${segs.join('')}`);
    y += rowH;
  }
  const ticks = Array.from({ length: Math.floor(end / 60) + 1 }, (_, h) => `<line x1="${x(h * 60).toFixed(1)}" y1="0" x2="${x(h * 60).toFixed(1)}" y2="${y}" stroke="#eceff1"/><text x="${x(h * 60).toFixed(1)}" y="${y + 12}" class="small" text-anchor="middle">${h}h</text>`).join('');
  const legend = [['#cfd8dc', 'mobilising'], ['#d81b60', 'waiting for a dock'], ['#fdd835', 'loading'], ['#1e88e5', 'to the destination'], ['#43a047', 'unloading'], ['#90caf9', 'driving back']]
    .map(([c, n]) => `<span><i style="background:${c}"></i>${n}</span>`)
    .join(' ');
  return `<svg viewBox="0 0 ${W} ${y + 16}" width="${W}" height="${y + 16}">${ticks}${rows.join('')}</svg><p class="legend">${legend} — replication ${r.replication}, hours after the alert.</p>`;
}

export function renderHtml(input: HtmlReportInput): string {
  const s = input.summary;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>zhanbao — ${esc(input.title)}</title>
<style>
body{font:14px/1.45 system-ui,sans-serif;margin:24px auto;max-width:900px;color:#263238}
h1{font-size:20px}h2{font-size:16px;margin-top:28px;border-bottom:1px solid #cfd8dc}
table{border-collapse:collapse}td,th{padding:3px 8px;border-bottom:1px solid #eceff1;text-align:left}td.n{text-align:right;white-space:nowrap}
.v{color:#fff;border-radius:3px;padding:1px 6px;font-weight:600;white-space:nowrap}
figure{display:inline-block;margin:6px 10px 10px 0}figcaption{font-size:12px;max-width:260px}
svg text{font-size:11px;fill:#37474f}.small{font-size:9px}.legend{font-size:12px;color:#546e7a}.legend i{display:inline-block;width:10px;height:10px;margin:0 4px 0 10px;vertical-align:middle}
.map text{font-size:10px}
</style></head><body>
<h1>zhanbao — ${esc(input.title)}</h1>
<p>Scenario <b>${esc(input.scenarioId)}</b>, alert at ${esc(input.alert)}, ${s.replications} replications, seed ${esc(String(s.seed))}. A target is MET when its 95% interval of P(on time) lies at or above ${pct(s.requiredConfidence)}, NOT MET when it lies below, AT RISK otherwise.</p>
<h2>Verdicts</h2>${verdictTable(s)}
<h2>Routes</h2>${routeMap(input)}
<h2>When the targets were complete</h2><p class="legend">Completion time over replications: blue on time, red late, grey never; the dashed line is the deadline.</p>${histograms(input)}
<h2>Where the time went</h2>${phaseBars(s)}
<h2>Trucks, one replication</h2>${timeline(input.traced)}
</body></html>
`;
}
