/** The public surfaces of the engine and of the scenarios layer, pinned: a change to them is deliberate. */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import * as engine from '../engine/index.ts';
import * as scenarios from '../scenarios/index.ts';

const x = suite('public exports');

x('the engine exports exactly these values', () => {
  assert.equal(Object.keys(engine).sort(), [
    'PHASES',
    'PHASE_NAMES',
    'RandomStream',
    'Streams',
    'WorkerPool',
    'cheapestCombination',
    'digestOf',
    'distributionMean',
    'distributionVariance',
    'hhmm',
    'leastMeeting',
    'meanInterval',
    'poissonArrivals',
    'prepareModel',
    'quantile',
    'quantiles',
    'renderBatch',
    'renderHtml',
    'renderSizing',
    'renderText',
    'runCells',
    'runIndices',
    'runReplications',
    'simulate',
    'streamSeed',
    'summarise',
    'summariseBatch',
    'verdictOf',
    'wilsonInterval',
  ]);
});

x('the scenarios layer exports exactly these values', () => {
  assert.equal(Object.keys(scenarios).sort(), [
    'BatchPlan',
    'BatchStore',
    'ConditionSpec',
    'DepotSpec',
    'Duration',
    'FILES',
    'FleetSpec',
    'Id',
    'MAX_AMOUNT',
    'MAX_CELLS',
    'MissionSpec',
    'ModuleSpec',
    'NetworkSpec',
    'PatchError',
    'RESOURCES',
    'RunSpec',
    'Scenario',
    'ScenarioError',
    'SizingError',
    'StoreError',
    'applyOverrides',
    'assertSafeKeys',
    'batchSummary',
    'cellScenario',
    'compileScenario',
    'formatIssues',
    'formatPath',
    'hourOfDay',
    'loadDocument',
    'loadInlineScenario',
    'loadPlan',
    'loadPlanDocument',
    'loadScenario',
    'mergePatch',
    'networkOf',
    'parseScenario',
    'readDocument',
    'resolveScenarioRef',
    'runBatch',
    'setToPatch',
    'shippedScenarioFile',
    'shippedScenarios',
    'sizeResources',
  ]);
});

x.run();
