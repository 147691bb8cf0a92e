/**
 * Progress of a batch on stderr: a bar with cells done, rate and ETA on a terminal (cli-progress),
 * a plain line every few seconds otherwise (logs, CI), nothing when quiet. The ETA is reckoned on
 * replications, which come in small steps, rather than on cells, which come in big ones.
 */
import cliProgress from 'cli-progress';
import type { CellsProgress } from '../engine/index.ts';

export interface ProgressView {
  update(p: CellsProgress): void;
  /** Ends the bar (or writes the last line). */
  stop(): void;
}

const clock = (seconds: number) => {
  if (!Number.isFinite(seconds)) return '—';
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

function figures(p: CellsProgress, startedMs: number) {
  const elapsed = (performance.now() - startedMs) / 1000;
  const rate = elapsed > 0 ? p.cellsDone / elapsed : 0;
  const repRate = elapsed > 0 ? p.replicationsDone / elapsed : 0;
  const eta = repRate > 0 ? (p.replicationsTotal - p.replicationsDone) / repRate : Infinity;
  return { elapsed, rate, eta };
}

/** mode: 'bar' on a terminal, 'lines' otherwise, 'none' with --quiet. */
export function batchProgress(mode: 'bar' | 'lines' | 'none', stream: NodeJS.WriteStream = process.stderr): ProgressView {
  const startedMs = performance.now();
  if (mode === 'none') return { update() {}, stop() {} };
  if (mode === 'lines') {
    let last: CellsProgress | null = null;
    let shownMs = 0;
    const show = (p: CellsProgress) => {
      const f = figures(p, startedMs);
      stream.write(`  ${p.cellsDone}/${p.cellsTotal} cells${p.cellsFailed > 0 ? ` (${p.cellsFailed} failed)` : ''}, ${p.replicationsDone}/${p.replicationsTotal} replications, ${f.rate.toFixed(2)} cells/s, ETA ${clock(f.eta)}\n`);
      shownMs = performance.now();
    };
    return {
      update(p) {
        last = p;
        if (performance.now() - shownMs >= 2000 && p.cellsDone > 0) show(p);
      },
      stop() {
        if (last !== null) show(last);
      },
    };
  }
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: '  {bar} {cells}/{cellsTotal} cells{failed} | {rate} cells/s | {elapsed} elapsed | ETA {etaText}',
      barsize: 30,
      hideCursor: true,
      clearOnComplete: false,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(p) {
      const f = figures(p, startedMs);
      const payload = { cells: p.cellsDone, cellsTotal: p.cellsTotal, failed: p.cellsFailed > 0 ? ` (${p.cellsFailed} failed)` : '', rate: f.rate.toFixed(2), elapsed: clock(f.elapsed), etaText: clock(f.eta) };
      if (!started) {
        bar.start(Math.max(1, p.replicationsTotal), p.replicationsDone, payload);
        started = true;
      } else {
        bar.setTotal(Math.max(1, p.replicationsTotal));
        bar.update(p.replicationsDone, payload);
      }
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
