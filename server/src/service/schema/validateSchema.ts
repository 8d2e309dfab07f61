import type { Finding } from '../findings/finding';
import type { ResourceModel } from '../model/podModel';
import type { ServiceSettings } from '../settings';

/** Strict schema validation of one pod-bearing object. */
export function validateAgainstSchema(_resource: ResourceModel, _settings: ServiceSettings): Finding[] {
  return [];
}
