import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ParsedFile, resolveSettings } from '../../../server/src/service';
import { hoverAt } from '../../../server/src/service/hover/hoverAt';
import { fieldVerdict } from '../../../server/src/service/schema/fieldVersions';
import { fieldLifetime, gateAt, gateEnabledSince } from '../../../server/src/service/versions/apiVersions';
import { lintText } from '../../support/text';

/** A Pod whose spec is `spec` (indented two spaces under `spec:`). */
const pod = (spec: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n${spec}`;
const container = (extra: string) => pod(`  containers:\n  - name: app\n    image: nginx:1.27\n${extra}`);
const job = (spec: string) =>
  `apiVersion: batch/v1\nkind: Job\nmetadata: {name: report}\nspec:\n${spec}  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - {name: report, image: busybox:1.36}\n`;

/** The field-version and schema verdicts on `path` at a target: `error`, `warning` or `none`. */
function verdict(text: string, target: string, path: string): string {
  const findings = lintText(text, { kubernetesVersion: target }).filter(
    (finding) =>
      (finding.code === 'field-version' || finding.code === 'schema') && finding.message.startsWith(`${path}:`),
  );
  assert.ok(findings.length <= 1, findings.map((finding) => finding.message).join('\n'));
  return findings[0]?.severity ?? 'none';
}

interface GatedCase {
  readonly name: string;
  readonly text: string;
  readonly path: string;
  /** [target, expected verdict] in version order: the verdict moves between them. */
  readonly steps: readonly (readonly [string, string])[];
}

const CASES: readonly GatedCase[] = [
  {
    name: 'resizePolicy (InPlacePodVerticalScaling)',
    text: container('    resizePolicy: [{resourceName: cpu, restartPolicy: NotRequired}]\n'),
    path: 'spec.containers[0].resizePolicy',
    steps: [
      ['1.26', 'error'],
      ['1.32', 'warning'],
      ['1.33', 'none'],
    ],
  },
  {
    name: 'lifecycle sleep (PodLifecycleSleepAction)',
    text: container('    lifecycle: {preStop: {sleep: {seconds: 5}}}\n'),
    path: 'spec.containers[0].lifecycle.preStop.sleep',
    steps: [
      ['1.28', 'error'],
      ['1.29', 'warning'],
      ['1.30', 'none'],
    ],
  },
  {
    name: 'appArmorProfile (AppArmorFields)',
    text: pod(
      '  securityContext: {appArmorProfile: {type: RuntimeDefault}}\n  containers: [{name: app, image: nginx:1.27}]\n',
    ),
    path: 'spec.securityContext.appArmorProfile',
    steps: [
      ['1.29', 'error'],
      ['1.30', 'none'],
    ],
  },
  {
    name: 'recursiveReadOnly (RecursiveReadOnlyMounts)',
    text: container(
      '    volumeMounts: [{name: d, mountPath: /d, readOnly: true, recursiveReadOnly: Enabled}]\n  volumes: [{name: d, emptyDir: {}}]\n',
    ),
    path: 'spec.containers[0].volumeMounts[0].recursiveReadOnly',
    steps: [
      ['1.29', 'error'],
      ['1.30', 'warning'],
      ['1.31', 'none'],
    ],
  },
  {
    name: 'image volume (ImageVolume)',
    text: container(
      '    volumeMounts: [{name: d, mountPath: /d}]\n  volumes: [{name: d, image: {reference: "quay.io/x/y:1"}}]\n',
    ),
    path: 'spec.volumes[0].image',
    steps: [
      ['1.30', 'error'],
      ['1.34', 'warning'],
      ['1.35', 'none'],
    ],
  },
  {
    name: 'supplementalGroupsPolicy',
    text: pod(
      '  securityContext: {supplementalGroupsPolicy: Strict}\n  containers: [{name: app, image: nginx:1.27}]\n',
    ),
    path: 'spec.securityContext.supplementalGroupsPolicy',
    steps: [
      ['1.30', 'error'],
      ['1.32', 'warning'],
      ['1.33', 'none'],
    ],
  },
  {
    name: 'pod-level resources (PodLevelResources)',
    text: pod('  resources: {limits: {cpu: "1", memory: 1Gi}}\n  containers: [{name: app, image: nginx:1.27}]\n'),
    path: 'spec.resources',
    steps: [
      ['1.31', 'error'],
      ['1.33', 'warning'],
      ['1.34', 'none'],
    ],
  },
  {
    name: 'hostnameOverride (HostnameOverride)',
    text: pod('  hostnameOverride: web.example\n  containers: [{name: app, image: nginx:1.27}]\n'),
    path: 'spec.hostnameOverride',
    steps: [
      ['1.33', 'error'],
      ['1.34', 'warning'],
      ['1.35', 'none'],
    ],
  },
  {
    name: 'fileKeyRef (EnvFiles)',
    text: container(
      '    env: [{name: A, valueFrom: {fileKeyRef: {path: a.env, volumeName: d, key: A}}}]\n  volumes: [{name: d, emptyDir: {}}]\n',
    ),
    path: 'spec.containers[0].env[0].valueFrom.fileKeyRef',
    steps: [
      ['1.33', 'error'],
      ['1.34', 'warning'],
      ['1.35', 'none'],
    ],
  },
  {
    name: 'Job successPolicy (JobSuccessPolicy)',
    text: job('  completionMode: Indexed\n  completions: 2\n  successPolicy: {rules: [{succeededCount: 1}]}\n'),
    path: 'spec.successPolicy',
    steps: [
      ['1.29', 'error'],
      ['1.30', 'warning'],
      ['1.31', 'none'],
    ],
  },
  {
    name: 'Job managedBy (JobManagedBy)',
    text: job('  managedBy: example.com/queue\n'),
    path: 'spec.managedBy',
    steps: [
      ['1.29', 'error'],
      ['1.31', 'warning'],
      ['1.32', 'none'],
    ],
  },
  {
    name: 'Job backoffLimitPerIndex (JobBackoffLimitPerIndex)',
    text: job('  completionMode: Indexed\n  completions: 2\n  backoffLimitPerIndex: 1\n'),
    path: 'spec.backoffLimitPerIndex',
    steps: [
      ['1.27', 'error'],
      ['1.28', 'warning'],
      ['1.29', 'none'],
    ],
  },
  {
    name: 'workloadRef (1.35 only, GenericWorkload)',
    text: pod('  workloadRef: {name: w, podGroup: g}\n  containers: [{name: app, image: nginx:1.27}]\n'),
    path: 'spec.workloadRef',
    steps: [
      ['1.34', 'error'],
      ['1.35', 'warning'],
      ['1.36', 'error'],
    ],
  },
  {
    name: 'bindMountOptions (1.37 alpha)',
    text: container(
      '    volumeMounts: [{name: d, mountPath: /d, bindMountOptions: [noexec]}]\n  volumes: [{name: d, emptyDir: {}}]\n',
    ),
    path: 'spec.containers[0].volumeMounts[0].bindMountOptions',
    steps: [
      ['1.36', 'error'],
      ['1.37', 'warning'],
      ['1.38', 'none'],
    ],
  },
  {
    name: 'emptyDir.mode (1.37 alpha)',
    text: container('  volumes: [{name: d, emptyDir: {mode: 0755}}]\n'),
    path: 'spec.volumes[0].emptyDir.mode',
    steps: [
      ['1.36', 'error'],
      ['1.37', 'warning'],
    ],
  },
  {
    name: 'configMap defaultUser and items user (1.37 alpha)',
    text: container('  volumes: [{name: d, configMap: {name: c, defaultUser: {}, items: [{key: a, path: a}]}}]\n'),
    path: 'spec.volumes[0].configMap.defaultUser',
    steps: [
      ['1.36', 'error'],
      ['1.37', 'warning'],
    ],
  },
  {
    name: 'projected source user (1.37 alpha)',
    text: container('  volumes: [{name: d, projected: {sources: [{user: {}}]}}]\n'),
    path: 'spec.volumes[0].projected.sources[0].user',
    steps: [
      ['1.36', 'error'],
      ['1.37', 'warning'],
    ],
  },
  {
    name: 'probe grpc.mode (1.37 alpha)',
    text: container('    livenessProbe: {grpc: {port: 9000, mode: x}}\n'),
    path: 'spec.containers[0].livenessProbe.grpc.mode',
    steps: [
      ['1.36', 'error'],
      ['1.37', 'warning'],
    ],
  },
  {
    name: 'probe httpGet.protocol (1.37 alpha)',
    text: container('    readinessProbe: {httpGet: {port: 80, protocol: HTTP2}}\n'),
    path: 'spec.containers[0].readinessProbe.httpGet.protocol',
    steps: [
      ['1.36', 'error'],
      ['1.37', 'warning'],
    ],
  },
  {
    name: 'evictionResponders (1.37 alpha)',
    text: pod('  evictionResponders: []\n  containers: [{name: app, image: nginx:1.27}]\n'),
    path: 'spec.evictionResponders',
    steps: [
      ['1.36', 'error'],
      ['1.37', 'warning'],
    ],
  },
  {
    name: 'Job scheduling (1.37 alpha)',
    text: job('  scheduling: {}\n'),
    path: 'spec.scheduling',
    steps: [
      ['1.36', 'error'],
      ['1.37', 'warning'],
    ],
  },
  {
    name: 'StatefulSet updateStrategy Recreate (1.37 alpha)',
    text: 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db}\nspec:\n  selector: {matchLabels: {app: db}}\n  updateStrategy: {type: Recreate}\n  template:\n    metadata: {labels: {app: db}}\n    spec:\n      containers: [{name: db, image: postgres:17}]\n',
    path: 'spec.updateStrategy.type',
    steps: [
      ['1.36', 'error'],
      ['1.37', 'warning'],
    ],
  },
];

describe('field-version: the verdict moves with the target version', () => {
  for (const { name, text, path, steps } of CASES) {
    it(name, () => {
      for (const [target, expected] of steps)
        assert.equal(verdict(text, target, path), expected, `${path} at ${target}`);
    });
  }

  it('words the finding in plain words, on the key', () => {
    const text = container('    resizePolicy: [{resourceName: cpu, restartPolicy: NotRequired}]\n');
    const [finding] = lintText(text, { kubernetesVersion: '1.26' }).filter((f) => f.code === 'field-version');
    assert.equal(finding?.text, 'resizePolicy');
    assert.equal(
      finding?.message,
      'spec.containers[0].resizePolicy: "resizePolicy" was added in Kubernetes 1.27 (alpha, gate InPlacePodVerticalScaling, off by default); a 1.26 API server rejects it under strict validation.',
    );
    assert.deepEqual(finding?.data, {
      field: 'resizePolicy',
      path: 'spec.containers[0].resizePolicy',
      target: '1.26',
      since: '1.27',
      gate: 'InPlacePodVerticalScaling',
    });
    const [warning] = lintText(text, { kubernetesVersion: '1.30' }).filter((f) => f.code === 'field-version');
    assert.equal(
      warning?.message,
      'spec.containers[0].resizePolicy: "resizePolicy" is alpha in Kubernetes 1.30 and off by default: the API server drops it unless the InPlacePodVerticalScaling feature gate is on.',
    );
  });

  it('names the 1.37 gates the sources name, and checks the values of bindMountOptions', () => {
    const text = container('    volumeMounts: [{name: tmp, mountPath: /tmp, bindMountOptions: [noexec, bogus]}]\n');
    const findings = lintText(text, { kubernetesVersion: '1.37' });
    assert.deepEqual(
      findings.filter((f) => f.code === 'field-version').map((f) => f.message),
      [
        'spec.containers[0].volumeMounts[0].bindMountOptions: "bindMountOptions" is alpha in Kubernetes 1.37 and off by default: the API server drops it unless the VolumeBindMountOptions feature gate is on.',
      ],
    );
    assert.deepEqual(
      findings.filter((f) => f.code === 'schema').map((f) => f.text),
      ['bogus'],
    );
  });

  it('reports a field once, not the fields under it', () => {
    const text = container('    lifecycle: {preStop: {sleep: {seconds: 5}}}\n');
    const findings = lintText(text, { kubernetesVersion: '1.27' }).filter((f) => f.code === 'field-version');
    assert.deepEqual(
      findings.map((f) => f.text),
      ['sleep'],
    );
  });

  it('can be silenced like schema findings', () => {
    const text = container(
      '    # pod-patterns-disable-next-line field-version\n    resizePolicy: [{resourceName: cpu, restartPolicy: NotRequired}]\n',
    );
    assert.deepEqual(
      lintText(text, { kubernetesVersion: '1.26' }).filter((f) => f.code === 'field-version'),
      [],
    );
  });

  it('calls a field unknown to the data a warning when the target is newer than the data', () => {
    const text = container('    futureField: true\n');
    const [atNewest] = lintText(text, { kubernetesVersion: '1.37' }).filter((f) => f.code === 'schema');
    const [beyond] = lintText(text, { kubernetesVersion: '1.38' }).filter((f) => f.code === 'schema');
    assert.equal(atNewest?.severity, 'error');
    assert.equal(beyond?.severity, 'warning');
    assert.match(beyond!.message, /Kubernetes 1\.38 is newer than the bundled API data \(1\.37\)/);
  });

  it('has no false verdict on a field of every version', () => {
    const text = container('    imagePullPolicy: Always\n    ports: [{containerPort: 80}]\n');
    for (const target of ['1.20', '1.27', '1.33', '1.37', '1.38']) {
      assert.deepEqual(
        lintText(text, { kubernetesVersion: target }).filter((f) => f.code === 'field-version'),
        [],
        target,
      );
    }
  });
});

describe('fieldVerdict for every gated field', () => {
  it('is missing before the gate existed, gated off while off by default, and fine once on', () => {
    const overlay = JSON.parse(
      readFileSync(
        join(__dirname, '..', '..', '..', '..', 'server', 'src', 'service', 'versions', 'apiOverlay.json'),
        'utf8',
      ),
    ) as { fieldGates: Record<string, string> };
    for (const [key, gate] of Object.entries(overlay.fieldGates)) {
      const [definition, field] = key.split('.') as [string, string];
      const lifetime = fieldLifetime(definition, field)!;
      const first = lifetime.since;
      if (first > 27)
        assert.equal(fieldVerdict(definition, field, first - 1).kind, 'missing', `${key} before 1.${first}`);
      const on = gateEnabledSince(gate);
      const end = lifetime.until ?? 37;
      if (on !== undefined && on <= end)
        assert.equal(fieldVerdict(definition, field, Math.max(on, lifetime.since)).kind, 'ok', `${key} at 1.${on}`);
      if (gateAt(gate, lifetime.since)?.enabled === false)
        assert.equal(
          fieldVerdict(definition, field, lifetime.since).kind,
          'gated-off',
          `${key} at 1.${lifetime.since}`,
        );
    }
  });
});

describe('hover on a field shows its version history', () => {
  it('says since when it exists, its gate stages, and what that means at the target', () => {
    const text = container('    resizePolicy: [{resourceName: cpu, restartPolicy: NotRequired}]\n');
    const analysis = new ParsedFile(text);
    const at = (version: string) =>
      hoverAt(analysis, text.indexOf('resizePolicy') + 2, resolveSettings({ kubernetesVersion: version }))!.markdown;
    assert.ok(
      at('1.30').includes(
        'Since Kubernetes 1.27 · feature gate InPlacePodVerticalScaling: alpha in 1.27 (off by default), beta in 1.33 (on by default), GA in 1.35 · **alpha and off by default in the target 1.30**.',
      ),
      at('1.30'),
    );
    assert.ok(at('1.26').includes('**not in the target 1.26**'));
    assert.ok(!at('1.37').includes('in the target'));
    const image = hoverAt(analysis, text.indexOf('image') + 2, resolveSettings({}))!.markdown;
    assert.ok(!image.includes('Since Kubernetes'), 'a field of every version has no history line');
  });
});
