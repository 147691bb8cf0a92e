/**
 * The discrete-event kernel: clock, event list, events, processes, resources and monitors. It knows
 * nothing of trucks, roads or randomness (see engine/model and engine/random.ts for those).
 */
export { Environment, ticks, type RunOptions } from './environment.ts';
export { SimEvent, Timeout, Condition, AllOf, AnyOf, ConditionValue, URGENT, NORMAL, type Callback } from './events.ts';
export { Process, type ProcessGenerator } from './process.ts';
export { Resource, Request, Preempted, useResource, type ResourceOptions, type RequestOptions } from './resource.ts';
export { Container, ContainerRequest, type ContainerOptions } from './container.ts';
export { Store, StoreRequest, type StoreOptions } from './store.ts';
export { Tally, TimeWeighted } from './monitors.ts';
export { SimError, ArgumentError, Interrupt, EmptySchedule, LimitExceeded, type LimitKind } from './errors.ts';
export { MIN_PRIORITY, MAX_PRIORITY } from './event-queue.ts';
