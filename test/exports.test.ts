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
    'digestOf',
    'distributionMean',
    'distributionVariance',
    'hhmm',
    'meanInterval',
    'poissonArrivals',
    'prepareModel',
    'quantile',
    'quantiles',
    'renderHtml',
    'renderText',
    'runIndices',
    'runReplications',
    'simulate',
    'streamSeed',
    'summarise',
    'verdictOf',
    'wilsonInterval',
  ]);
});

x('the scenarios layer exports exactly these values', () => {
  assert.equal(Object.keys(scenarios).sort(), [
    'ConditionSpec',
    'DepotSpec',
    'Duration',
    'FleetSpec',
    'Id',
    'MissionSpec',
    'ModuleSpec',
    'NetworkSpec',
    'PatchError',
    'RunSpec',
    'Scenario',
    'ScenarioError',
    'applyOverrides',
    'assertSafeKeys',
    'compileScenario',
    'formatIssues',
    'formatPath',
    'hourOfDay',
    'loadDocument',
    'loadInlineScenario',
    'loadScenario',
    'mergePatch',
    'networkOf',
    'parseScenario',
    'readDocument',
    'resolveScenarioRef',
    'setToPatch',
    'shippedScenarioFile',
    'shippedScenarios',
  ]);
});

x.run();
