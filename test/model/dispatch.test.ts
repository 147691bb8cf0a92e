import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { dispatchPolicies, earliestDeadline, priorityFirst, type MissionView } from '../../engine/model/dispatch.ts';
import { dispatchContract } from './dispatch.contract.ts';

for (const policy of Object.values(dispatchPolicies)) dispatchContract(policy);

const d = suite('dispatch policies');
const m = (id: string, priority: number, deadlineMs: number): MissionView => ({ id, priority, deadlineMs, modulesLeft: 1 });

d('priority first: the most urgent priority, then the earlier deadline', () => {
  assert.is(priorityFirst.choose([m('late-urgent', 0, 9), m('early-routine', 1, 1)], () => true)!.id, 'late-urgent');
  assert.is(priorityFirst.choose([m('x', 0, 9), m('y', 0, 3)], () => true)!.id, 'y');
});

d('earliest deadline first: the deadline, then the priority', () => {
  assert.is(earliestDeadline.choose([m('late-urgent', 0, 9), m('early-routine', 1, 1)], () => true)!.id, 'early-routine');
  assert.is(earliestDeadline.choose([m('x', 1, 5), m('y', 0, 5)], () => true)!.id, 'y');
});

d.run();
