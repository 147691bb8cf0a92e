/**
 * The end-of-batch summary an officer reads: P(on time) and the verdict of every target in every cell,
 * how many cells meet each target, the worst cells, and the axis that moves P(on time) most, then how
 * to read it. Plain text, fixed width, the same bytes for the same records.
 */
import { valueLabel, type AxisEffect } from '../batch/effects.ts';
import type { CellRecord } from '../batch/record.ts';
import type { BatchSummary } from '../batch/summary.ts';
import { table } from './table.ts';

export interface BatchReportContext {
  title: string;
  /** The plan file, as the user named it. */
  plan: string;
  replications: number;
  seed: string | number;
  seeds: 'common' | 'per-cell';
  axes: string[];
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const pp = (x: number | null) => (x === null ? '—' : (100 * x).toFixed(1));

function extremes(e: AxisEffect): string {
  const hi = e.means.reduce((a, m) => (m.mean > a.mean ? m : a));
  const lo = e.means.reduce((a, m) => (m.mean < a.mean ? m : a));
  return `${hi.label} ${pct(hi.mean)} vs ${lo.label} ${pct(lo.mean)}`;
}

/** The whole summary. `records` are those of the batch (any order). */
export function renderBatch(summary: BatchSummary, records: readonly CellRecord[], ctx: BatchReportContext): string {
  const out: string[] = [];
  const sorted = [...records].sort((a, b) => a.index - b.index);
  const targetIds = summary.targets.map((t) => t.id);
  const levels = [...new Set(sorted.map((r) => r.requiredConfidence).filter((c): c is number => c !== null))];
  out.push(`zhanbao batch — ${ctx.title}`);
  out.push(
    `plan ${ctx.plan} · ${summary.cells} cells · ${ctx.replications} replications each · seed ${ctx.seed}${ctx.seeds === 'common' ? ', common to every cell' : ', one per cell'} · MET when the 95% interval of P(on time) is at or above ${levels.length === 1 ? pct(levels[0]!).replace('.0%', '%') : 'the required level'}`,
  );
  if (summary.done < summary.cells) out.push(`only ${summary.done} of ${summary.cells} cells are done: run the batch again to finish it`);
  out.push('');
  out.push('P(on time) and verdict, by cell and target');
  out.push('');
  out.push(
    table(
      [...ctx.axes, ...targetIds],
      sorted.map((r) => {
        const axes = ctx.axes.map((a) => (r.axes[a] === null || r.axes[a] === undefined ? '·' : valueLabel(r.axes[a]!)));
        if (r.status === 'failed') return [...axes, `failed (${r.error?.kind ?? 'error'})`, ...targetIds.slice(1).map(() => '')];
        return [...axes, ...targetIds.map((id) => {
          const t = r.targets.find((x) => x.id === id);
          return t === undefined ? '—' : `${pct(t.onTime.estimate)} ${t.verdict}`;
        })];
      }),
      new Set(),
    ),
  );
  out.push('');
  out.push(`Targets met: ${summary.targets.map((t) => `${t.id} in ${t.met} of ${t.met + t.atRisk + t.notMet} cells${t.atRisk > 0 ? ` (${t.atRisk} at risk)` : ''}`).join('; ')}`);
  if (summary.worst.length > 0) {
    out.push('');
    out.push('Worst cells (most targets not met, then the lowest mean P(on time))');
    out.push('');
    out.push(
      table(
        ['cell', 'targets met', 'mean P(on time)', 'weakest target'],
        summary.worst.map((w) => [w.cell, `${w.met} of ${w.targets}`, pct(w.meanOnTime), `${w.weakest.id} ${pct(w.weakest.onTime)}`]),
        new Set([1, 2]),
      ),
    );
  }
  if (ctx.axes.length > 0 && summary.effects.targets.length > 0) {
    out.push('');
    out.push('What moves P(on time) most: for each axis, the range (percentage points) of the mean P(on time) over its values');
    out.push('');
    const rows = summary.effects.targets.map((t) => {
      const top = t.axes.find((e) => e.axis === t.top);
      return [t.target, ...t.axes.map((e) => pp(e.range)), top === undefined ? '— (no axis moves it)' : `${top.axis} (${extremes(top)})`];
    });
    if (summary.effects.targets.length > 1) rows.push(['all targets (mean)', ...summary.effects.overall.axes.map((a) => pp(a.meanRange)), summary.effects.overall.top ?? '—']);
    out.push(table(['target', ...ctx.axes, 'moved most by'], rows, new Set(ctx.axes.map((_, i) => i + 1))));
  }
  if (summary.failed.length > 0) {
    out.push('');
    out.push('Failed cells (recorded with their error; the others ran)');
    for (const f of summary.failed) out.push(`  ${f.cell}: ${f.message.split('\n')[0]}`);
  }
  out.push('');
  out.push('How to read this');
  out.push('  P(on time)    share of a cell\'s replications in which kit for every person was at the destination by the');
  out.push('                deadline; the verdict is MET when its 95% interval lies at or above the required level, NOT MET');
  out.push('                when it lies below, AT RISK when it straddles it (borderline, or more replications needed).');
  out.push('  worst cells   the cells with the most targets not MET; among equals, the lowest mean P(on time).');
  out.push('  moves most    the main effect of an axis: the mean P(on time) of the cells at each of its values, averaged');
  out.push('                over the other axes; its range (largest − smallest) says how much that axis alone moves the');
  out.push('                target. On a full grid the comparison is fair; on a listed set of cells it is a guide only.');
  if (ctx.seeds === 'common') {
    out.push('                With common seeds every cell sees the same random draws, so differences come from the axes,');
    out.push('                not from chance.');
  }
  out.push('  results       one record per cell in results.jsonl, one row per cell and target in results.csv.');
  return `${out.join('\n')}\n`;
}
