import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_SETTINGS, ParsedFile, resolveSettings, type ServiceSettings } from '../../../server/src/service';
import { PATTERNS } from '../../../server/src/shared/patternCatalog';
import { insertPattern } from '../../../server/src/service/actions/insert/insertPattern';
import { applyEdits, sortEdits, type OffsetEdit } from '../../../server/src/service/edits/textEdits';
import { assertKeepsEveryLine, fixturesDir, podRunning, repoRoot, sharedDir, syntaxErrors } from './support';

/** Where each edit's new text lies in the text the edits produce. */
function insertedRanges(edits: readonly OffsetEdit[]): { start: number; end: number }[] {
  let shift = 0;
  return sortEdits(edits).map((edit) => {
    const start = edit.start + shift;
    shift += edit.newText.length - (edit.end - edit.start);
    return { start, end: start + edit.newText.length };
  });
}

const WITH_PORT = '\n        ports:\n        - containerPort: 8080';

/** Main images of each family the adapter recognises, the template it picks, and a few it does not know. */
const IMAGE_FAMILIES: readonly [label: string, text: string, adapter: string][] = [
  ['redis', podRunning('redis:7.4'), 'redis-exporter'],
  ['valkey', podRunning('valkey/valkey:8.0'), 'redis-exporter'],
  ['postgres', podRunning('postgres:16.4'), 'postgres-exporter'],
  ['bitnami postgresql', podRunning('docker.io/bitnami/postgresql:16.4.0'), 'postgres-exporter'],
  ['mysql', podRunning('mysql:8.4'), 'mysql-exporter'],
  [
    'mariadb with a port',
    podRunning('mariadb:11.4', '\n        ports:\n        - containerPort: 3307'),
    'mysql-exporter',
  ],
  ['mongodb', podRunning('mongo:7.0'), 'mongodb-exporter'],
  ['nginx', podRunning('nginx:1.27', '\n        ports:\n        - containerPort: 80'), 'prometheus-exporter'],
  ['eclipse-temurin', podRunning('eclipse-temurin:21-jre', WITH_PORT), 'jmx-exporter'],
  ['openjdk', podRunning('openjdk:21-jdk'), 'jmx-exporter'],
  ['amazoncorretto', podRunning('public.ecr.aws/amazoncorretto/amazoncorretto:21'), 'jmx-exporter'],
  ['tomcat', podRunning('tomcat:10.1', WITH_PORT), 'jmx-exporter'],
  ['jetty', podRunning('jetty:12.0'), 'jmx-exporter'],
  ['wildfly', podRunning('quay.io/wildfly/wildfly:34.0.0.Final-jdk21'), 'jmx-exporter'],
  [
    'java -jar on any image',
    podRunning('registry.example.com/shop:1.4.0', '\n        command: ["java", "-jar", "/app/shop.jar"]'),
    'jmx-exporter',
  ],
  [
    'java from a shell',
    podRunning('registry.example.com/shop:1.4.0', '\n        args: ["sh", "-c", "exec java -Xmx256m -cp /app Main"]'),
    'jmx-exporter',
  ],
  ['unknown with a port', podRunning('registry.example.com/shop:1.4.0', WITH_PORT), 'log-reformatter'],
  ['unknown without a port', podRunning('registry.example.com/shop:1.4.0'), 'log-reformatter'],
];

test("Add Adapter picks the template of the main container's image family, the log adapter for any other", () => {
  for (const [label, text, adapter] of IMAGE_FAMILIES) {
    const result = insertPattern(new ParsedFile(text).pods[0]!, { kind: 'adapter' }, DEFAULT_SETTINGS);
    assert.ok(result.ok, label);
    assert.equal(result.templateId, adapter, label);
  }
});

