/**
 * The engine's public surface, for the CLI, the API and other programs: run a model (one replication
 * or many), summarise replications into verdicts, run batch cells, search for the least resources,
 * render reports. The kernel has its own index
 * (engine/kernel/index.ts).
 */
export { simulate, prepareModel, type PreparedModel, type ReplicationResult, type MissionOutcome, type DepotOutcome, type Shortfall, type SimulateOptions } from './model/build.ts';
export type { ModelInput, NetworkInput, NodeInput, LinkInput, ModuleInput, DepotInput, FleetInput, MissionInput, ConditionInput, CrewInput, RoadClass } from './model/input.ts';
export { PHASES, type Phase } from './model/recorder.ts';
export { runReplications, runIndices, digestOf, type ReplicateOptions } from './run/replicate.ts';
export { WorkerPool } from './run/pool.ts';
export { summarise, verdictOf, type RunSummary, type MissionSummary, type DepotSummary, type ReplicationDigest, type Verdict } from './summary.ts';
export { meanInterval, wilsonInterval, quantile, quantiles, type MeanInterval, type ProportionInterval } from './stats.ts';
export { RandomStream, Streams, streamSeed, poissonArrivals, distributionMean, distributionVariance, type Distribution, type RatePiece } from './random.ts';
export { renderText, hhmm, PHASE_NAMES, type ReportContext } from './report/text.ts';
export { renderHtml, type HtmlReportInput } from './report/html.ts';
export { runCells, type CellJob, type CellSetup, type CellsProgress, type RunCellsOptions, type RunCellsResult } from './batch/run-cells.ts';
export type { CellRecord, TargetRecord, CellError, CellIssue, JsonValue } from './batch/record.ts';
export { summariseBatch, type BatchSummary } from './batch/summary.ts';
export { leastMeeting, cheapestCombination } from './sizing/search.ts';
export type { SizingResult, SizingEvaluation, ResourceAnswer, SizingCombination } from './sizing/result.ts';
export { renderBatch, type BatchReportContext } from './report/batch.ts';
export { renderSizing } from './report/sizing.ts';
