import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { NEWEST_KUBERNETES_VERSION } from '../../../server/src/service/settings';
import {
  CONTAINER_RESTART_RULES_MINOR,
  dataSources,
  endOfLife,
  fieldGate,
  fieldLifetime,
  gateAt,
  NATIVE_SIDECAR_MINOR,
  NEWEST_DATA_MINOR,
  OLDEST_DATA_MINOR,
} from '../../../server/src/service/versions/apiVersions';

const repoRoot = join(__dirname, '..', '..', '..', '..');
const overlay = JSON.parse(
  readFileSync(join(repoRoot, 'server', 'src', 'service', 'versions', 'apiOverlay.json'), 'utf8'),
) as {
  fields: { field: string; since: number; until?: number; source: string }[];
  values: { field: string; value: string; source: string }[];
  gates: Record<string, { stages: [number, string, boolean][]; source: string }>;
  fieldGates: Record<string, string>;
  definitions: Record<string, { source: string }>;
  releases: { source: string; endOfLife: Record<string, string> };
};
const schema = JSON.parse(readFileSync(join(repoRoot, 'schemas', 'definitions.json'), 'utf8')) as {
  definitions: Record<string, { properties?: Record<string, unknown> }>;
};

const ROOT_KINDS = [
  'Pod',
  'PodTemplate',
  'ReplicationController',
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'ReplicaSet',
  'Job',
  'CronJob',
];

