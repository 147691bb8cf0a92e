/**
 * The answer of a sizing as text: the target as the scenario has it, then per resource the least
 * amount that makes it MET with the evidence on both sides, the cheapest combination, and how many
 * evaluations it took.
 */
import type { ResourceAnswer, SizingEvaluation, SizingResult } from '../sizing/result.ts';
import { PHASE_NAMES, hhmm } from './text.ts';
import { table } from './table.ts';

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

/** "P 97.5% (94.3%–98.9%) MET" for an evaluation. */
export function evidenceText(e: SizingEvaluation): string {
  if (e.onTime === null) return `invalid: ${e.problem ?? ''}`;
  return `${pct(e.onTime.estimate)} (${pct(e.onTime.lower)}–${pct(e.onTime.upper)}) ${e.verdict}`;
}

const amountsText = (amounts: Record<string, number>) =>
  Object.entries(amounts)
    .map(([r, n]) => `${r} ${n}`)
    .join(', ');

function leastText(a: ResourceAnswer): string {
  if (a.least === null) return `never (≤ ${a.max})`;
  return `${a.least} (${a.change! > 0 ? '+' : ''}${a.change === 0 ? '±0' : a.change})`;
}

export function renderSizing(r: SizingResult): string {
  const out: string[] = [];
  const level = pct(r.confidence).replace('.0%', '%');
  out.push(`zhanbao size — ${r.title}`);
  out.push(`target ${r.target.id}: ${r.target.label} — ${r.target.people} people from ${r.target.from} within ${hhmm(r.target.deadlineH * 60)}`);
  out.push(`MET when the 95% interval of P(on time) is at or above ${level} · ${r.replications} replications per evaluation, seed ${r.seed}, the same for every evaluation`);
  out.push('');
  const e = r.asIs;
  out.push(
    `As in the scenario (${amountsText(e.amounts)}): P(on time) ${evidenceText(e)}${e.medianMin !== null || e.onTime !== null ? `, median ${hhmm(e.medianMin ?? Infinity)}` : ''}${e.bottleneck !== null ? `, bottleneck ${PHASE_NAMES[e.bottleneck]}` : ''}`,
  );
  out.push('');
  out.push('Each resource alone (the others as in the scenario): the least amount that makes the target MET');
  out.push('');
  out.push(
    table(
      ['resource', 'scenario', 'least', 'P(on time) there', 'at one less', 'what it counts'],
      r.resources.map((a) => [
        a.resource,
        String(a.scenario),
        leastText(a),
        a.least === null ? `at ${a.max}: ${evidenceText(a.evidence)}` : evidenceText(a.evidence),
        a.oneLess === null ? '—' : evidenceText(a.oneLess),
        a.meaning,
      ]),
      new Set([1]),
    ),
  );
  out.push('');
  const costs = Object.entries(r.costs)
    .map(([k, w]) => `${k} ${w}`)
    .join(', ');
  if (r.combination === null) {
    const top = amountsText(r.atMax?.amounts ?? Object.fromEntries(r.resources.map((a) => [a.resource, a.max])));
    out.push(`Cheapest combination: none — not even ${top}${r.resources.length > 1 ? ' together' : ''} make${r.resources.length > 1 ? '' : 's'} the target MET.`);
    const m = r.atMax;
    if (m !== null && m.onTime !== null) {
      out.push(`  With all of them at the top: P(on time) ${evidenceText(m)}, median ${hhmm(m.medianMin ?? Infinity)}${m.bottleneck !== null ? `, bottleneck ${PHASE_NAMES[m.bottleneck]}` : ''}.`);
    }
    out.push('  Try other resources (trucks, docks, forklifts, preloaded, crew), another --fleet, or a higher --max.');
  } else if (r.combination.cost === 0) {
    out.push('Cheapest combination: nothing to add — the target is MET as the scenario stands.');
  } else {
    const c = r.combination;
    const added = Object.entries(c.added)
      .filter(([, n]) => n > 0)
      .map(([k, n]) => `${k} +${n} (${c.amounts[k]})`)
      .join(', ');
    out.push(`Cheapest combination (cost per unit added: ${costs}): ${added} — cost ${Number(c.cost.toFixed(6))}: P(on time) ${evidenceText(c.evaluation)}`);
  }
  if (r.notMonotone !== null) {
    const { fewer, more } = r.notMonotone;
    out.push('');
    out.push(`Note: more is not always better here — ${amountsText(fewer.amounts)} is MET, ${amountsText(more.amounts)} is ${more.verdict} (${evidenceText(more)}).`);
    out.push('  The search assumes more never hurts: its answers are the least it found, not necessarily the least there is.');
  }
  out.push('');
  out.push(`${r.evaluations} evaluations of ${r.replications} replications (${(r.evaluations * r.replications).toLocaleString('en')} replications) in ${r.seconds.toFixed(1)} s.`);
  out.push('');
  out.push('How to read this');
  out.push(`  least         the smallest amount at which the target is MET (the 95% interval of P(on time) at or above ${level}),`);
  out.push('                the other resources as in the scenario; "never (≤ N)": not even N, the top of the search (--max).');
  out.push('  at one less   the evidence that one less is not enough.');
  out.push('  combination   the amounts, none below the scenario\'s, that make the target MET at the least total cost.');
  out.push('  search        every evaluation runs the same replications with the same seed, so amounts are compared on');
  out.push('                the same random draws; the search assumes more of a resource never makes the target later.');
  return `${out.join('\n')}\n`;
}
