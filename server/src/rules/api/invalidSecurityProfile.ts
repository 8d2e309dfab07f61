import { getPair, isMap, isScalar, type YMap, type YPair } from '../../service/yaml/nodes';
import { apiError, explain } from '../engine/apiMessages';
import { localDescendingPathProblems } from '../engine/localPaths';
import { describeContainer } from '../engine/podFacts';
import { containerRefOf, defineRule, type ContainerRef, type RuleFinding } from '../types';

/*
 * pkg/apis/core/validation/validation.go (kubernetes/kubernetes): validateSeccompProfileField
 * (since 1.19, when seccompProfile became a field) and ValidateAppArmorProfileField (since 1.30,
 * when appArmorProfile did), run on the pod's and every container's securityContext. The
 * field's own version is the schema's business, not this rule's.
 */

export interface InvalidSecurityProfileData extends Partial<ContainerRef> {
  readonly profile: 'seccompProfile' | 'appArmorProfile';
  /** The API path of the field the finding is about. */
  readonly field: string;
}

type Report = (field: string, range: { start: number; end: number }, apiText: string, explanation: string) => void;

function stringValue(pair: YPair | undefined): string | undefined {
  return isScalar(pair?.value) && typeof pair.value.value === 'string' ? pair.value.value : undefined;
}

/** validateLocalDescendingPath: a profile path is relative to the kubelet's profile directory. */
function checkDescendingPath(pair: YPair, path: string, report: Report): void {
  const profile = stringValue(pair);
  if (profile === undefined || !pair.value) return;
  const because = 'the profile is a file under the kubelet\u2019s seccomp directory, so its path must descend from it.';
  for (const problem of localDescendingPathProblems(profile))
    report(path, pair.value.range, apiError.invalid(path, profile, problem), because);
}

function checkSeccomp(profile: YMap, path: string, report: Report): void {
  const typePair = getPair(profile, 'type');
  const type = stringValue(typePair) ?? '';
  const localhostPair = getPair(profile, 'localhostProfile');
  const localhostPath = `${path}.localhostProfile`;
  if (type === 'Localhost') {
    if (!localhostPair || localhostPair.value === null) {
      report(
        localhostPath,
        typePair!.value!.range,
        apiError.required(localhostPath, 'must be set when seccomp type is Localhost'),
        'a Localhost profile names its file in `localhostProfile`.',
      );
    } else {
      checkDescendingPath(localhostPair, localhostPath, report);
    }
    return;
  }
  if (!localhostPair || localhostPair.value === null) return;
  // The API server prints the whole profile as the value; we print it as JSON, as the other api rules print structs.
  const printed = JSON.stringify({ type, localhostProfile: stringValue(localhostPair) ?? '' });
  report(
    localhostPath,
    localhostPair.key.range,
    apiError.invalidPrinted(localhostPath, printed, 'can only be set when seccomp type is Localhost'),
    `a ${type || 'typeless'} profile reads no file: delete \`localhostProfile\`, or set \`type: Localhost\`.`,
  );
}

function checkAppArmor(profile: YMap, path: string, report: Report): void {
  const typePair = getPair(profile, 'type');
  const type = stringValue(typePair);
  const localhostPair = getPair(profile, 'localhostProfile');
  const localhostPath = `${path}.localhostProfile`;
  const localhost = stringValue(localhostPair);
  if (type === 'Localhost') {
    if (!localhostPair || localhostPair.value === null) {
      report(
        localhostPath,
        typePair!.value!.range,
        apiError.required(localhostPath, 'must be set when AppArmor type is Localhost'),
        'a Localhost profile names the profile loaded on the node in `localhostProfile`.',
      );
    } else if (localhost !== undefined && localhost.trim() !== localhost) {
      report(
        localhostPath,
        localhostPair.value.range,
        apiError.invalid(localhostPath, localhost, 'must not be padded with whitespace'),
        'the profile name is used as written.',
      );
    } else if (localhost === '') {
      report(
        localhostPath,
        localhostPair.value.range,
        apiError.required(localhostPath, 'must be set when AppArmor type is Localhost'),
        'a Localhost profile names the profile loaded on the node in `localhostProfile`.',
      );
    }
    return;
  }
  // Only these two types: an empty or unknown type gets its own error from the API server (and the schema).
  if ((type !== 'RuntimeDefault' && type !== 'Unconfined') || !localhostPair || localhostPair.value === null) return;
  report(
    localhostPath,
    localhostPair.key.range,
    apiError.invalid(localhostPath, localhost ?? '', 'can only be set when AppArmor type is Localhost'),
    `a ${type} profile loads no named profile: delete \`localhostProfile\`, or set \`type: Localhost\`.`,
  );
}

function checkSecurityContext(context: YMap, path: string, report: Report): void {
  const seccomp = getPair(context, 'seccompProfile')?.value;
  if (isMap(seccomp)) checkSeccomp(seccomp, `${path}.seccompProfile`, report);
  const appArmor = getPair(context, 'appArmorProfile')?.value;
  if (isMap(appArmor)) checkAppArmor(appArmor, `${path}.appArmorProfile`, report);
}

/**
 * seccomp and AppArmor profiles of type `Localhost` must name their profile in
 * `localhostProfile` (a relative path for seccomp), and the other types must not name one;
 * on the pod's and on each container's securityContext.
 */
export const invalidSecurityProfile = defineRule({
  id: 'invalid-security-profile',
  category: 'api',
  defaultSeverity: 'error',
  summary:
    'A Localhost seccomp or AppArmor profile needs localhostProfile (a relative path); other types must not set it.',
  check(pod): RuleFinding<InvalidSecurityProfileData>[] {
    const findings: RuleFinding<InvalidSecurityProfileData>[] = [];
    const collect =
      (owner: string, where: Partial<ContainerRef>): Report =>
      (field, range, apiText, explanation) => {
        const profile = field.includes('.appArmorProfile.') ? 'appArmorProfile' : 'seccompProfile';
        findings.push({
          message: explain(apiText, `on ${owner}, ${explanation}`),
          range,
          data: { ...where, profile, field },
        });
      };
    const podContext = getPair(pod.spec, 'securityContext')?.value;
    if (isMap(podContext)) checkSecurityContext(podContext, `${pod.specPath}.securityContext`, collect('the pod', {}));
    for (const container of pod.containers) {
      const context = getPair(container.map, 'securityContext')?.value;
      if (isMap(context))
        checkSecurityContext(
          context,
          `${container.path}.securityContext`,
          collect(describeContainer(container), containerRefOf(container)),
        );
    }
    return findings;
  },
});
