/** The scenarios layer: the file format, loading, overrides and checks. */
export { Scenario, Duration, DepotSpec, FleetSpec, MissionSpec, ConditionSpec, NetworkSpec, ModuleSpec, RunSpec, Id } from './schema.ts';
export { parseScenario, type ParseResult } from './parse.ts';
export { loadScenario, loadDocument, readDocument, applyOverrides, type LoadOptions, type LoadResult } from './load.ts';
export { compileScenario, hourOfDay, networkOf } from './compile.ts';
export { mergePatch, setToPatch, assertSafeKeys, PatchError, type Json } from './patch.ts';
export { ScenarioError, formatIssues, formatPath, type ScenarioIssue } from './issues.ts';
export { shippedScenarios, shippedScenarioFile, resolveScenarioRef, type ShippedScenario } from './catalog.ts';
export * from './batch/index.ts';
export * from './sizing/index.ts';
