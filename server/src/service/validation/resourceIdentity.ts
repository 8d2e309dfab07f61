import type { Finding } from '../findings/finding';
import type { ResourceModel } from '../model/podModel';
import { workloadShape } from '../model/workloads';
import { minorOf, type ServiceSettings } from '../settings';
import { getPair, scalarText } from '../yaml/nodes';
import { removedApi } from './removedApis';

/**
 * An object whose apiVersion no longer serves its kind is rejected by the API server before
 * any field is looked at ("no matches for kind"). A pod-bearing kind under an apiVersion we
 * do not know is rejected the same way. Other unknown kinds (CRDs) are left alone.
 */
export function checkResourceIdentity(resource: ResourceModel, settings: ServiceSettings): Finding[] {
  const shape = workloadShape(resource.kind);
  if (resource.pod) return [];
  const kindPair = getPair(resource.root, 'kind');
  const apiVersionPair = getPair(resource.root, 'apiVersion');
  if (shape && (!apiVersionPair || resource.apiVersion === undefined)) {
    return [
      {
        code: 'schema',
        severity: 'error',
        message: `Missing "apiVersion": a ${shape.kind} needs \`apiVersion: ${shape.apiVersions[0]}\`.`,
        range: (kindPair ?? resource.root.pairs[0]!).key.range,
        data: { missingProperty: 'apiVersion', insertText: `apiVersion: ${shape.apiVersions[0]}` },
      },
    ];
  }
  if (!apiVersionPair) return [];
  const removed = removedApi(resource.apiVersion, resource.kind, minorOf(settings.kubernetesVersion));
  if (!removed && !shape) return [];
  const range = apiVersionPair.value?.range ?? apiVersionPair.key.range;
  const kind = scalarText(kindPair?.value) ?? '';
  const replacement = removed?.replacement ?? shape!.apiVersions.join(', ');
  return [
    {
      code: 'schema',
      severity: 'error',
      message: removed
        ? `no matches for kind "${kind}" in version "${resource.apiVersion}": this apiVersion was removed in Kubernetes ${removed.removedIn}. Use ${replacement}.`
        : `no matches for kind "${kind}" in version "${resource.apiVersion}". ${kind} is served as ${replacement}.`,
      range,
      data: { replacement: removed ? replacement : shape!.apiVersions[0] },
    },
  ];
}
