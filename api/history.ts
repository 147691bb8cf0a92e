/**
 * The history of runs, kept in an embedded SQLite database (better-sqlite3) so that it survives a
 * restart: what was asked, what came back, the seed, the scenario's hash and the engine version.
 */
import Database from 'better-sqlite3';

/** What the history keeps: runs, comparisons, sizings and finished batches. */
export type HistoryKind = 'run' | 'compare' | 'sizing' | 'batch';

export interface HistoryRecord {
  id: string;
  createdAt: string;
  kind: HistoryKind;
  /** Shipped scenario id, or "inline" (a batch: its base, or "plan" when the base varies). */
  scenarioRef: string;
  scenarioTitle: string;
  /** SHA-256 of the scenario as simulated (canonical JSON). */
  scenarioHash: string;
  seed: string | number;
  replications: number;
  engineVersion: string;
  durationMs: number;
  request: unknown;
  result: unknown;
}

export type HistoryEntry = Omit<HistoryRecord, 'request' | 'result'>;

interface Row {
  id: string;
  created_at: string;
  kind: HistoryKind;
  scenario_ref: string;
  scenario_title: string;
  scenario_hash: string;
  seed: string;
  replications: number;
  engine_version: string;
  duration_ms: number;
  request_json?: string;
  result_json?: string;
}

const entryOf = (r: Row): HistoryEntry => ({
  id: r.id,
  createdAt: r.created_at,
  kind: r.kind,
  scenarioRef: r.scenario_ref,
  scenarioTitle: r.scenario_title,
  scenarioHash: r.scenario_hash,
  seed: JSON.parse(r.seed) as string | number,
  replications: r.replications,
  engineVersion: r.engine_version,
  durationMs: r.duration_ms,
});

/** The database cannot be opened (a folder, a missing folder, not a database, no permission). */
export class HistoryError extends Error {
  override name = 'HistoryError';
}

export class HistoryStore {
  private readonly db: Database.Database;

  /**
   * Opens (or creates) the database at `file`; ":memory:" for a throw-away one.
   * @throws HistoryError if it cannot.
   */
  constructor(file: string) {
    try {
      this.db = new Database(file);
      this.db.pragma('journal_mode = WAL');
    } catch (error) {
      throw new HistoryError(`cannot open the history database ${file}: ${(error as Error).message}`);
    }
    this.db.exec(`CREATE TABLE IF NOT EXISTS runs (
      id TEXT PRIMARY KEY,
      created_at TEXT NOT NULL,
      kind TEXT NOT NULL,
      scenario_ref TEXT NOT NULL,
      scenario_title TEXT NOT NULL,
      scenario_hash TEXT NOT NULL,
      seed TEXT NOT NULL,
      replications INTEGER NOT NULL,
      engine_version TEXT NOT NULL,
      duration_ms INTEGER NOT NULL,
      request_json TEXT NOT NULL,
      result_json TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS runs_created ON runs (created_at DESC, id DESC);`);
  }

  add(r: HistoryRecord): void {
    this.db
      .prepare(
        `INSERT INTO runs (id, created_at, kind, scenario_ref, scenario_title, scenario_hash, seed, replications, engine_version, duration_ms, request_json, result_json)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(r.id, r.createdAt, r.kind, r.scenarioRef, r.scenarioTitle, r.scenarioHash, JSON.stringify(r.seed), r.replications, r.engineVersion, Math.round(r.durationMs), JSON.stringify(r.request), JSON.stringify(r.result));
  }

  /** Newest first. */
  list(limit: number, offset: number): { total: number; runs: HistoryEntry[] } {
    const rows = this.db
      .prepare(`SELECT id, created_at, kind, scenario_ref, scenario_title, scenario_hash, seed, replications, engine_version, duration_ms FROM runs ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?`)
      .all(limit, offset) as Row[];
    const { n } = this.db.prepare('SELECT COUNT(*) AS n FROM runs').get() as { n: number };
    return { total: n, runs: rows.map(entryOf) };
  }

  get(id: string): HistoryRecord | null {
    const row = this.db.prepare('SELECT * FROM runs WHERE id = ?').get(id) as Row | undefined;
    if (row === undefined) return null;
    return { ...entryOf(row), request: JSON.parse(row.request_json!), result: JSON.parse(row.result_json!) };
  }

  close(): void {
    this.db.close();
  }
}
