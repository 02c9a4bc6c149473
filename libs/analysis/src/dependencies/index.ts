export type {
  DependencyEdge,
  DependencyGraph,
  DependencyInput,
  DependencySource,
  ExternalDependency,
} from './dependency-types';
export { resolveDependencies } from './resolve-dependencies';
export { fanInOut, type FanCounts } from './fan-in-out';
