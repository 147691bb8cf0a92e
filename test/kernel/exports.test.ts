import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import * as kernel from '../../engine/kernel/index.ts';

const exp = suite('kernel exports');

exp('the kernel exports exactly its documented values', () => {
  assert.equal(Object.keys(kernel).sort(), [
    'AllOf',
    'AnyOf',
    'ArgumentError',
    'Condition',
    'ConditionValue',
    'Container',
    'ContainerRequest',
    'EmptySchedule',
    'Environment',
    'Interrupt',
    'LimitExceeded',
    'MAX_PRIORITY',
    'MIN_PRIORITY',
    'NORMAL',
    'Preempted',
    'Process',
    'Request',
    'Resource',
    'SimError',
    'SimEvent',
    'Store',
    'StoreRequest',
    'Tally',
    'TimeWeighted',
    'Timeout',
    'URGENT',
    'ticks',
    'useResource',
  ]);
});

exp.run();
