import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import {
  CompletionItemKind,
  CompletionRequest,
  InitializeRequest,
  InitializedNotification,
  InsertTextFormat,
  InsertTextMode,
  MarkupKind,
  type CompletionItem,
  type MarkupContent,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import {
  createLanguageService,
  DEFAULT_SETTINGS,
  THROWING_LOGGER,
  snippetAsPlainText,
} from '../../../server/src/service';
import { applyEdits } from '../../../server/src/service/edits/textEdits';
import { LspHarness } from '../../support/lspHarness';
import { REPO_ROOT } from '../../support/repo';
import { yaml } from '../../support/text';
import { podRunning } from './support';

const service = createLanguageService({ logger: THROWING_LOGGER });

/** Completions at the `|` of a text (the bar is removed). */
function completionsAt(marked: string) {
  const offset = marked.indexOf('|');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  return { text, items: service.completions(service.parseFile(text), offset) };
}

const labels = (items: readonly { label: string }[]) => items.map((item) => item.label);

const DOCUMENT_SNIPPETS = [
  'pod',
  'pod-init',
  'pod-sidecar',
  'pod-native-sidecar',
  'pod-adapter',
  'pod-ambassador',
  'deployment-sidecar',
  'job-native-sidecar',
];

const POD_WITH_LISTS = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: shop
  spec:
    initContainers:
    - name: setup
      image: busybox:1.36
    containers:
    - name: app
      image: nginx:1.27
      volumeMounts:
      - name: logs
        mountPath: /var/log/app
    volumes:
    - name: logs
      emptyDir: {}
`;

test('the generated snippet module is the one snippets/pods.code-snippets gives (npm run gen:snippets)', () => {
  const check = spawnSync(process.execPath, ['scripts/gen-snippets.mjs', '--check'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  assert.equal(check.status, 0, check.stderr);
});

test('document snippets are offered at the start of an empty document and after ---, nowhere else', () => {
  assert.deepEqual(labels(completionsAt('|').items), DOCUMENT_SNIPPETS);
  assert.deepEqual(labels(completionsAt('# a new file\npo|').items), DOCUMENT_SNIPPETS);
  const second = completionsAt(`${POD_WITH_LISTS}---\n|`);
  assert.deepEqual(labels(second.items), DOCUMENT_SNIPPETS);
  // Expanded with its defaults where it was offered, the snippet is a second valid pod of the file.
  const pod = second.items.find((item) => item.label === 'pod')!;
  const expanded = applyEdits(second.text, [{ ...pod.replace, newText: snippetAsPlainText(pod.insertText) }]);
  const file = service.parseFile(expanded);
  assert.equal(file.pods.length, 2);
  assert.deepEqual(
    service.findings(file, DEFAULT_SETTINGS).filter((finding) => finding.severity === 'error'),
    [],
  );
});

test('no snippet in a value, and container snippets only on a new item of the matching container list', () => {
  const afterName = completionsAt(POD_WITH_LISTS.replace('    - name: logs', '    - name: |'));
  assert.ok(
    afterName.items.every((item) => !item.snippet),
    JSON.stringify(labels(afterName.items)),
  );
  const inContainers = completionsAt(POD_WITH_LISTS.replace('  volumes:', '  - |\n  volumes:'));
  assert.deepEqual(labels(inContainers.items.filter((item) => item.snippet)), [
    'sidecar-container',
    'adapter-container',
    'ambassador-container',
  ]);
  const inInit = completionsAt(POD_WITH_LISTS.replace('  containers:', '  |\n  containers:'));
  assert.deepEqual(labels(inInit.items.filter((item) => item.snippet)), ['init-container', 'native-sidecar']);
  // A client filters on the text the completion replaces: with a dash typed, that text starts with it.
  assert.deepEqual(
    inContainers.items.filter((item) => item.snippet).map((item) => item.filterText),
    ['- sidecar-container', '- adapter-container', '- ambassador-container'],
  );
  assert.equal(inInit.items.find((item) => item.label === 'init-container')?.filterText, 'init-container');
  // In the volumes list, or under the mounts of a container: none.
  const inVolumes = completionsAt(`${POD_WITH_LISTS}  - |`);
  assert.deepEqual(
    inVolumes.items.filter((item) => item.snippet),
    [],
  );

  // Applied with its defaults, the entry joins the list it was offered in, in the file's indentation.
  const native = inInit.items.find((item) => item.label === 'native-sidecar')!;
  const expanded = applyEdits(inInit.text, [{ ...native.replace, newText: snippetAsPlainText(native.insertText) }]);
  const pod = service.parseFile(expanded).pods[0]!.pod;
  assert.deepEqual(
    pod.containers.map((container) => `${container.group} ${container.name}`),
    ['init setup', 'native-sidecar log-shipper', 'app app'],
  );
  assert.ok(!service.findings(service.parseFile(expanded), DEFAULT_SETTINGS).some((f) => f.code === 'yaml-syntax'));
});

test('kind and apiVersion complete in a new file, in matching pairs, with what each kind is for', () => {
  const kinds = completionsAt('kind: |').items;
  assert.deepEqual(labels(kinds).sort(), [
    'CronJob',
    'DaemonSet',
    'Deployment',
    'Job',
    'Pod',
    'PodTemplate',
    'ReplicaSet',
    'ReplicationController',
    'StatefulSet',
  ]);
  const deployment = kinds.find((item) => item.label === 'Deployment')!;
  assert.equal(deployment.detail, 'apiVersion: apps/v1');
  assert.match(deployment.documentation ?? '', /rolls out/);
  assert.deepEqual(labels(completionsAt('apiVersion: batch/v1\nkind: |').items), ['Job', 'CronJob']);
  assert.deepEqual(labels(completionsAt('apiVersion: |\nkind: StatefulSet\n').items), ['apps/v1']);
  const versions = completionsAt('apiVersion: |').items;
  assert.deepEqual(labels(versions), ['v1', 'apps/v1', 'batch/v1']);
  // Typed without a space yet: the value gets one.
  assert.equal(completionsAt('kind:|').items[0]!.insertText.startsWith(' '), true);
  // A YAML file about something else gets nothing.
  assert.deepEqual(completionsAt('name: CI\non: [push]\njobs:\n  build:\n    runs-on: |').items, []);
});

test('enum values come with what each one does; no ephemeralContainers key is offered', () => {
  const policies = completionsAt(
    POD_WITH_LISTS.replace('    image: nginx:1.27', '    image: nginx:1.27\n    imagePullPolicy: |'),
  ).items;
  assert.deepEqual(labels(policies), ['Always', 'IfNotPresent', 'Never']);
  assert.match(
    policies.find((item) => item.label === 'IfNotPresent')!.detail ?? '',
    /only when the node does not have the image/,
  );
  const podRestart = completionsAt(POD_WITH_LISTS.replace('  volumes:', '  restartPolicy: |\n  volumes:')).items;
  assert.match(podRestart.find((item) => item.label === 'OnFailure')!.detail ?? '', /exits with an error/);
  const dns = completionsAt(POD_WITH_LISTS.replace('  volumes:', '  dnsPolicy: |\n  volumes:')).items;
  assert.match(dns.find((item) => item.label === 'Default')!.detail ?? '', /not the default/);

  for (const text of [
    POD_WITH_LISTS.replace('  volumes:', '  |\n  volumes:'),
    yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        selector:
          matchLabels: {app: web}
        template:
          metadata:
            labels: {app: web}
          spec:
            containers:
            - name: web
              image: nginx:1.27
            |
    `,
  ]) {
    const keys = labels(completionsAt(text).items);
    assert.ok(keys.includes('restartPolicy'), JSON.stringify(keys));
    assert.ok(!keys.includes('ephemeralContainers'));
  }
});

