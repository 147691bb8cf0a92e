/**
 * The verdict table an officer reads: one row per target, then where the time went, then how busy
 * each depot was, then how to read it. Plain text, fixed-width, the same bytes for the same run.
 */
import type { Phase } from '../model/recorder.ts';
import type { MissionSummary, RunSummary } from '../summary.ts';
import { table } from './table.ts';

/** Names of the phases as a report says them. */
export const PHASE_NAMES: Record<Phase, string> = {
  mobilise: 'mobilisation',
  earlierTrips: 'trucks (return trips)',
  blocked: 'roads',
  waitDock: 'docks',
  waitCrew: 'crew',
  waitForklift: 'forklifts',
  pick: 'picking',
  load: 'loading',
  drive: 'driving',
  rest: 'driver rest',
  waitUnload: 'unloading teams',
  unload: 'unloading',
};

/** h:mm, or "never" / "—". */
export function hhmm(minutes: number): string {
  if (minutes === Infinity) return 'never';
  if (!Number.isFinite(minutes)) return '—';
  const m = Math.round(minutes);
  return `${Math.floor(m / 60)}:${String(m % 60).padStart(2, '0')}`;
}

const pct = (x: number, digits = 1) => `${(100 * x).toFixed(digits)}%`;

export interface ReportContext {
  scenarioId: string;
  title: string;
  alert: string;
  night: boolean;
  /** Node ids to names, for the "to" column. */
  nodeNames?: Record<string, string>;
}

function shortfallNote(m: MissionSummary): string | null {
  const parts = Object.entries(m.shortfalls).map(([why, n]) => {
    const reason = why === 'stock' ? 'the depot has too little stock' : why === 'unreachable' ? 'no truck could get through' : 'not done within the simulated horizon';
    return `in ${n} of ${m.replications} replications the kit never arrived: ${reason}`;
  });
  return parts.length > 0 ? `${m.id}: ${parts.join('; ')}` : null;
}

/** The whole text report. */
export function renderText(summary: RunSummary, ctx: ReportContext): string {
  const out: string[] = [];
  const conf = pct(summary.requiredConfidence, 0);
  out.push(`zhanbao — ${ctx.title}`);
  out.push(
    `scenario ${ctx.scenarioId} · seed ${summary.seed} · ${summary.replications} replications · alert ${ctx.alert} (${ctx.night ? 'night' : 'day'}) · a target is MET when P(on time) ≥ ${conf} with 95% confidence`,
  );
  out.push('');
  out.push(
    table(
      ['target', 'people', 'deadline', 'P(on time)', '95% interval', 'median', 'P95', 'bottleneck (share)', 'verdict'],
      summary.missions.map((m) => [
        m.label,
        String(m.people),
        hhmm(m.deadlineH * 60),
        pct(m.onTime.estimate),
        `${pct(m.onTime.lower)}–${pct(m.onTime.upper)}`,
        hhmm(m.completionMin.median),
        hhmm(m.completionMin.p95),
        m.bottleneck.phase === null ? '—' : `${PHASE_NAMES[m.bottleneck.phase]} ${pct(m.bottleneck.share, 0)}`,
        m.verdict,
      ]),
      new Set([1, 2, 3, 5, 6]),
    ),
  );
  out.push('');
  out.push('Where the time went: mean minutes on the trip that completed each target');
  out.push('');
  const cols: [Phase[], string][] = [
    [['mobilise'], 'ready'],
    [['earlierTrips'], 'trucks'],
    [['waitDock'], 'docks'],
    [['waitCrew'], 'crew'],
    [['waitForklift'], 'forklift'],
    [['pick', 'load'], 'pick+load'],
    [['drive', 'rest'], 'drive'],
    [['blocked'], 'roads'],
    [['waitUnload', 'unload'], 'unload'],
  ];
  out.push(
    table(
      ['target', ...cols.map(([, name]) => name), 'total', 'people by deadline', 'trips'],
      summary.missions.map((m) => {
        const parts = cols.map(([phases]) => phases.reduce((a, p) => a + m.phasesMin[p], 0));
        const total = parts.reduce((a, x) => a + x, 0);
        return [m.id, ...parts.map((x) => (Number.isFinite(x) ? x.toFixed(0) : '—')), Number.isFinite(total) ? total.toFixed(0) : '—', `${m.peopleByDeadline.toFixed(0)} / ${m.people}`, m.meanTrips.toFixed(1)];
      }),
      new Set(Array.from({ length: cols.length + 3 }, (_, i) => i + 1)),
    ),
  );
  out.push('');
  out.push('Depots: share of time busy until their last truck finished (mean over replications)');
  out.push('');
  out.push(
    table(
      ['depot', 'docks', 'forklifts', 'crew', 'trucks'],
      summary.depots.map((d) => [d.id, pct(d.utilisation.docks, 0), pct(d.utilisation.forklifts, 0), pct(d.utilisation.crew, 0), pct(d.utilisation.trucks, 0)]),
      new Set([1, 2, 3, 4]),
    ),
  );
  const notes = summary.missions.map(shortfallNote).filter((n): n is string => n !== null);
  if (notes.length > 0) {
    out.push('');
    out.push('Shortfalls');
    for (const n of notes) out.push(`  ${n}`);
  }
  out.push('');
  out.push('How to read this');
  out.push(`  P(on time)    share of replications in which kit for every person was at the destination (unloaded) by the deadline;`);
  out.push(`                arriving exactly at the deadline counts as on time. The interval is a 95% Wilson interval.`);
  out.push(`  verdict       MET: the whole interval is at or above ${conf}; NOT MET: the whole interval is below it;`);
  out.push(`                AT RISK: it straddles ${conf} (borderline, or more replications are needed to tell).`);
  out.push(`  median, P95   time from the alert until the target was complete (h:mm), over replications.`);
  out.push(`  bottleneck    the longest wait on the trip that completed the target — for trucks to come back, docks, crew,`);
  out.push(`                forklifts, roads, unloading teams — or, if it never waited, its longest activity (driving, loading);`);
  out.push(`                with the share of replications in which that was so.`);
  out.push(`  where the time went   the phases of that trip add up to its completion time ("trucks" = it waited for a truck`);
  out.push(`                busy on an earlier trip).`);
  return `${out.join('\n')}\n`;
}
