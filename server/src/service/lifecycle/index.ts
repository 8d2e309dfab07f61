/** The simulated lifecycle of a pod: startup and shutdown on one clock, from the pod model. */
export * from './types';
export { simulateLifecycle, containerName } from './simulate';
export { lifecycleOf } from './forFile';
export { lifecycleText } from './text';
export { renderLifecycleScene } from './scene';
