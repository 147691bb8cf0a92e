/**
 * A batch's results folder: plan.json (which plan, by hash), results.jsonl (one record per finished
 * cell, appended as cells finish), results.csv (one row per cell and target, likewise) and, once every
 * cell is done, summary.txt. Opening a folder that holds results of the same plan resumes it: the
 * cells recorded there are not run again. A folder of another plan is refused.
 *
 * Each record is written with one synchronous append, so an interrupted run leaves whole lines; a
 * last line cut short (the process killed mid-write) is dropped on resume. When the batch is complete
 * both files are rewritten in plan order, through a temporary file and a rename, so a finished
 * folder has the same content whatever the number of workers or interruptions (except `timing`).
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CellRecord } from '../../engine/batch/record.ts';
import { valueLabel } from '../../engine/batch/effects.ts';
import type { LoadedPlan } from './plan.ts';

export const FILES = { plan: 'plan.json', records: 'results.jsonl', csv: 'results.csv', summary: 'summary.txt' } as const;

/** A folder that cannot be used for this plan; the message says why and what to do. */
export class StoreError extends Error {
  override name = 'StoreError';
}

const CSV_COLUMNS = ['cell', 'index', 'status', 'target', 'verdict', 'p_on_time', 'p_lower', 'p_upper', 'median_min', 'p95_min', 'bottleneck', 'bottleneck_share', 'people_by_deadline', 'error'];

function csvField(value: unknown): string {
  const s = value === null || value === undefined ? '' : String(value);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The CSV header: cell, index, one column per axis, then the figures. */
export function csvHeader(axes: readonly string[]): string {
  return `${[...CSV_COLUMNS.slice(0, 2), ...axes, ...CSV_COLUMNS.slice(2)].map(csvField).join(',')}\n`;
}

/** A record's CSV rows: one per target, or one with the error for a failed cell. No timings. */
export function csvRows(record: CellRecord, axes: readonly string[]): string {
  const lead = [record.cell, record.index, ...axes.map((a) => (record.axes[a] === null || record.axes[a] === undefined ? '' : valueLabel(record.axes[a]!)))];
  if (record.status === 'failed') return `${[...lead, 'failed', '', '', '', '', '', '', '', '', '', '', record.error?.message ?? ''].map(csvField).join(',')}\n`;
  return record.targets
    .map((t) =>
      [...lead, 'ok', t.id, t.verdict, t.onTime.estimate, t.onTime.lower, t.onTime.upper, t.completionMin.median, t.completionMin.p95, t.bottleneck.phase, t.bottleneck.share, t.peopleByDeadline, '']
        .map(csvField)
        .join(','),
    )
    .map((line) => `${line}\n`)
    .join('');
}

function writeAtomically(file: string, text: string): void {
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}

/**
 * Creates `dir` and its missing parents one at a time (not `mkdirSync(recursive)`, which never returns
 * under /proc), checking that the nearest existing ancestor is a folder.
 */
function makeFolder(dir: string): void {
  const missing: string[] = [];
  let at = path.resolve(dir);
  while (!existsSync(at)) {
    missing.unshift(at);
    const up = path.dirname(at);
    if (up === at) break;
    at = up;
  }
  if (!statSync(at).isDirectory()) throw new StoreError(`cannot create the results folder ${dir}: ${at} is a file`);
  for (const d of missing) mkdirSync(d);
}

/** Reads results.jsonl; cuts off a last line left unfinished (no newline: the write was interrupted). */
function readRecords(file: string): CellRecord[] {
  if (!existsSync(file)) return [];
  const text = readFileSync(file, 'utf8');
  const lines = text.split('\n');
  const unfinished = lines.pop()!;
  if (unfinished !== '') truncateSync(file, Buffer.byteLength(text) - Buffer.byteLength(unfinished));
  return lines
    .filter((line) => line !== '')
    .map((line, i) => {
      try {
        return JSON.parse(line) as CellRecord;
      } catch {
        throw new StoreError(`${file}: line ${i + 1} is not a JSON record; the folder is damaged (remove that line, or use another --out)`);
      }
    });
}

export class BatchStore {
  private constructor(
    readonly dir: string,
    private readonly plan: LoadedPlan,
    /** Records already in the folder when it was opened, one per cell. */
    readonly previous: CellRecord[],
  ) {}

  /**
   * Opens (creating it if need be) the results folder of `plan`.
   * @throws StoreError if the folder holds another plan's results, or files that are not a batch's.
   */
  static open(dir: string, plan: LoadedPlan): BatchStore {
    const planFile = path.join(dir, FILES.plan);
    if (existsSync(planFile)) {
      let stored: { hash?: unknown };
      try {
        stored = JSON.parse(readFileSync(planFile, 'utf8')) as { hash?: unknown };
      } catch {
        throw new StoreError(`${planFile} is not readable JSON; use another --out or delete the folder`);
      }
      if (stored.hash !== plan.hash) {
        throw new StoreError(`${dir} holds the results of a different plan (or of this plan before it, or its base scenario, changed): its plan.json has hash ${String(stored.hash).slice(0, 12)}, this plan has ${plan.hash.slice(0, 12)}. Use another --out, or delete the folder to start again.`);
      }
      const ids = new Set(plan.cells.map((c) => c.id));
      const seen = new Set<string>();
      const previous = readRecords(path.join(dir, FILES.records)).filter((r) => ids.has(r.cell) && !seen.has(r.cell) && seen.add(r.cell));
      return new BatchStore(dir, plan, previous);
    }
    if (existsSync(dir) && !statSync(dir).isDirectory()) throw new StoreError(`${dir} is a file, not a folder; give --out a folder (it is created if missing)`);
    if (existsSync(dir) && readdirSync(dir).length > 0) throw new StoreError(`${dir} is not empty and holds no ${FILES.plan}: not a batch results folder; use another --out`);
    try {
      makeFolder(dir);
      writeFileSync(
        planFile,
        `${JSON.stringify({ format: 'zhanbao-batch/1', hash: plan.hash, plan: plan.file, title: plan.title, cells: plan.cells.length, axes: plan.axes.map((a) => a.name), replications: plan.plan.replications, seed: plan.plan.seed, seeds: plan.plan.seeds }, null, 2)}\n`,
      );
      writeFileSync(path.join(dir, FILES.records), '');
    } catch (error) {
      if (error instanceof StoreError) throw error;
      throw new StoreError(`cannot create the results folder ${dir}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    writeFileSync(path.join(dir, FILES.csv), csvHeader(plan.axes.map((a) => a.name)));
    return new BatchStore(dir, plan, []);
  }

  /** Appends a finished cell to results.jsonl and results.csv. */
  append(record: CellRecord): void {
    appendFileSync(path.join(this.dir, FILES.records), `${JSON.stringify(record)}\n`);
    appendFileSync(path.join(this.dir, FILES.csv), csvRows(record, this.plan.axes.map((a) => a.name)));
  }

  /** Rewrites both results files in plan order and writes the summary: for a complete batch. */
  finish(records: readonly CellRecord[], summaryText: string): void {
    const sorted = [...records].sort((a, b) => a.index - b.index);
    const axes = this.plan.axes.map((a) => a.name);
    writeAtomically(path.join(this.dir, FILES.records), sorted.map((r) => `${JSON.stringify(r)}\n`).join(''));
    writeAtomically(path.join(this.dir, FILES.csv), csvHeader(axes) + sorted.map((r) => csvRows(r, axes)).join(''));
    writeAtomically(path.join(this.dir, FILES.summary), summaryText);
  }
}
