import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { offsetOfMarker, yaml } from '../../support/text';
import { createLanguageService, THROWING_LOGGER, type OffsetRange, type ParsedFile } from '../../../server/src/service';

const service = createLanguageService({ logger: THROWING_LOGGER });

const at = offsetOfMarker;

/** Each range as the line it starts on (1-based) and the text it covers. */
function covered(file: ParsedFile, ranges: readonly OffsetRange[]): string[] {
  return ranges.map(
    (range) => `${file.lineIndex.positionAt(range.start).line + 1}:${file.text.slice(range.start, range.end)}`,
  );
}

const POD = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web
    annotations:
      kubectl.kubernetes.io/default-container: app
      pod-patterns.dev/roles: "app=main, shipper=sidecar"
  spec:
    resourceClaims:
      - name: gpu
    initContainers:
      - name: shipper
        image: fluent/fluent-bit:3.0
        restartPolicy: Always
        volumeMounts:
          - name: logs
            mountPath: /logs
    containers:
      - name: app
        image: nginx:1.27
        command: ["sh", "-c", "nginx -g 'daemon off;' --level $(LEVEL) $$(LEVEL)"]
        env:
          - name: EARLY
            value: "$(LEVEL)-early"
          - name: LEVEL
            value: debug
          - name: LATE
            value: "$(LEVEL)-late $(FROM_ENVFROM)"
          - name: MY_LIMIT
            valueFrom:
              resourceFieldRef:
                containerName: app
                resource: limits.cpu
        envFrom:
          - configMapRef:
              name: settings
        ports:
          - name: http
            containerPort: 8080
        readinessProbe:
          httpGet:
            path: /ready
            port: http
        lifecycle:
          preStop:
            tcpSocket:
              port: 'http'
        resources:
          claims:
            - name: gpu
        volumeMounts:
          - name: logs
            mountPath: /var/log/nginx
        volumeDevices:
          - name: raw
            devicePath: /dev/xvda
    volumes:
      - name: logs
        emptyDir: {}
      - name: raw
        persistentVolumeClaim:
          claimName: raw-disk