async function completionOver(options: {
  snippetSupport: boolean;
  initializationOptions: object;
  documentationFormat?: MarkupKind[];
}) {
  const lsp = new LspHarness();
  try {
    await lsp.client.sendRequest(InitializeRequest.type, {
      processId: null,
      rootUri: null,
      capabilities: {
        textDocument: {
          completion: {
            completionItem: {
              snippetSupport: options.snippetSupport,
              documentationFormat: options.documentationFormat,
            },
          },
        },
      },
      initializationOptions: { debounceMs: 0, ...options.initializationOptions },
    });
    await lsp.client.sendNotification(InitializedNotification.type, {});
    const uri = 'file:///work/new.yaml';
    await lsp.open(uri, '');
    const items = (await lsp.client.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position: { line: 0, character: 0 },
    })) as CompletionItem[];
    return items.filter((item) => item.label === 'pod');
  } finally {
    lsp.dispose();
  }
}

test('over LSP: snippets in snippet syntax when the client takes it, plain text when not, none when the client has its own', async () => {
  const [withSupport] = await completionOver({
    snippetSupport: true,
    initializationOptions: {},
    documentationFormat: [MarkupKind.Markdown, MarkupKind.PlainText],
  });
  assert.equal(withSupport?.insertTextFormat, InsertTextFormat.Snippet);
  assert.equal(withSupport.kind, CompletionItemKind.Snippet);
  assert.equal(withSupport.detail, 'Pod');
  assert.equal(withSupport.insertTextMode, InsertTextMode.asIs, 'indented by the server, not again by the client');
  assert.match((withSupport.textEdit as TextEdit).newText, /name: \$\{1:my-app\}/);
  // As VS Code shows a snippet: what it is for, then the text it gives with its defaults.
  const documentation = withSupport.documentation as MarkupContent;
  assert.equal(documentation.kind, MarkupKind.Markdown);
  assert.match(documentation.value, /^A Pod with one container, .*\n\n```yaml\napiVersion: v1\nkind: Pod\n[^]*\n```$/);
  assert.doesNotMatch(documentation.value, /\$\{/);
  const [plain] = await completionOver({ snippetSupport: false, initializationOptions: {} });
  assert.equal(plain?.insertTextFormat, undefined);
  const plainText = (plain.textEdit as TextEdit).newText;
  assert.doesNotMatch(plainText, /\$/);
  assert.match(plainText, /^apiVersion: v1\nkind: Pod\nmetadata:\n {2}name: my-app\n/);
  assert.equal((plain.documentation as MarkupContent).kind, MarkupKind.PlainText);
  assert.match((plain.documentation as MarkupContent).value, /^A Pod with one container.*\n\napiVersion: v1\n/);
  assert.deepEqual(await completionOver({ snippetSupport: true, initializationOptions: { snippets: false } }), []);
});

test("Add Adapter picks the exporter made for the main container's image, wired to it, adding no finding", () => {
  const podFor = (image: string, ports = '') => podRunning(image, ports, 'store');
  const cases: [image: string, ports: string, exporterImage: RegExp, wiring: RegExp][] = [
    ['redis:7.4', '', /redis_exporter/, /REDIS_ADDR\n\s+value: redis:\/\/localhost:6379/],
    ['docker.io/bitnami/postgresql:16.4.0', '', /postgres-exporter/, /DATA_SOURCE_URI\n\s+value: "?localhost:5432\//],
    [
      'mariadb:11.4',
      '\n        ports:\n        - containerPort: 3307',
      /mysqld-exporter/,
      /--mysqld.address=localhost:3307/,
    ],
    ['mongo:7.0', '', /mongodb_exporter/, /--mongodb.uri=mongodb:\/\/localhost:27017/],
    [
      'nginx:1.27',
      '\n        ports:\n        - containerPort: 80',
      /nginx-prometheus-exporter/,
      /localhost:80\/stub_status/,
    ],
    // The JMX exporter reads the JVM over JMX on localhost; the main container opens it with JAVA_TOOL_OPTIONS.
    [
      'eclipse-temurin:21-jre',
      '\n        command: ["java", "-jar", "/app/store.jar"]',
      /bitnami\/jmx-exporter:1\.5\.0/,
      /hostPort: localhost:9010\n[^]*jmx_prometheus_standalone\.jar 9404 /,
    ],
    // Any other image: the log adapter, reading the log the main container writes to a shared emptyDir.
    [
      'registry.example.com/store:2.1.0',
      '\n        ports:\n        - containerPort: 8080',
      /busybox:1\.36/,
      /tail -n\+1 -F \/var\/log\/app\/app\.log/,
    ],
  ];
  for (const [image, ports, exporterImage, wiring] of cases) {
    const text = podFor(image, ports);
    const file = service.parseFile(text);
    const result = service.insertPattern(file.pods[0]!, { kind: 'adapter' }, DEFAULT_SETTINGS);
    assert.ok(result.ok, image);
    const after = applyEdits(text, result.edits);
    const added = after.slice(after.indexOf('- name:', after.indexOf('- name: store') + 1));
    assert.match(added, exporterImage, image);
    assert.match(added, wiring, image);
    if (/temurin/.test(image)) {
      assert.match(
        after,
        /- name: JAVA_TOOL_OPTIONS\n\s+value: "-Dcom\.sun\.management\.jmxremote\.port=9010 [^"]*jmxremote\.host=127\.0\.0\.1 /,
      );
      assert.match(after, /- name: jmx\n\s+containerPort: 9010\n/, 'the JMX port the exporter reaches is declared');
    }
    const problems = (source: string) =>
      service
        .findings(service.parseFile(source), DEFAULT_SETTINGS)
        .filter((finding) => finding.severity === 'error' || finding.severity === 'warning')
        .map((finding) => finding.code);
    assert.deepEqual(problems(after), problems(text), `${image}: the inserted exporter raises nothing`);
  }
});
