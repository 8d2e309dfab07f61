import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { yaml } from '../../support/text';
import {
  createLanguageService,
  THROWING_LOGGER,
  type OutlineSymbol,
  type ParsedFile,
} from '../../../server/src/service';

const service = createLanguageService({ logger: THROWING_LOGGER });

const FILE = yaml`
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
        initContainers:
          - name: migrate
            image: example/migrate:1.0
          - name: proxy
            image: envoyproxy/envoy:v1.31.0
            restartPolicy: Always
        containers:
          - name: app
            image: nginx:1.27
            volumeMounts:
              - name: logs
                mountPath: /var/log/nginx
        volumes:
          - name: logs
            emptyDir: {}
  ---
  apiVersion: v1
  kind: Service
  metadata:
    name: web
  spec:
    selector: {app: web}
    ports:
      - port: 80
`;

/** Each entry as `name (detail) [selected text]`, children indented. */
function outline(file: ParsedFile, symbols: readonly OutlineSymbol[], depth = 0): string[] {
  return symbols.flatMap((symbol) => {
    assert.ok(symbol.range.start <= symbol.selectionRange.start && symbol.selectionRange.end <= symbol.range.end);
    const detail = symbol.detail ? ` (${symbol.detail})` : '';
    const selected = file.text.slice(symbol.selectionRange.start, symbol.selectionRange.end);
    return [`${'  '.repeat(depth)}${symbol.name}${detail} [${selected}]`, ...outline(file, symbol.children, depth + 1)];
  });
}

describe('document symbols', () => {
  it('outlines each object, and a pod by init containers in start order, containers with roles, volumes', () => {
    const file = service.parseFile(FILE);
    assert.deepEqual(outline(file, service.documentSymbols(file)), [
      'Deployment web (apps/v1) [web]',
      '  initContainers [initContainers]',
      '    migrate (init container) [migrate]',
      '    proxy (native sidecar) [proxy]',
      '  containers [containers]',
      '    app (main container) [app]',
      '  volumes [volumes]',
      '    logs (emptyDir) [logs]',
      'Service web (v1) [web]',
    ]);
  });

  it('covers a whole object with its range, and nothing past it', () => {
    const file = service.parseFile(FILE);
    const [deployment, serviceSymbol] = service.documentSymbols(file);
    assert.ok(file.text.slice(deployment!.range.start, deployment!.range.end).startsWith('apiVersion: apps/v1'));
    assert.ok(file.text.slice(deployment!.range.start, deployment!.range.end).endsWith('emptyDir: {}'));
    assert.ok(file.text.slice(serviceSymbol!.range.start, serviceSymbol!.range.end).endsWith('- port: 80'));
  });
});

describe('folding ranges', () => {
  it('folds each block that spans lines, from its key to its last line', () => {
    const text = yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
      spec:
        containers:
          - name: app
            image: nginx:1.27
            command:
              - sh
              - -c
            args: [a]
        # a trailing comment
    `;
    const file = service.parseFile(text);
    const lines = text.split('\n');
    const folds = service
      .foldingRanges(file)
      .map(({ startLine, endLine }) => `${lines[startLine]!.trim()} … ${lines[endLine]!.trim()}`);
    assert.deepEqual(folds, [
      'apiVersion: v1 … args: [a]',
      'metadata: … name: web',
      'spec: … args: [a]',
      'containers: … args: [a]',
      '- name: app … args: [a]',
      'command: … - -c',
    ]);
  });

  it('folds every document of a file, also with CRLF line ends', () => {
    const text =
      'apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: a\r\n---\r\napiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: b\r\n';
    const file = service.parseFile(text);
    assert.deepEqual(
      service.foldingRanges(file).map(({ startLine, endLine }) => [startLine, endLine]),
      [
        [0, 3],
        [2, 3],
        [5, 8],
        [7, 8],
      ],
    );
  });
});

describe('selection ranges', () => {
  it('grows from the value to its pair, its map, the pair holding it, … up to the document', () => {
    const text = yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
      spec:
        containers:
          - name: app
            image: nginx:1.27
            env:
              - name: A
                value: "x-$(B)"
    `;
    const file = service.parseFile(text);
    const offset = text.indexOf('nginx') + 2;
    assert.deepEqual(
      service.selectionRanges(file, offset).map((range) => text.slice(range.start, range.end).split('\n')[0]),
      ['nginx:1.27', 'image: nginx:1.27', 'name: app', '- name: app', 'containers:', 'spec:', 'apiVersion: v1'],
    );
    const ranges = service.selectionRanges(file, offset);
    for (let i = 1; i < ranges.length; i++) {
      assert.ok(
        ranges[i]!.start <= ranges[i - 1]!.start && ranges[i - 1]!.end <= ranges[i]!.end,
        'each contains the one before',
      );
      assert.ok(ranges[i]!.end - ranges[i]!.start > ranges[i - 1]!.end - ranges[i - 1]!.start, 'and is larger');
    }
    assert.equal(
      text.slice(ranges[2]!.start, ranges[2]!.end),
      text.slice(text.indexOf('name: app'), text.indexOf('"x-$(B)"') + 8),
    );
  });

  it('starts with a key when the cursor is on one, and answers nothing outside every document', () => {
    const text = 'apiVersion: v1\nkind: Pod\nspec:\n  containers: []\n';
    const file = service.parseFile(text);
    assert.deepEqual(
      service.selectionRanges(file, text.indexOf('containers') + 3).map((range) => text.slice(range.start, range.end)),
      ['containers', 'containers: []', 'spec:\n  containers: []', text.trimEnd()],
    );
    assert.deepEqual(service.selectionRanges(service.parseFile(''), 0), []);
  });
});
