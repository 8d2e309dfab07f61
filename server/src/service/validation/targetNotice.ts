import type { Finding } from '../findings/finding';
import type { DocumentModel } from '../model/documentModel';
import { minorOf, NEWEST_KUBERNETES_VERSION, type ServiceSettings } from '../settings';
import { endOfLife, NEWEST_DATA_MINOR, OLDEST_DATA_MINOR } from '../versions/apiVersions';

/** The finding code of the notice about the target version; documented in docs/rules/target-version.md. */
export const TARGET_VERSION_CODE = 'target-version';

function today(settings: ServiceSettings): string {
  return settings.today ?? new Date().toISOString().slice(0, 10);
}

/** The oldest minor still supported on `date`, from the end-of-life dates of the API data. */
function oldestSupported(date: string): number | undefined {
  for (let minor = OLDEST_DATA_MINOR; minor <= NEWEST_DATA_MINOR; minor++) {
    const end = endOfLife(minor);
    if (end !== undefined && end >= date) return minor;
  }
  return undefined;
}

/**
 * What the file should know about its target version, once, on the first pod's `kind`: a
 * setting that is not a version, a release past its end of life (dates from the API data,
 * kubernetes.io/releases), a release older or newer than the bundled data.
 */
export function targetVersionNotice(model: DocumentModel, settings: ServiceSettings): Finding | undefined {
  const pod = model.pods[0];
  if (!pod) return undefined;
  const range = pod.kindPair.key.range;
  if (settings.kubernetesVersionProblem) {
    return {
      code: TARGET_VERSION_CODE,
      severity: 'warning',
      message: `The target Kubernetes version ${settings.kubernetesVersionProblem}. Checking against ${NEWEST_KUBERNETES_VERSION}, the newest version the bundled API data covers.`,
      range,
      data: { problem: 'invalid', target: NEWEST_KUBERNETES_VERSION },
    };
  }
  const target = settings.kubernetesVersion;
  const minor = minorOf(target);
  const date = today(settings);
  const supported = oldestSupported(date);
  const supportedRange =
    supported !== undefined ? ` Supported releases: 1.${supported}–${NEWEST_KUBERNETES_VERSION}.` : '';
  if (minor > NEWEST_DATA_MINOR) {
    return {
      code: TARGET_VERSION_CODE,
      severity: 'information',
      message: `Kubernetes ${target} is newer than the bundled API data (${NEWEST_KUBERNETES_VERSION}): a field it added is reported as an unknown-field warning, not an error, and feature-gate stages are those of ${NEWEST_KUBERNETES_VERSION}.`,
      range,
      data: { problem: 'newer-than-data', target, newest: NEWEST_KUBERNETES_VERSION },
    };
  }
  if (minor < OLDEST_DATA_MINOR) {
    return {
      code: TARGET_VERSION_CODE,
      severity: 'information',
      message: `Kubernetes ${target} is past its end of life and older than the bundled API data (1.${OLDEST_DATA_MINOR}–${NEWEST_KUBERNETES_VERSION}): only fields known to be newer are reported for it.${supportedRange}`,
      range,
      data: { problem: 'older-than-data', target },
    };
  }
  const end = endOfLife(minor);
  if (end !== undefined && end < date) {
    return {
      code: TARGET_VERSION_CODE,
      severity: 'information',
      message: `Kubernetes ${target} reached its end of life on ${end} and gets no more fixes.${supportedRange}`,
      range,
      data: { problem: 'end-of-life', target, endOfLife: end },
    };
  }
  return undefined;
}
