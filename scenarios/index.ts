/** The scenarios layer: the file format, loading, overrides and checks; batch plans and sizing, which vary scenarios. */
export { Scenario, Duration, DepotSpec, FleetSpec, MissionSpec, ConditionSpec, NetworkSpec, ModuleSpec, RunSpec, Id } from './schema.ts';
export { parseScenario, type ParseResult } from './parse.ts';
export { loadScenario, loadInlineScenario, loadDocument, readDocument, applyOverrides, type LoadOptions, type LoadResult } from './load.ts';
export { compileScenario, hourOfDay, networkOf } from './compile.ts';
export { mergePatch, setToPatch, assertSafeKeys, PatchError, type Json } from './patch.ts';
export { ScenarioError, formatIssues, formatPath, type ScenarioIssue } from './issues.ts';
export { shippedScenarios, shippedScenarioFile, resolveScenarioRef, type ShippedScenario } from './catalog.ts';
export { BatchPlan } from './batch/schema.ts';
export { loadPlan, loadPlanDocument, MAX_CELLS, type LoadedPlan, type PlanAxis, type PlanCell, type AxisValue, type PlanBase, type PlanResult, type PlanLoadOptions } from './batch/plan.ts';
export { runBatch, batchSummary, cellScenario, type BatchOptions, type BatchResult } from './batch/run.ts';
export { BatchStore, StoreError, FILES } from './batch/store.ts';
export { sizeResources, MAX_AMOUNT, type SizingOptions, type SizingInput } from './sizing/size.ts';
export { RESOURCES, SizingError, type Resource } from './sizing/levers.ts';