/** Every file the insertions run on: the seed pods when this machine has them, the fixtures and examples always. */
function podFiles(): { label: string; text: string }[] {
  const seedPods = sharedDir('seed-pods');
  const dirs = [
    ...(seedPods ? [seedPods] : []),
    path.join(fixturesDir, 'insert'),
    path.join(fixturesDir, 'fixes'),
    path.join(repoRoot, 'examples'),
  ];
  if (!seedPods) console.warn('../shared/seed-pods is not on this machine: the fixtures and examples run alone');
  return [
    ...dirs.flatMap((dir) =>
      readdirSync(dir)
        .filter((name) => name.endsWith('.yaml'))
        .map((name) => ({
          label: path.join(path.basename(dir), name),
          text: readFileSync(path.join(dir, name), 'utf8'),
        })),
    ),
    ...IMAGE_FAMILIES.map(([label, text]) => ({ label: `main image: ${label}`, text })),
  ];
}

const SETTINGS: readonly [string, ServiceSettings][] = [
  ['recommended', DEFAULT_SETTINGS],
  ['strict', resolveSettings({ preset: 'strict' })],
];

test('an inserted container raises no finding of its own: every kind and template, into every pod', () => {
  let insertions = 0;
  const files = podFiles();
  for (const { label, text } of files) {
    const analysis = new ParsedFile(text);
    analysis.pods.forEach((located, podIndex) => {
      for (const pattern of PATTERNS) {
        for (const template of [undefined, ...pattern.templates.map((entry) => entry.id)]) {
          for (const [preset, settings] of SETTINGS) {
            const result = insertPattern(located, { kind: pattern.kind, template }, settings);
            const what = `${label} pod ${podIndex} + ${pattern.kind}/${template ?? 'default'} (${preset})`;
            if (!result.ok) {
              assert.ok(result.reason.length > 10, `${what}: refused with a reason`);
              continue;
            }
            const after = applyEdits(text, result.edits);
            assert.deepEqual(syntaxErrors(after), [], `${what}: the result parses`);
            assertKeepsEveryLine(text, after, what);
            const inserted = insertedRanges(result.edits);
            const own = new ParsedFile(after)
              .findings(settings)
              .filter((finding) =>
                inserted.some((range) => finding.range.start < range.end && finding.range.end > range.start),
              )
              .map((finding) => `${finding.code}: ${finding.message}`);
            assert.deepEqual(own, [], `${what}: findings in the inserted lines\n${after}`);
            insertions++;
          }
        }
      }
    });
  }
  console.log(`inserted-findings check: ${insertions} insertions into ${files.length} files`);
  // 5 kinds with 20 templates and 5 defaults, twice, into each pod: most are insertable.
  assert.ok(insertions >= files.length * 40, `${insertions} insertions`);
});

test('Add Ambassador inserts a native sidecar with a startup probe, so the main container may call it at once', () => {
  const before = podRunning('registry.example.com/shop:1.4.0', WITH_PORT);
  for (const template of ['tcp-proxy', 'cloud-sql-proxy']) {
    const result = insertPattern(new ParsedFile(before).pods[0]!, { kind: 'ambassador', template }, DEFAULT_SETTINGS);
    assert.ok(result.ok);
    assert.match(result.title, /^Add ambassador as a native sidecar: /);
    const after = applyEdits(before, result.edits);
    const file = new ParsedFile(after);
    const proxy = file.pods[0]!.pod.containers.find((container) => container.name === result.containerName)!;
    assert.equal(proxy.group, 'native-sidecar', template);
    assert.equal(proxy.restartPolicy, 'Always');
    assert.match(after, /\n {4}startupProbe:\n {6}(tcpSocket|httpGet):\n/);
    assert.ok(!file.findings(DEFAULT_SETTINGS).some((finding) => finding.code === 'sidecar-start-order'));
  }
  // Before native sidecars, it is a container beside the app: the start order is then a real concern.
  const old = insertPattern(
    new ParsedFile(before).pods[0]!,
    { kind: 'ambassador' },
    resolveSettings({ kubernetesVersion: '1.28' }),
  );
  assert.ok(old.ok);
  const legacy = new ParsedFile(applyEdits(before, old.edits)).pods[0]!.pod;
  assert.equal(legacy.containers.find((container) => container.name === old.containerName)?.group, 'app');
});
