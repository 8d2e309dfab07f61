import type { PodModel } from '../../service/model/podModel';
import type { WorkloadKind } from '../../service/model/workloads';
import { getPair, isMap, type YMap } from '../../service/yaml/nodes';
import { apiError, explain } from '../engine/apiMessages';
import { textField } from '../engine/objectFields';
import { dns1123LabelErrors } from '../engine/names';
import { objectNameErrors, type NameSyntax } from '../engine/objectNames';
import { targetsAtLeast } from '../engine/version';
import { defineRule, type RuleContext, type RuleFinding } from '../types';

/**
 * Object names and the names a pod spec refers to, as the API server checks them on create
 * (the same from 1.27 to 1.36):
 * - `metadata.name` and `generateName` (`ValidateObjectMeta`): a DNS-1123 subdomain for every
 *   pod-bearing kind but StatefulSet, whose name is a DNS-1123 label from 1.26
 *   (pkg/apis/apps/validation `ValidateStatefulSetName`, kubernetes/kubernetes#114172: its pods'
 *   hostnames are built from it); one of them is required ("name or generateName is required").
 * - From 1.27 the API server warns when the name of a Pod, ReplicaSet, Deployment, Job, CronJob
 *   or ReplicationController is a subdomain but not a DNS label (`WarningsOnCreate` of
 *   pkg/registry/{core,apps,batch}/<kind>/strategy.go, kubernetes/kubernetes#114412): its pods' host names come from it.
 * - CronJob names are at most 52 characters (pkg/apis/batch/validation `ValidateCronJob`: the
 *   controller appends an 11-character suffix to name its Jobs).
 * - `serviceAccountName`, `priorityClassName`, `schedulerName`, `runtimeClassName` and `nodeName`
 *   of the pod spec are DNS-1123 subdomains (pkg/apis/core/validation `ValidatePodSpec`;
 *   `ValidateNodeName` is `NameIsDNSSubdomain`).
 *
 * data: `{ field: string, name: string }`
 */
export interface InvalidObjectNameData {
  readonly field: string;
  readonly name: string;
}

type Finding = RuleFinding<InvalidObjectNameData>;

const CRONJOB_NAME_MAX = 52;
const POD_SPEC_REFERENCES = [
  'serviceAccountName',
  'priorityClassName',
  'schedulerName',
  'runtimeClassName',
  'nodeName',
] as const;

/** StatefulSet names are DNS labels from 1.26 (kubernetes/kubernetes#114172), subdomains before. */
const STATEFULSET_LABEL_NAMES = 26;
/** The "a DNS label is recommended" warning on workload names, from 1.27 (kubernetes/kubernetes#114412). */
const LABEL_NAME_WARNING = 27;
const LABEL_NAME_WARNED_KINDS: ReadonlySet<WorkloadKind> = new Set([
  'Pod',
  'ReplicaSet',
  'Deployment',
  'Job',
  'CronJob',
  'ReplicationController',
]);

function nameSyntax(kind: WorkloadKind, settings: RuleContext['settings']): NameSyntax {
  return kind === 'StatefulSet' && targetsAtLeast(settings, STATEFULSET_LABEL_NAMES) ? 'label' : 'subdomain';
}

function describeSyntax(syntax: NameSyntax): string {
  return syntax === 'label'
    ? "lowercase letters, digits and '-', at most 63 characters, starting and ending with a letter or digit"
    : "lowercase letters, digits, '-' and '.', at most 253 characters, starting and ending with a letter or digit";
}

function metadataFindings(pod: PodModel, settings: RuleContext['settings']): Finding[] {
  const metadataPair = getPair(pod.root, 'metadata');
  const metadata: YMap | undefined = isMap(metadataPair?.value) ? metadataPair.value : undefined;
  const name = textField(metadata, 'name');
  const generateName = textField(metadata, 'generateName');
  const findings: Finding[] = [];
  const syntax = nameSyntax(pod.kind, settings);
  if ((!name || name.value === '') && (!generateName || generateName.value === '')) {
    // A name written as a number or boolean is the schema's to report.
    if (getPair(metadata, 'name') && !name) return findings;
    findings.push({
      message: explain(
        apiError.required('metadata.name', 'name or generateName is required'),
        `every ${pod.kind} needs a metadata.name (or a generateName for kubectl create).`,
      ),
      range: (name?.node ?? metadataPair?.key ?? pod.kindPair.key).range,
      data: { field: 'metadata.name', name: '' },
    });
    return findings;
  }
  for (const [field, prefix] of [
    [generateName, true],
    [name, false],
  ] as const) {
    if (!field || field.value === '') continue;
    const path = prefix ? 'metadata.generateName' : 'metadata.name';
    const errors = objectNameErrors(field.value, syntax, prefix);
    if (errors.length > 0) {
      findings.push({
        message: explain(
          errors.map((detail) => apiError.invalid(path, field.value, detail)).join('; '),
          `a ${pod.kind} name is ${describeSyntax(syntax)}.`,
        ),
        range: field.node.range,
        data: { field: path, name: field.value },
      });
    }
  }
  if (
    name &&
    findings.length === 0 &&
    LABEL_NAME_WARNED_KINDS.has(pod.kind) &&
    targetsAtLeast(settings, LABEL_NAME_WARNING)
  ) {
    const labelErrors = dns1123LabelErrors(name.value);
    if (labelErrors.length > 0) {
      findings.push({
        message: explain(
          `metadata.name: this is used in ${pod.kind === 'Pod' ? "the Pod's hostname" : 'Pod names and hostnames'}, which can result in surprising behavior; a DNS label is recommended: [${labelErrors.join(' ')}]`,
          `the API server accepts this ${pod.kind} name with a warning: its pods' host names are derived from it, and a host name is a DNS label (no dots, at most 63 characters).`,
        ),
        range: name.node.range,
        data: { field: 'metadata.name', name: name.value },
        severity: 'warning',
      });
    }
  }
  if (pod.kind === 'CronJob' && name && name.value.length > CRONJOB_NAME_MAX) {
    findings.push({
      message: explain(
        apiError.invalid('metadata.name', name.value, `must be no more than ${CRONJOB_NAME_MAX} characters`),
        `the CronJob controller names each Job after the CronJob plus an 11-character suffix, and a Job name is at most 63 characters; this name has ${name.value.length}.`,
      ),
      range: name.node.range,
      data: { field: 'metadata.name', name: name.value },
    });
  }
  return findings;
}

function referenceFindings(pod: PodModel): Finding[] {
  const findings: Finding[] = [];
  for (const key of POD_SPEC_REFERENCES) {
    const field = textField(pod.spec, key);
    if (!field || field.value === '') continue;
    const errors = objectNameErrors(field.value, 'subdomain', false);
    if (errors.length === 0) continue;
    const path = `${pod.specPath}.${key}`;
    findings.push({
      message: explain(
        errors.map((detail) => apiError.invalid(path, field.value, detail)).join('; '),
        `${key} names an object, so it is ${describeSyntax('subdomain')}.`,
      ),
      range: field.node.range,
      data: { field: path, name: field.value },
    });
  }
  return findings;
}

export const invalidObjectName = defineRule({
  id: 'invalid-object-name',
  category: 'api',
  defaultSeverity: 'error',
  summary:
    "metadata.name (and generateName), and the service account, priority class, scheduler, runtime class and node names a pod refers to, must follow the API server's name syntax.",
  check(pod, context): Finding[] {
    return [...metadataFindings(pod, context.settings), ...referenceFindings(pod)];
  },
});
