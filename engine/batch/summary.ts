/**
 * The end of a batch in figures: how many cells meet each target, the worst cells, and the main
 * effects of the axes. Plain JSON, for the text report and for the API.
 */
import { mainEffects, type MainEffects } from './effects.ts';
import type { CellRecord } from './record.ts';

export interface TargetTally {
  id: string;
  label: string;
  /** Cells (that ran) where the target is MET, AT RISK, NOT MET. */
  met: number;
  atRisk: number;
  notMet: number;
}

export interface WorstCell {
  cell: string;
  index: number;
  /** Targets MET in this cell, of how many. */
  met: number;
  targets: number;
  /** Mean P(on time) over its targets. */
  meanOnTime: number;
  /** Its target with the lowest P(on time). */
  weakest: { id: string; onTime: number };
}

export interface BatchSummary {
  cells: number;
  /** Cells with a record (ok or failed). */
  done: number;
  failed: { cell: string; index: number; message: string }[];
  targets: TargetTally[];
  /** Up to five: most targets not MET first, then the lowest mean P(on time). */
  worst: WorstCell[];
  effects: MainEffects;
}

/** Summarises the records of a batch of `cells` cells whose axes are `axes`. */
export function summariseBatch(records: readonly CellRecord[], axes: readonly string[], cells: number): BatchSummary {
  const sorted = [...records].sort((a, b) => a.index - b.index);
  const ok = sorted.filter((r) => r.status === 'ok');
  const tallies = new Map<string, TargetTally>();
  for (const r of ok) {
    for (const t of r.targets) {
      const tally = tallies.get(t.id) ?? { id: t.id, label: t.label, met: 0, atRisk: 0, notMet: 0 };
      if (t.verdict === 'MET') tally.met++;
      else if (t.verdict === 'AT RISK') tally.atRisk++;
      else tally.notMet++;
      tallies.set(t.id, tally);
    }
  }
  const worst = ok
    .filter((r) => r.targets.length > 0)
    .map((r): WorstCell => {
      const weakest = r.targets.reduce((a, t) => (t.onTime.estimate < a.onTime.estimate ? t : a));
      return {
        cell: r.cell,
        index: r.index,
        met: r.targets.filter((t) => t.verdict === 'MET').length,
        targets: r.targets.length,
        meanOnTime: r.targets.reduce((a, t) => a + t.onTime.estimate, 0) / r.targets.length,
        weakest: { id: weakest.id, onTime: weakest.onTime.estimate },
      };
    })
    .sort((a, b) => a.met - a.targets - (b.met - b.targets) || a.meanOnTime - b.meanOnTime || a.index - b.index)
    .slice(0, 5);
  return {
    cells,
    done: sorted.length,
    failed: sorted.filter((r) => r.status === 'failed').map((r) => ({ cell: r.cell, index: r.index, message: r.error?.message ?? '' })),
    targets: [...tallies.values()],
    worst,
    effects: mainEffects(sorted, axes),
  };
}
