/**
 * Which axis moves P(on time) most: the main effect of each axis on each target, as in a factorial
 * experiment. For an axis, take the mean P(on time) of the cells at each of its values (over all the
 * other axes' values), and the range of those means (largest − smallest). On a full grid every value
 * of an axis sees the same mix of the others, so the range is that axis's own effect; on a listed set
 * of cells it is only a guide, as the mixes may differ. Failed cells are left out.
 */
import type { CellRecord, JsonValue } from './record.ts';

export interface AxisValueMean {
  /** The axis value as the records hold it; null: the axis was not set in those cells. */
  value: JsonValue;
  label: string;
  /** Mean P(on time) over the cells at this value. */
  mean: number;
  cells: number;
}

export interface AxisEffect {
  axis: string;
  means: AxisValueMean[];
  /** Largest − smallest mean; null when fewer than two values have results. */
  range: number | null;
}

export interface TargetEffects {
  target: string;
  axes: AxisEffect[];
  /** The axis with the largest range (the first of equals); null if no axis changes the mean at all. */
  top: string | null;
}

export interface MainEffects {
  targets: TargetEffects[];
  /** Per axis, the mean of its ranges over the targets; `top` as for one target. */
  overall: { axes: { axis: string; meanRange: number | null }[]; top: string | null };
}

/** How a value is shown: strings as they are, anything else as JSON; null as "(not set)". */
export function valueLabel(value: JsonValue): string {
  if (value === null) return '(not set)';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The axis with the largest positive score (first of equals), or null. */
function topOf(scores: { axis: string; score: number | null }[]): string | null {
  let best: { axis: string; score: number } | null = null;
  for (const { axis, score } of scores) if (score !== null && score > 0 && (best === null || score > best.score)) best = { axis, score };
  return best?.axis ?? null;
}

/**
 * Main effects of `axes` on each target of the records (targets in the order they first appear).
 * Records are taken in plan order, so values are listed in the order the plan gives them.
 */
export function mainEffects(records: readonly CellRecord[], axes: readonly string[]): MainEffects {
  const ok = [...records].filter((r) => r.status === 'ok').sort((a, b) => a.index - b.index);
  const targetIds: string[] = [];
  for (const r of ok) for (const t of r.targets) if (!targetIds.includes(t.id)) targetIds.push(t.id);
  const targets = targetIds.map((target): TargetEffects => {
    const effects = axes.map((axis): AxisEffect => {
      const groups = new Map<string, { value: JsonValue; sum: number; cells: number }>();
      for (const r of ok) {
        const t = r.targets.find((x) => x.id === target);
        if (t === undefined) continue;
        const value = r.axes[axis] ?? null;
        const key = JSON.stringify(value);
        const g = groups.get(key) ?? { value, sum: 0, cells: 0 };
        g.sum += t.onTime.estimate;
        g.cells++;
        groups.set(key, g);
      }
      const means = [...groups.values()].map((g) => ({ value: g.value, label: valueLabel(g.value), mean: g.sum / g.cells, cells: g.cells }));
      const range = means.length < 2 ? null : Math.max(...means.map((m) => m.mean)) - Math.min(...means.map((m) => m.mean));
      return { axis, means, range };
    });
    return { target, axes: effects, top: topOf(effects.map((e) => ({ axis: e.axis, score: e.range }))) };
  });
  const overallAxes = axes.map((axis, i) => {
    const ranges = targets.map((t) => t.axes[i]!.range).filter((r): r is number => r !== null);
    return { axis, meanRange: ranges.length === 0 ? null : ranges.reduce((a, b) => a + b, 0) / ranges.length };
  });
  return { targets, overall: { axes: overallAxes, top: topOf(overallAxes.map((a) => ({ axis: a.axis, score: a.meanRange }))) } };
}