describe('the per-version API data', () => {
  it('covers every minor from 1.27 to 1.37, each from a named package or the overlay', () => {
    assert.equal(OLDEST_DATA_MINOR, 27);
    assert.equal(NEWEST_DATA_MINOR, 37);
    assert.equal(NEWEST_KUBERNETES_VERSION, '1.37');
    const sources = dataSources();
    for (let minor = 27; minor <= 34; minor++)
      assert.match(sources[`1.${minor}`]!, new RegExp(`^cdk8s-plus-${minor}@`));
    assert.match(sources['1.36']!, /^kubernetes-models@5\.1\.0/);
    assert.match(sources['1.35']!, /overlay|apiOverlay/);
    assert.match(sources['1.37']!, /overlay|apiOverlay/);
  });

  it('dates fields as the packages show them', () => {
    assert.deepEqual(fieldLifetime('Container', 'resizePolicy'), { since: 27 });
    assert.deepEqual(fieldLifetime('Container', 'restartPolicy'), { since: 28 });
    assert.deepEqual(fieldLifetime('LifecycleHandler', 'sleep'), { since: 29 });
    assert.deepEqual(fieldLifetime('VolumeMount', 'recursiveReadOnly'), { since: 30 });
    assert.deepEqual(fieldLifetime('Volume', 'image'), { since: 31 });
    assert.deepEqual(fieldLifetime('PodSpec', 'resources'), { since: 32 });
    assert.deepEqual(fieldLifetime('PodSpec', 'hostnameOverride'), { since: 34 });
    // Removed with the DRA redesign: 1.30 is the last version with `source`.
    assert.deepEqual(fieldLifetime('PodResourceClaim', 'source'), { since: 27, until: 30 });
    assert.deepEqual(fieldLifetime('PodSpec', 'workloadRef'), { since: 35, until: 35 });
    assert.deepEqual(fieldLifetime('PodSpec', 'schedulingGroup'), { since: 36 });
    assert.deepEqual(fieldLifetime('VolumeMount', 'bindMountOptions'), { since: 37 });
    assert.equal(fieldLifetime('Container', 'imagePullPolcy'), undefined);
    // A type renamed in 1.29 (PVC resources): its fields are as old as the field holding it.
    assert.deepEqual(fieldLifetime('VolumeResourceRequirements', 'requests'), { since: 27 });
  });

  it('knows every field of the bundled schema at 1.37, and the schema every field the data has at 1.37', () => {
    let checked = 0;
    for (const [definition, body] of Object.entries(schema.definitions)) {
      if (/Status$|Condition$/.test(definition) || !body.properties) continue;
      const dataKnows =
        fieldLifetime(definition, Object.keys(body.properties)[0]!) !== undefined ||
        Object.keys(body.properties).some((field) => fieldLifetime(definition, field));
      if (!dataKnows) continue; // a status-only type (ContainerState…): the data leaves status out
      for (const field of Object.keys(body.properties)) {
        if (field === 'status' && ROOT_KINDS.includes(definition)) continue;
        const lifetime = fieldLifetime(definition, field);
        assert.ok(lifetime, `${definition}.${field} is in the schema but not in the API data`);
        checked++;
      }
    }
    assert.ok(checked > 600, `checked ${checked} fields`);
    for (const entry of overlay.fields) {
      const [definition, field] = entry.field.split('.') as [string, string];
      assert.ok(
        schema.definitions[definition]?.properties?.[field],
        `${entry.field} (overlay) is accepted by the strict schema`,
      );
    }
  });

  it('has a source for every overlay entry and stages in order', () => {
    for (const entry of [
      ...overlay.fields,
      ...overlay.values,
      ...Object.values(overlay.gates),
      ...Object.values(overlay.definitions),
      overlay.releases,
    ]) {
      assert.ok(entry.source.length > 10, JSON.stringify(entry).slice(0, 80));
    }
    for (const [gate, { stages }] of Object.entries(overlay.gates)) {
      for (let i = 1; i < stages.length; i++) assert.ok(stages[i]![0] > stages[i - 1]![0], `${gate} stages in order`);
      assert.ok(
        stages.every(([, stage, enabled]) => ['alpha', 'beta', 'GA'].includes(stage) && (stage !== 'GA' || enabled)),
        gate,
      );
    }
    for (const field of Object.keys(overlay.fieldGates)) {
      const [definition, name] = field.split('.') as [string, string];
      assert.ok(fieldLifetime(definition, name), `${field} has a gate but is not in the data`);
      assert.equal(fieldGate(definition, name), overlay.fieldGates[field]);
    }
  });

  it('reads feature gate stages per version', () => {
    assert.equal(gateAt('InPlacePodVerticalScaling', 26), undefined);
    assert.deepEqual(gateAt('InPlacePodVerticalScaling', 30), {
      gate: 'InPlacePodVerticalScaling',
      stage: 'alpha',
      enabled: false,
      from: 27,
    });
    assert.deepEqual(gateAt('InPlacePodVerticalScaling', 33), {
      gate: 'InPlacePodVerticalScaling',
      stage: 'beta',
      enabled: true,
      from: 33,
    });
    assert.equal(gateAt('ContainerRestartRules', 34)?.enabled, false);
    assert.equal(gateAt('ContainerRestartRules', 35)?.enabled, true);
    assert.equal(CONTAINER_RESTART_RULES_MINOR, 35);
    assert.equal(NATIVE_SIDECAR_MINOR, 29);
    // A gate the data does not name is reported without a name.
    assert.equal(gateAt('unnamed-1.37-alpha', 37)?.gate, undefined);
    // The 1.37 gates the sources name (kubernetes.io blog 2026-09-16, kube-apiserver's gate requirements).
    assert.equal(fieldGate('VolumeMount', 'bindMountOptions'), 'VolumeBindMountOptions');
    assert.equal(fieldGate('EmptyDirVolumeSource', 'mode'), 'EmptyDirVolumeMode');
    assert.equal(fieldGate('PodSpec', 'evictionResponders'), 'EvictionRequestAPI');
    assert.deepEqual(gateAt('VolumeBindMountOptions', 37), {
      gate: 'VolumeBindMountOptions',
      stage: 'alpha',
      enabled: false,
      from: 37,
    });
    assert.equal(gateAt('VolumeBindMountOptions', 36), undefined);
    assert.equal(fieldGate('ConfigMapVolumeSource', 'defaultUser'), 'unnamed-1.37-alpha');
  });

  it('has an end-of-life date for every minor it covers', () => {
    for (let minor = OLDEST_DATA_MINOR; minor <= NEWEST_DATA_MINOR; minor++)
      assert.match(endOfLife(minor) ?? '', /^20\d\d-\d\d-\d\d$/, `1.${minor}`);
    assert.equal(endOfLife(34), '2026-10-27');
    assert.equal(endOfLife(26), undefined);
  });
});

describe('the newest version, everywhere it is named', () => {
  it('is the newest minor of the data in the setting default, the README and the schema label', () => {
    const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
      contributes: { configuration: { properties: Record<string, { default?: unknown }> } };
    };
    assert.equal(
      manifest.contributes.configuration.properties['podPatterns.kubernetesVersion']!.default,
      NEWEST_KUBERNETES_VERSION,
    );
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    assert.ok(readme.includes(`| \`podPatterns.kubernetesVersion\` | \`${NEWEST_KUBERNETES_VERSION}\` |`));
    const label = (JSON.parse(readFileSync(join(repoRoot, 'schemas', 'pod.json'), 'utf8')) as { $comment: string })
      .$comment;
    assert.match(
      label,
      new RegExp(`Kubernetes ${NEWEST_KUBERNETES_VERSION.replace('.', '\\.')} \\(the newest minor of the API data`),
    );
  });
});