`;

describe('definition inside a pod', () => {
  const file = service.parseFile(POD);
  const definition = (needle: string, nth = 0): string[] =>
    covered(file, service.definition(file, at(POD, needle, nth)));

  it('goes from a volume mount or device to the volume', () => {
    assert.deepEqual(definition('name: |logs', 0), ['58:logs']);
    assert.deepEqual(definition('name: |logs', 1), ['58:logs']);
    assert.deepEqual(definition('name: |raw', 0), ['60:raw']);
  });

  it('goes from a probe or hook named port to the port of the same container', () => {
    assert.deepEqual(definition('port: |http', 0), ['38:http']);
    assert.deepEqual(definition("port: '|http'"), ['38:http']);
  });

  it('goes from $(VAR) to the env entry defined before it, never to a later one or to envFrom', () => {
    assert.deepEqual(definition('$(|LEVEL)-late', 0), ['25:LEVEL']);
    assert.deepEqual(definition('--level $(L|EVEL)'), ['25:LEVEL']);
    assert.deepEqual(
      definition('$(|LEVEL)-early'),
      [],
      'LEVEL is defined after EARLY: the kubelet leaves it unexpanded',
    );
    assert.deepEqual(definition('$(|FROM_ENVFROM)'), []);
    assert.deepEqual(definition('$$(L|EVEL)', 0), [], '$$ escapes the reference');
  });

  it('goes from the default-container annotation, the roles annotation and resourceFieldRef to the container', () => {
    assert.deepEqual(definition('default-container: a|pp', 0), ['19:app']);
    assert.deepEqual(definition('s|hipper=sidecar'), ['12:shipper']);
    assert.deepEqual(definition('containerName: a|pp', 0), ['19:app']);
  });

  it('goes from a container resource claim to the pod resource claim', () => {
    assert.deepEqual(definition('name: g|pu', 1), ['10:gpu']);
  });

  it('answers the definition itself on a definition, and nothing on plain values or past the end', () => {
    assert.deepEqual(definition('name: l|ogs', 2), ['58:logs']);
    assert.deepEqual(service.definition(file, at(POD, 'n|ginx:1.27')), []);
    assert.deepEqual(service.definition(file, POD.length + 100), []);
    assert.deepEqual(service.definition(file, -5), []);
  });
});

describe('references and highlights', () => {
  const file = service.parseFile(POD);

  it('lists every mount of a volume across containers, with the declaration when asked', () => {
    const offset = at(POD, 'name: l|ogs', 2);
    assert.deepEqual(covered(file, service.references(file, offset, true)), ['16:logs', '52:logs', '58:logs']);
    assert.deepEqual(covered(file, service.references(file, offset, false)), ['16:logs', '52:logs']);
  });

  it('lists the resolved $(VAR) references of an env var, and marks the definition in highlights', () => {
    const offset = at(POD, 'name: L|EVEL', 0);
    assert.deepEqual(covered(file, service.references(file, offset, false)), ['21:LEVEL', '28:LEVEL']);
    assert.deepEqual(
      service
        .highlights(file, offset)
        .map((highlight) => `${POD.slice(highlight.start, highlight.end)}:${highlight.role}`),
      ['LEVEL:reference', 'LEVEL:definition', 'LEVEL:reference'],
    );
  });

  it('lists every mention of a container name', () => {
    const offset = at(POD, '- name: a|pp', 0);
    assert.deepEqual(covered(file, service.references(file, offset, true)), ['6:app', '7:app', '19:app', '32:app']);
  });
});

const FILE = yaml`
  apiVersion: v1
  kind: ConfigMap
  metadata:
    name: settings
    namespace: shop
  data:
    level: debug
    "nginx.conf": |
      server {}
  ---
  apiVersion: v1
  kind: ConfigMap
  metadata:
    name: settings
    namespace: other
  data:
    level: info
  ---
  apiVersion: v1
  kind: Secret
  metadata:
    name: creds
    namespace: shop
  stringData:
    password: hunter2
  ---
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: web
    namespace: shop
  spec:
    selector:
      matchLabels:
        app: web
    template:
      metadata:
        labels:
          app: web
          tier: front
      spec:
        imagePullSecrets:
          - name: creds
        containers:
          - name: app
            image: nginx:1.27
            ports:
              - name: http
                containerPort: 8080
            env:
              - name: LEVEL
                valueFrom:
                  configMapKeyRef:
                    name: settings
                    key: level
              - name: PASSWORD
                valueFrom:
                  secretKeyRef:
                    name: creds
                    key: password
              - name: MISSING
                valueFrom:
                  configMapKeyRef:
                    name: elsewhere
                    key: x
        volumes:
          - name: conf
            configMap:
              name: settings
              items:
                - key: nginx.conf
                  path: default.conf
  ---
  apiVersion: v1
  kind: Service
  metadata:
    name: web
    namespace: shop
  spec:
    selector:
      app: web
    ports:
      - port: 80
        targetPort: http
