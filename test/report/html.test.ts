import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { prepareModel, simulate } from '../../engine/model/build.ts';
import { renderHtml } from '../../engine/report/html.ts';
import { runIndices } from '../../engine/run/replicate.ts';
import { summarise } from '../../engine/summary.ts';
import { loadScenario } from '../../scenarios/index.ts';

const h = suite('HTML report');

function report(id: string, sets: string[] = []): { html: string; missions: number; trucks: number } {
  const loaded = loadScenario(id, { sets });
  if (!loaded.ok) throw new Error(id);
  const prepared = prepareModel(loaded.model);
  const digests = runIndices(prepared, 5, [0, 1, 2, 3, 4]);
  const summary = summarise(loaded.model, digests, 5, 0.95);
  const traced = simulate(prepared, { seed: 5, replication: 0, trace: true });
  const trucks = new Set(traced.trace!.map((e) => e[2]).filter((x) => typeof x === 'string' && x.includes('#'))).size;
  return { html: renderHtml({ title: loaded.scenario.title, scenarioId: id, alert: loaded.scenario.alert.timeOfDay, summary, model: loaded.model, digests, traced }), missions: loaded.model.missions.length, trucks };
}

h('a self-contained page: every target, a route per target, a timeline row per truck, no scripts or remote links', () => {
  const { html, missions, trucks } = report('west-blizzard');
  assert.match(html, /^<!doctype html>/);
  assert.not.match(html, /<script|https?:\/\/|<link /);
  assert.is((html.match(/<polyline /g) ?? []).length, missions);
  assert.is((html.match(/<figure>/g) ?? []).length, missions, 'a completion-time chart per target');
  for (const label of ['Jinzhou base → western front (Lingyuan)', 'Huludao detachment → Xingcheng']) assert.ok(html.includes(label), label);
  assert.is((html.match(/<text x="0" y="\d+" class="small">/g) ?? []).length, trucks, 'a timeline row per truck');
  assert.match(html, /stroke-dasharray="6 4"/, 'the blizzard conditions are drawn on the map');
});

h('labels are escaped', () => {
  const { html } = report('baseline', ['missions.national.label="<script>alert(1)</script>"']);
  assert.not.match(html, /<script>alert/);
  assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
});

h.run();
