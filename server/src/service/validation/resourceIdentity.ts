import type { Finding } from '../findings/finding';
import type { ResourceModel } from '../model/podModel';
import { workloadShape } from '../model/workloads';
import { getPair } from '../yaml/nodes';

/**
 * A pod-bearing kind under an apiVersion that no longer serves it is rejected by
 * the API server before any field is looked at ("no matches for kind"). Kinds we do
 * not know (CRDs, other resources) are left alone.
 */
export function checkResourceIdentity(resource: ResourceModel): Finding[] {
  const shape = workloadShape(resource.kind);
  if (!shape || resource.pod) return [];
  const kindPair = getPair(resource.root, 'kind')!;
  const apiVersionPair = getPair(resource.root, 'apiVersion');
  if (!apiVersionPair || resource.apiVersion === undefined) {
    return [{
      code: 'schema',
      severity: 'error',
      message: `Missing "apiVersion": a ${shape.kind} needs \`apiVersion: ${shape.apiVersions[0]}\`.`,
      range: kindPair.key.range,
      data: { missingProperty: 'apiVersion', insertText: `apiVersion: ${shape.apiVersions[0]}` },
    }];
  }
  const removedIn = shape.removedApiVersions[resource.apiVersion];
  const range = apiVersionPair.value?.range ?? apiVersionPair.key.range;
  const served = shape.apiVersions.join(', ');
  return [{
    code: 'schema',
    severity: 'error',
    message: removedIn
      ? `no matches for kind "${shape.kind}" in version "${resource.apiVersion}": this apiVersion was removed in Kubernetes ${removedIn}. Use ${served}.`
      : `no matches for kind "${shape.kind}" in version "${resource.apiVersion}". ${shape.kind} is served as ${served}.`,
    range,
    data: { replacement: shape.apiVersions[0] },
  }];
}
