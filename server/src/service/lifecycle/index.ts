/** The simulated lifecycle of a pod: startup and shutdown on one clock, from the pod model. */
export { simulateLifecycle, containerName } from './simulate';
export { isUnrenderedTemplate, lifecycleOf } from './forFile';
