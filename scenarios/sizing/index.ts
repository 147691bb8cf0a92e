/** Sizing: the least resources that make a target MET. */
export { sizeResources, fewestReplicationsToMeet, type SizingOptions, type SizingInput } from './size.ts';
export { leversFor, RESOURCES, SizingError, type Resource, type Lever, type Levers } from './levers.ts';
