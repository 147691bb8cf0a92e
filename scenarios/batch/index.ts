/** Batch runs: plan files, their cells, running them, and results folders. */
export { BatchPlan } from './schema.ts';
export { loadPlan, loadPlanDocument, canonicalJson, MAX_CELLS, type LoadedPlan, type PlanAxis, type PlanCell, type AxisValue, type PlanBase, type PlanResult, type PlanLoadOptions } from './plan.ts';
export { runBatch, batchSummary, cellScenario, cellJobs, cellSeed, cellAxes, type BatchOptions, type BatchResult } from './run.ts';
export { BatchStore, StoreError, FILES, csvHeader, csvRows } from './store.ts';