`;

describe('links between the objects of a file', () => {
  const file = service.parseFile(FILE);
  const definition = (needle: string, nth = 0): string[] =>
    covered(file, service.definition(file, at(FILE, needle, nth)));

  it('goes from a configMapKeyRef or configMap volume to the ConfigMap of the same namespace, and to its key', () => {
    assert.deepEqual(definition('name: s|ettings', 2), ['4:settings']);
    assert.deepEqual(definition('name: s|ettings', 3), ['4:settings']);
    assert.deepEqual(definition('key: l|evel', 0), ['7:level']);
    assert.deepEqual(definition('key: n|ginx.conf', 0), ['8:nginx.conf']);
  });

  it('goes from a secretKeyRef and imagePullSecrets to the Secret and its stringData key', () => {
    assert.deepEqual(definition('name: c|reds', 1), ['22:creds']);
    assert.deepEqual(definition('name: c|reds', 2), ['22:creds']);
    assert.deepEqual(definition('key: p|assword', 0), ['25:password']);
  });

  it('answers nothing for a ConfigMap the file does not hold', () => {
    assert.deepEqual(definition('name: e|lsewhere', 0), []);
  });

  it('goes from a Service selector key to the pod label, and from its named targetPort to the container port', () => {
    assert.deepEqual(definition('a|pp: web', 2), ['39:app']);
    assert.deepEqual(definition('targetPort: h|ttp', 0), ['48:http']);
    assert.deepEqual(definition('a|pp: web', 0), ['39:app'], "the Deployment's own selector");
  });
});

describe('links kept per document across edits', () => {
  it('finds the same places after an edit above moves the document, and links a port to the Service naming it', () => {
    const before = service.parseFile(FILE);
    const references = (text: string, file: ParsedFile, marked: string): string[] =>
      covered(file, service.references(file, at(text, marked), true));
    assert.deepEqual(references(FILE, before, '- name: h|ttp'), ['48:http', '84:http']);
    assert.deepEqual(references(FILE, before, 'name: LEV|EL'), ['51:LEVEL']);

    const edited = FILE.replace('level: debug', 'level: debug\n  extra: one\n  more: two');
    const after = service.parseFile(edited, before);
    assert.equal(after.documents[3]!.model, before.documents[3]!.model, 'the Deployment kept its model');
    assert.deepEqual(references(edited, after, '- name: h|ttp'), ['50:http', '86:http']);
    assert.deepEqual(references(edited, after, 'name: LEV|EL'), ['53:LEVEL']);
    assert.deepEqual(covered(after, service.definition(after, at(edited, 'key: l|evel'))), ['7:level']);
  });
});

describe('hostile input', () => {
  const texts: Record<string, string> = {
    'broken YAML': 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: "a\n      volumeMounts: [{name: x\n',
    'a Helm template': 'apiVersion: v1\nkind: Pod\nspec:\n  volumes:\n    - name: {{ .Values.v }}\n',
    'CR-only line ends': POD.replace(/\n/g, '\r'),
    'CRLF line ends': POD.replace(/\n/g, '\r\n'),
    'multi-byte characters': POD.replace('name: web', 'name: wéb-🚀').replace('path: /ready', 'path: /ré🚀dy'),
    'a tab-indented file': 'apiVersion: v1\nkind: Pod\nspec:\n\tcontainers:\n\t- name: web\n',
    'an empty file': '',
  };
  for (const [what, text] of Object.entries(texts)) {
    it(`answers every feature at every offset of ${what} without throwing`, () => {
      const file = service.parseFile(text);
      service.documentSymbols(file);
      service.foldingRanges(file);
      for (let offset = -1; offset <= text.length + 1; offset++) {
        service.definition(file, offset);
        service.references(file, offset, true);
        service.highlights(file, offset);
        service.prepareRename(file, offset);
        service.rename(file, offset, 'renamed');
        service.selectionRanges(file, offset);
      }
    });
  }

  it('still links names on CR-only and CRLF files, at the same places', () => {
    for (const lineEnd of ['\r', '\r\n']) {
      const text = POD.replace(/\n/g, lineEnd);
      const file = service.parseFile(text);
      const ranges = service.references(file, at(text, 'name: l|ogs', 2), true);
      assert.deepEqual(
        ranges.map((range) => text.slice(range.start, range.end)),
        ['logs', 'logs', 'logs'],
      );
      assert.deepEqual(
        ranges.map((range) => file.lineIndex.positionAt(range.start).line),
        [15, 51, 57],
      );
    }
  });

  it('links names after multi-byte characters at their UTF-16 offsets', () => {
    const text = POD.replace('path: /ready', 'path: /ré🚀dy');
    const file = service.parseFile(text);
    const definition = service.definition(file, at(text, 'port: |http', 0));
    assert.deepEqual(
      definition.map((range) => text.slice(range.start, range.end)),
      ['http'],
    );
  });
});
