/**
 * The zhanbao command line (bin/zhanbao.ts runs it). The verdict goes to stdout (the same bytes for the same scenario and seed);
 * progress and timings go to stderr. Exit codes: 0 ran (whatever the verdict), 2 bad input or usage,
 * 3 a target missed with --fail-on-miss, 1 an unexpected failure.
 */
import { availableParallelism } from 'node:os';
import { closeSync, existsSync, openSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { stringify as toYaml } from 'yaml';
import { SimError } from '../engine/kernel/index.ts';
import { renderBatch, renderHtml, renderSizing, renderText, runReplications, simulate, summarise, type CellRecord, type RunSummary } from '../engine/index.ts';
import {
  BatchStore,
  FILES,
  RESOURCES,
  SizingError,
  StoreError,
  batchSummary,
  formatIssues,
  hourOfDay,
  loadPlan,
  loadScenario,
  readDocument,
  runBatch,
  shippedScenarios,
  sizeResources,
  type LoadResult,
} from '../scenarios/index.ts';
import { batchProgress } from './progress.ts';

const VERSION = '0.1.0';

class UsageError extends Error {}

const HELP: Record<string, string> = {
  main: `zhanbao ${VERSION} — discrete-event simulation of Liaoning's fire-and-rescue logistics (战勤保障)

Usage: zhanbao <command> [options]

Commands:
  run <scenario>        simulate a scenario and print the verdict per target
  validate <scenario>   check a scenario file and list every problem
  scenarios             list the shipped scenarios
  show <scenario>       print a scenario with extends, defaults and overrides applied (YAML)
  serve                 start the what-if HTTP API (OpenAPI at /openapi.json, docs at /docs)
  batch <plan>          run a grid of scenario variants in parallel; results to a folder, summary to stdout
  size <scenario>       the least trucks, docks, forklifts, ... that make a target MET

<scenario> is a shipped id (see \`zhanbao scenarios\`) or a path to a .yaml or .json file.
Run \`zhanbao <command> --help\` for a command's options.`,
  run: `Usage: zhanbao run <scenario> [options]

Simulates the scenario and prints one row per target: P(on time) with its interval, median and
P95 completion, the bottleneck and the verdict (MET / AT RISK / NOT MET).

Options:
  -n, --replications N   replications (default: the scenario's run.replications)
  -s, --seed S           base seed (default: the scenario's run.seed)
      --set path=value   override one value, e.g. --set depots.fushun-national.docks=14 (repeatable)
      --patch FILE       apply a JSON merge patch (RFC 7396) from a .json or .yaml file (repeatable)
  -w, --workers N        worker threads (default: all cores); the result does not depend on it
      --json FILE        also write the full results as JSON
      --html FILE        also write a report to look at: map of routes, completion times, phases,
                         and a timeline of every truck in replication 0
      --fail-on-miss     exit with 3 if any target is not MET (for scripts)
  -q, --quiet            no progress on stderr
  -h, --help             this help`,
  validate: `Usage: zhanbao validate <scenario> [--set path=value ...] [--patch FILE ...]

Checks the scenario (shape, units, ids, routes) and prints every problem with its place in the
file; exits 0 if valid, 2 if not.`,
  scenarios: `Usage: zhanbao scenarios

Lists the shipped scenarios with a one-line description.`,
  show: `Usage: zhanbao show <scenario> [--set path=value ...] [--patch FILE ...]

Prints the scenario as the simulator sees it: extends, defaults and overrides applied.`,
  serve: `Usage: zhanbao serve [options]

Starts the what-if HTTP API. Flags override environment variables, which override the defaults.

Options (environment variable, default):
      --port P              PORT, 8080 (0: any free port)
      --host H              HOST, 127.0.0.1
      --db FILE             ZHANBAO_DB, zhanbao-history.sqlite (the run history; kept across restarts)
      --workers N           ZHANBAO_WORKERS, all cores (at most 8): threads that run simulations
      --max-replications N  ZHANBAO_MAX_REPLICATIONS, 5000 per request
      --max-variants N      ZHANBAO_MAX_VARIANTS, 10 per comparison
      --max-horizon-h H     ZHANBAO_MAX_HORIZON_H, 720 simulated hours
      --max-concurrent N    ZHANBAO_MAX_CONCURRENT, 4 runs at once (more get 429)
      --run-timeout-s S     ZHANBAO_RUN_TIMEOUT_S, 60 (a longer run is stopped: 504)
      --sizing-timeout-s S  ZHANBAO_SIZING_TIMEOUT_S, 300 (a longer sizing is stopped: 504)
      --max-batches N       ZHANBAO_MAX_BATCHES, 1 batch running at once (more get 429)
      --max-batch-replications N
                            ZHANBAO_MAX_BATCH_REPLICATIONS, 200000 over a batch's cells
      --batch-timeout-s S   ZHANBAO_BATCH_TIMEOUT_S, 3600 (then stopped; finished cells kept)
      --max-body-bytes N    ZHANBAO_MAX_BODY_BYTES, 1048576 (larger bodies get 413)
      --log-level L         ZHANBAO_LOG_LEVEL, info
  -h, --help                this help

Stops gracefully on SIGINT or SIGTERM.`,
  batch: `Usage: zhanbao batch <plan> [options]

Runs every cell of a batch plan (a base scenario, axes that vary it, replications and a seed; see
scenarios/batches/winter-drill.yaml) on a pool of worker threads. Each finished cell is appended to
results.jsonl and results.csv in the output folder at once; at the end the summary (which cells meet
which targets, the worst cells, the axis that moves P(on time) most) goes to stdout and summary.txt.

Run it again with the same --out to resume: cells already there are skipped (the folder must hold
the same plan). Ctrl-C stops cleanly and keeps every finished cell. A cell whose scenario is invalid
or hits a run limit is recorded with its error; the others go on. The results do not depend on
--workers or on interruptions.

Options:
  -w, --workers N        worker threads (default: all cores); 1 runs in this thread
  -o, --out DIR          results folder (default: out/<plan name>)
  -q, --quiet            no progress on stderr
  -h, --help             this help

Exit codes: 0 all cells done (failed cells included), 2 bad plan or folder, 130 stopped by Ctrl-C.`,
  size: `Usage: zhanbao size <scenario> --target MISSION --vary RESOURCES [options]

The least amount of each resource (alone, the others as in the scenario) that makes the target MET —
the 95% interval of P(on time) at or above --confidence — with the evidence at that amount and at one
less, and the cheapest combination by --cost. Every evaluation runs the same replications with the
same seed (common random numbers) and only the target's depot; the search gallops and bisects,
assuming more of a resource never makes the target later.

Resources, at the depot the target starts from:
  trucks      trucks in one fleet (--fleet, default the depot's first own fleet)
  docks       loading docks
  forklifts   forklifts
  preloaded   trucks kept loaded, over the depot's fleets in order
  crew        handlers on duty at the alert

Options:
  -t, --target MISSION   the mission to size for (required)
      --vary LIST        resources, comma-separated, e.g. trucks,docks,forklifts (required)
  -c, --confidence P     required P(on time), e.g. 0.95 (default: the scenario's run.requiredConfidence)
  -n, --replications N   replications per evaluation (default 200)
  -s, --seed S           seed of every evaluation (default: the scenario's run.seed)
      --max N|LIST       top of the search: N for every resource, or e.g. trucks=40,docks=20
                         (default max(2 × scenario, scenario + 10); preloaded: the depot's trucks)
      --cost LIST        cost of one unit added, e.g. trucks=5,docks=2,forklifts=1 (default 1 each)
      --fleet ID         the fleet whose trucks are counted
      --set path=value   override one value first (repeatable); --patch FILE likewise
  -w, --workers N        worker threads (default: all cores)
      --json FILE        also write the answer as JSON
  -q, --quiet            no progress on stderr
  -h, --help             this help`,
};

const overrideOptions = {
  set: { type: 'string', multiple: true },
  patch: { type: 'string', multiple: true },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

function parse<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function positiveInt(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1) throw new UsageError(`--${name} must be a whole number ≥ 1; got "${value}"`);
  return n;
}

/** Most worker threads a command may start (as the server's --workers): each costs tens of MB. */
const MAX_WORKERS = 64;

function workersOption(value: string | undefined): number | undefined {
  const n = positiveInt('workers', value);
  if (n !== undefined && n > MAX_WORKERS) throw new UsageError(`--workers must be at most ${MAX_WORKERS} (this machine has ${availableParallelism()} cores); got ${n}`);
  return n;
}

/** Checks, before any work, that `--<flag> FILE` can be written: its folder exists and it is not a folder. */
function outputFile(flag: string, file: string | undefined): string | undefined {
  if (file === undefined) return undefined;
  if (file === '') throw new UsageError(`--${flag} needs a file path; got ""`);
  if (existsSync(file) && statSync(file).isDirectory()) throw new UsageError(`--${flag} ${file} is a folder; give a file path`);
  const dir = path.dirname(path.resolve(file));
  if (!existsSync(dir)) throw new UsageError(`--${flag} ${file}: the folder ${dir} does not exist`);
  if (!statSync(dir).isDirectory()) throw new UsageError(`--${flag} ${file}: ${dir} is a file, not a folder`);
  // Open it now (without changing what it holds), so that a place that cannot be written is said
  // before the simulation rather than after it.
  try {
    closeSync(openSync(file, 'a'));
  } catch (error) {
    throw new UsageError(`--${flag} ${file} cannot be written: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return file;
}

/** Writes an output file; a failure is bad input (a full disk, no permission), not a crash. */
function writeOutput(flag: string, file: string, text: string): void {
  try {
    writeFileSync(file, text);
  } catch (error) {
    throw new InputError(`cannot write --${flag} ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

/** Loads a scenario with its overrides; `setNames` names the sets that came from other flags (--replications). */
function load(ref: string | undefined, values: { set?: string[]; patch?: string[] }, setNames?: string[]): Extract<LoadResult, { ok: true }> {
  if (ref === undefined) throw new UsageError('give a scenario: a shipped id (see `zhanbao scenarios`) or a file path');
  const patches = (values.patch ?? []).map((file) => {
    const read = readDocument(file);
    if (!read.ok) throw new InputError(formatIssues([read.issue]), 'the scenario has problems');
    return read.document;
  });
  const loaded = loadScenario(ref, { patches, patchNames: values.patch ?? [], sets: values.set ?? [], ...(setNames !== undefined && { setNames }) });
  if (!loaded.ok) throw new InputError(formatIssues(loaded.issues), 'the scenario has problems');
  return loaded;
}

/** Bad input: a scenario's or a plan's issues (one per line, under a heading) or a single message. */
class InputError extends Error {
  constructor(
    message: string,
    readonly heading?: string,
  ) {
    super(message);
  }
}

async function run(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, {
    ...overrideOptions,
    replications: { type: 'string', short: 'n' },
    seed: { type: 'string', short: 's' },
    workers: { type: 'string', short: 'w' },
    json: { type: 'string' },
    html: { type: 'string' },
    'fail-on-miss': { type: 'boolean' },
    quiet: { type: 'boolean', short: 'q' },
  });
  if (values.help) return help('run');
  if (positionals.length > 1) throw new UsageError(`run takes one scenario; got ${positionals.join(' ')}`);
  const sets = [...(values.set ?? [])];
  const setNames = sets.map((s) => `--set ${s}`);
  const replicationsArg = positiveInt('replications', values.replications);
  if (replicationsArg !== undefined) {
    sets.push(`run.replications=${replicationsArg}`);
    setNames.push(`--replications ${values.replications}`);
  }
  if (values.seed !== undefined) {
    sets.push(`run.seed=${JSON.stringify(/^-?\d+$/.test(values.seed) ? Number(values.seed) : values.seed)}`);
    setNames.push(`--seed ${values.seed}`);
  }
  outputFile('json', values.json);
  outputFile('html', values.html);
  const loaded = load(positionals[0], { ...values, set: sets }, setNames);
  const { scenario, model } = loaded;
  const replications = scenario.run.replications;
  const workers = workersOption(values.workers) ?? (replications >= 200 ? Math.min(availableParallelism(), 8) : 1);
  const quiet = values.quiet === true || !process.stderr.isTTY;
  const started = performance.now();
  let lastShown = 0;
  const digests = await runReplications(model, {
    replications,
    seed: scenario.run.seed,
    workers,
    onProgress: (done, total) => {
      if (quiet || (done < total && performance.now() - lastShown < 200)) return;
      lastShown = performance.now();
      process.stderr.write(`\r  ${done}/${total} replications`);
      if (done === total) process.stderr.write('\n');
    },
  });
  const summary = summarise(model, digests, scenario.run.seed, scenario.run.requiredConfidence);
  const id = loaded.file === null ? 'inline' : scenarioId(loaded.file);
  process.stdout.write(
    renderText(summary, {
      scenarioId: id,
      title: scenario.title,
      alert: scenario.alert.timeOfDay,
      night: isNight(scenario.alert.timeOfDay, scenario.night.from, scenario.night.to),
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  if (!values.quiet) process.stderr.write(`${replications} replications in ${seconds.toFixed(1)} s on ${workers} worker${workers > 1 ? 's' : ''} (${summary.events.toLocaleString('en')} events)\n`);
  if (values.json !== undefined) {
    writeOutput('json', values.json, `${toJson({ scenario: id, title: scenario.title, summary })}\n`);
    if (!values.quiet) process.stderr.write(`results written to ${values.json}\n`);
  }
  if (values.html !== undefined) {
    const traced = simulate(model, { seed: scenario.run.seed, replication: 0, trace: true });
    writeOutput('html', values.html, renderHtml({ title: scenario.title, scenarioId: id, alert: scenario.alert.timeOfDay, summary, model, digests, traced }));
    if (!values.quiet) process.stderr.write(`report written to ${values.html}\n`);
  }
  return values['fail-on-miss'] && summary.missions.some((m) => m.verdict !== 'MET') ? 3 : 0;
}

function scenarioId(file: string): string {
  const shipped = shippedScenarios().find((s) => s.file === file);
  return shipped?.id ?? file;
}

function isNight(alert: string, from: string, to: string): boolean {
  const [a, f, t] = [alert, from, to].map(hourOfDay) as [number, number, number];
  return f > t ? a >= f || a < t : a >= f && a < t;
}

/** JSON with infinite times (a target never reached) as null. */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2);
}

/** "1 depot", "3 depots". */
const count = (collection: object, noun: string) => `${Object.keys(collection).length} ${noun}${Object.keys(collection).length === 1 ? '' : 's'}`;

function validate(args: string[]): number {
  const { values, positionals } = parse(args, overrideOptions);
  if (values.help) return help('validate');
  const loaded = load(positionals[0], values);
  const s = loaded.scenario;
  process.stdout.write(
    `${positionals[0]}: valid — ${count(s.depots, 'depot')}, ${count(s.fleets, 'fleet')}, ${count(s.missions, 'mission')}, ${count(s.conditions, 'condition')}\n`,
  );
  return 0;
}

function listScenarios(args: string[]): number {
  const { values } = parse(args, { help: { type: 'boolean', short: 'h' } });
  if (values.help) return help('scenarios');
  const list = shippedScenarios();
  const width = Math.max(...list.map((s) => s.id.length));
  for (const s of list) process.stdout.write(`${s.id.padEnd(width)}  ${s.title}\n`);
  return 0;
}

function show(args: string[]): number {
  const { values, positionals } = parse(args, overrideOptions);
  if (values.help) return help('show');
  const loaded = load(positionals[0], values);
  process.stdout.write(toYaml(loaded.scenario, { lineWidth: 120 }));
  return 0;
}

async function serve(args: string[]): Promise<number> {
  // Loaded only here, so that the other commands do not pay for fastify at start-up.
  const { FLAG_NAMES, resolveConfig } = await import('../api/config.ts');
  const { startServer } = await import('../api/server.ts');
  const settings = Object.entries(FLAG_NAMES) as [keyof typeof FLAG_NAMES, string][];
  const { values, positionals } = parse(args, {
    ...Object.fromEntries(settings.map(([, flag]) => [flag, { type: 'string' as const }])),
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return help('serve');
  if (positionals.length > 0) throw new UsageError(`serve takes no arguments; got ${positionals.join(' ')}`);
  const resolved = resolveConfig(Object.fromEntries(settings.map(([key, flag]) => [key, (values as Record<string, unknown>)[flag] as string | undefined])));
  if (!resolved.ok) throw new UsageError(resolved.problems.join('; '));
  try {
    const server = await startServer(resolved.config);
    process.stderr.write(`zhanbao API listening on ${server.url} — docs at ${server.url}/docs, OpenAPI at ${server.url}/openapi.json\n`);
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    if (e.code === 'EADDRINUSE' || e.code === 'EACCES' || e.code === 'EADDRNOTAVAIL' || e.code === 'ENOTFOUND' || e.code === 'EAI_AGAIN') throw new InputError(`cannot listen on ${resolved.config.host}:${resolved.config.port}: ${e.code}`);
    if (e.name === 'HistoryError') throw new InputError(`--db: ${e.message}`);
    throw error;
  }
  return 0;
}

function help(topic: string): number {
  process.stdout.write(`${HELP[topic]}\n`);
  return 0;
}

/** Runs `fn` with Ctrl-C turned into an abort; a second Ctrl-C quits at once. */
async function withInterrupt<T>(fn: (signal: AbortSignal) => Promise<T>, note: string): Promise<T> {
  const controller = new AbortController();
  const onSigint = () => {
    if (controller.signal.aborted) process.exit(130);
    process.stderr.write(`\n${note}\n`);
    controller.abort();
  };
  process.on('SIGINT', onSigint);
  try {
    return await fn(controller.signal);
  } finally {
    process.off('SIGINT', onSigint);
  }
}

async function batch(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, {
    workers: { type: 'string', short: 'w' },
    out: { type: 'string', short: 'o' },
    quiet: { type: 'boolean', short: 'q' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return help('batch');
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'give a batch plan file (see scenarios/batches/)' : `batch takes one plan; got ${positionals.join(' ')}`);
  const workers = workersOption(values.workers) ?? availableParallelism();
  const loaded = loadPlan(positionals[0]!);
  if (!loaded.ok) throw new InputError(formatIssues(loaded.issues), 'the batch plan has problems');
  const plan = loaded.plan;
  if (values.out === '') throw new UsageError('--out needs a folder; got ""');
  const dir = values.out ?? path.join('out', plan.name);
  const store = BatchStore.open(dir, plan);
  const quiet = values.quiet === true;
  const previous = store.previous;
  if (!quiet) {
    process.stderr.write(`${plan.title}: ${plan.cells.length} cells × ${plan.plan.replications} replications on ${workers} worker${workers > 1 ? 's' : ''}\n`);
    if (previous.length > 0) process.stderr.write(`resuming: ${previous.length} of ${plan.cells.length} cells already in ${dir}\n`);
  }
  const started = performance.now();
  const progress = batchProgress(quiet ? 'none' : process.stderr.isTTY ? 'bar' : 'lines');
  const result = await withInterrupt(
    (signal) =>
      runBatch(plan, {
        workers,
        signal,
        skip: previous.map((r) => r.cell),
        onCell: (record) => store.append(record),
        onProgress: (p) => progress.update(p),
      }),
    'stopping: every finished cell is saved (Ctrl-C again to quit at once)',
  ).finally(() => progress.stop());
  const records: CellRecord[] = [...previous, ...result.records];
  const summary = batchSummary(plan, records);
  if (!result.completed) {
    process.stderr.write(`stopped: ${records.length} of ${plan.cells.length} cells done and saved in ${dir}; run the same command again to resume\n`);
    return 130;
  }
  const text = renderBatch(summary, records, {
    title: plan.title,
    plan: positionals[0]!,
    replications: plan.plan.replications,
    seed: plan.plan.seed,
    seeds: plan.plan.seeds,
    axes: plan.axes.map((a) => a.name),
  });
  store.finish(records, text);
  process.stdout.write(text);
  if (!quiet) {
    const seconds = (performance.now() - started) / 1000;
    process.stderr.write(
      `${result.records.length} cells run${result.skipped > 0 ? ` (${result.skipped} were done before)` : ''}${summary.failed.length > 0 ? `, ${summary.failed.length} failed` : ''} in ${seconds.toFixed(1)} s; results in ${dir}: ${FILES.records}, ${FILES.csv}, ${FILES.summary}\n`,
    );
  }
  return 0;
}

/** "trucks=5,docks=2" → {trucks: 5, docks: 2}; a bare number gives it to every resource in `all`. */
function amountsOption(name: string, value: string | undefined, all: readonly string[]): Record<string, number> | undefined {
  if (value === undefined) return undefined;
  if (/^\s*[\d.]+\s*$/.test(value)) return Object.fromEntries(all.map((r) => [r, Number(value)]));
  const out: Record<string, number> = {};
  for (const part of value.split(',')) {
    const m = /^\s*([A-Za-z]+)\s*=\s*([\d.]+)\s*$/.exec(part);
    if (m === null) throw new UsageError(`--${name} needs a number or resource=number pairs like trucks=5,docks=2; got "${value}"`);
    out[m[1]!] = Number(m[2]);
  }
  return out;
}

async function size(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, {
    ...overrideOptions,
    target: { type: 'string', short: 't' },
    vary: { type: 'string' },
    confidence: { type: 'string', short: 'c' },
    replications: { type: 'string', short: 'n' },
    seed: { type: 'string', short: 's' },
    max: { type: 'string' },
    cost: { type: 'string' },
    fleet: { type: 'string' },
    workers: { type: 'string', short: 'w' },
    json: { type: 'string' },
    quiet: { type: 'boolean', short: 'q' },
  });
  if (values.help) return help('size');
  if (positionals.length > 1) throw new UsageError(`size takes one scenario; got ${positionals.join(' ')}`);
  if (values.target === undefined) throw new UsageError('give the target: --target <mission id>');
  if (values.vary === undefined) throw new UsageError(`give the resources to vary: --vary ${RESOURCES.slice(0, 3).join(',')} (any of ${RESOURCES.join(', ')})`);
  const vary = values.vary.split(',').map((r) => r.trim()).filter((r) => r !== '');
  let confidence: number | undefined;
  if (values.confidence !== undefined) {
    confidence = Number(values.confidence);
    if (!(confidence > 0.5 && confidence < 1)) throw new UsageError(`--confidence must be a number above 0.5 and below 1, e.g. 0.95; got "${values.confidence}"`);
  }
  outputFile('json', values.json);
  const loaded = load(positionals[0], values);
  const workers = workersOption(values.workers) ?? availableParallelism();
  const quiet = values.quiet === true;
  const max = amountsOption('max', values.max, vary);
  const cost = amountsOption('cost', values.cost, vary);
  const replications = positiveInt('replications', values.replications);
  const result = await withInterrupt(
    (signal) =>
      sizeResources(loaded, {
        target: values.target!,
        vary,
        workers,
        signal,
        ...(confidence !== undefined && { confidence }),
        ...(replications !== undefined && { replications }),
        ...(values.seed !== undefined && { seed: /^-?\d+$/.test(values.seed) ? Number(values.seed) : values.seed }),
        ...(max !== undefined && { max }),
        ...(cost !== undefined && { cost }),
        ...(values.fleet !== undefined && { fleet: values.fleet }),
        onEvaluation: (e, n) => {
          if (quiet) return;
          const amounts = Object.entries(e.amounts).map(([r, a]) => `${r} ${a}`).join(', ');
          const p = e.onTime === null ? `invalid: ${e.problem}` : `${(100 * e.onTime.estimate).toFixed(1)}% ${e.verdict}`;
          process.stderr.write(`  evaluation ${n}: ${amounts} → ${p}\n`);
        },
      }),
    'stopping the sizing (Ctrl-C again to quit at once)',
  );
  process.stdout.write(renderSizing(result));
  if (values.json !== undefined) {
    writeOutput('json', values.json, `${toJson(result)}\n`);
    if (!quiet) process.stderr.write(`answer written to ${values.json}\n`);
  }
  return 0;
}

const COMMANDS: Record<string, (args: string[]) => number | Promise<number>> = {
  run,
  validate,
  scenarios: listScenarios,
  show,
  serve,
  batch,
  size,
};

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') return help('main');
  if (command === '--version' || command === '-v') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const handler = COMMANDS[command];
  try {
    if (handler === undefined) throw new UsageError(`unknown command "${command}"; try: ${Object.keys(COMMANDS).join(', ')}`);
    return await handler(rest);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`zhanbao: ${error.message}\nRun \`zhanbao ${handler === undefined ? '' : `${command} `}--help\` for usage.\n`);
      return 2;
    }
    if (error instanceof InputError) {
      process.stderr.write(error.heading ? `zhanbao: ${error.heading}:\n${error.message}\n` : `zhanbao: ${error.message}\n`);
      return 2;
    }
    if (error instanceof StoreError || error instanceof SizingError) {
      process.stderr.write(`zhanbao: ${error instanceof SizingError ? `--${error.option}: ` : ''}${error.message}\n`);
      return 2;
    }
    if ((error as Error)?.name === 'AbortError') {
      process.stderr.write('zhanbao: stopped\n');
      return 130;
    }
    if (error instanceof SimError || (error as Error)?.name === 'LimitExceeded') {
      process.stderr.write(`zhanbao: ${(error as Error).message}\n`);
      return 2;
    }
    process.stderr.write(`zhanbao: unexpected failure: ${(error as Error)?.stack ?? String(error)}\n`);
    return 1;
  }
}

