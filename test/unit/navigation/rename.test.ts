import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { offsetOfMarker, yaml } from '../../support/text';
import { applyEdits, createLanguageService, THROWING_LOGGER } from '../../../server/src/service';

const service = createLanguageService({ logger: THROWING_LOGGER });

const at = offsetOfMarker;

/** The text after renaming the name at the `|` of `marked`, or the refusal. */
function renamed(text: string, marked: string, newName: string, nth = 0): string {
  const file = service.parseFile(text);
  const result = service.rename(file, at(text, marked, nth), newName);
  assert.ok(result, 'no symbol at the cursor');
  return 'refused' in result ? `refused: ${result.refused}` : applyEdits(text, result.edits);
}

const POD = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web
    annotations:
      kubectl.kubernetes.io/default-container: app
      pod-patterns.dev/roles: "app=main,shipper=sidecar"
  spec:
    containers:
      - name: app
        image: nginx:1.27
        args: ["--level=$(LEVEL)", "--copy=$(COPY)"]
        env:
          - name: LEVEL
            value: debug
          - name: 'COPY'
            value: "$(LEVEL)"
          - name: CPU
            valueFrom:
              resourceFieldRef: {containerName: app, resource: limits.cpu}
        ports:
          - name: http
            containerPort: 8080
        livenessProbe:
          httpGet: {path: /, port: http}
        volumeMounts:
          - name: "logs"
            mountPath: /logs
      - name: shipper
        image: fluent/fluent-bit:3.0
        volumeMounts:
          - name: logs
            mountPath: /logs
            subPathExpr: $(POD_NAME)
        env:
          - name: LEVEL
            value: warn
    volumes:
      - name: logs
        emptyDir: {}
      - name: cache
        emptyDir: {}
`;

describe('rename', () => {
  it('renames a volume with every mount, keeping each place in its quoting', () => {
    const expected = POD.replace('name: "logs"', 'name: "app-logs"')
      .replace(
        '  - name: logs\n          mountPath: /logs\n          subPathExpr',
        '  - name: app-logs\n          mountPath: /logs\n          subPathExpr',
      )
      .replace('  - name: logs\n      emptyDir', '  - name: app-logs\n      emptyDir');
    assert.notEqual(expected, POD);
    assert.equal(renamed(POD, '- name: l|ogs', 'app-logs', 1), expected);
    assert.equal(renamed(POD, 'name: "l|ogs"', 'app-logs'), expected, 'from a mount, the same edit');
  });

  it('renames a container in both annotations and in resourceFieldRef', () => {
    const expected = POD.replace('default-container: app', 'default-container: web')
      .replace('"app=main,', '"web=main,')
      .replace('    - name: app\n', '    - name: web\n')
      .replace('containerName: app,', 'containerName: web,');
    assert.equal(renamed(POD, '- name: a|pp', 'web'), expected);
  });

  it('renames an env var with its $(VAR) references in that container only', () => {
    const expected = POD.replace('--level=$(LEVEL)', '--level=$(LOG_LEVEL)')
      .replace('  - name: LEVEL\n          value: debug', '  - name: LOG_LEVEL\n          value: debug')
      .replace('value: "$(LEVEL)"', 'value: "$(LOG_LEVEL)"');
    assert.equal(renamed(POD, '$(L|EVEL)', 'LOG_LEVEL'), expected);
    assert.ok(expected.includes('name: LEVEL\n          value: warn'), "the other container's LEVEL stays");
  });

  it('renames a port name with the probe that names it', () => {
    assert.equal(
      renamed(POD, 'port: h|ttp', 'web'),
      POD.replace('- name: http', '- name: web').replace('port: http}', 'port: web}'),
    );
  });

  it('quotes a new name YAML 1.1 would read as something else', () => {
    assert.equal(renamed(POD, 'name: c|ache', 'yes'), POD.replace('- name: cache', '- name: "yes"'));
    assert.equal(
      renamed(POD, "name: 'C|OPY'", 'DUP'),
      POD.replace("name: 'COPY'", "name: 'DUP'").replace('$(COPY)', '$(DUP)'),
    );
  });

  it('refuses invalid names, with the rule they break', () => {
    assert.match(
      renamed(POD, '- name: c|ache', 'Cache_1'),
      /^refused: "Cache_1" is not a valid volume name: a lowercase RFC 1123 label/,
    );
    assert.match(
      renamed(POD, 'port: h|ttp', 'a-very-long-port-name'),
      /^refused: .*not a valid port name: must be no more than 15 characters/,
    );
    assert.match(renamed(POD, '$(L|EVEL)', '1LEVEL'), /^refused: .*not a valid environment variable name/);
  });

  it('refuses a name that another volume of the pod already has', () => {
    assert.match(renamed(POD, '- name: c|ache', 'logs'), /^refused: A volume named "logs" already exists here/);
  });

  it('leaves the text unchanged when the name stays the same', () => {
    assert.equal(renamed(POD, '- name: c|ache', 'cache'), POD);
  });

  it('prepares a rename on the exact name, and refuses names without a definition and labels', () => {
    const file = service.parseFile(POD);
    const prepared = service.prepareRename(file, at(POD, '$(LE|VEL)'));
    assert.ok(prepared && !('refused' in prepared));
    assert.equal(POD.slice(prepared.range.start, prepared.range.end), 'LEVEL');
    assert.equal(prepared.placeholder, 'LEVEL');
    const quoted = service.prepareRename(file, at(POD, 'name: "|logs"'));
    assert.ok(quoted && !('refused' in quoted));
    assert.equal(POD.slice(quoted.range.start, quoted.range.end), 'logs', 'the quotes are not part of the name');
    assert.equal(service.prepareRename(file, at(POD, 'image: n|ginx')), undefined);

    const withService = `${POD}---\napiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: web}\n  ports: [{port: 80}]\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: p, labels: {app: web}}\nspec:\n  containers:\n    - name: c\n      image: busybox:1.36\n      envFrom: [{configMapRef: {name: elsewhere}}]\n`;
    const other = service.parseFile(withService);
    const label = service.prepareRename(other, at(withService, 'selector: {a|pp'));
    assert.ok(label && 'refused' in label);
    assert.match(label.refused, /Labels are not renamed/);
    const missing = service.prepareRename(other, at(withService, 'name: e|lsewhere'));
    assert.ok(missing && 'refused' in missing);
    assert.equal(
      missing.refused,
      'The ConfigMap "elsewhere" is not defined in this file: renaming it here would leave its definition behind.',
    );
  });

  it('refuses a name shared through a YAML alias or written with escapes', () => {
    const aliased = yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: a}
      spec:
        containers:
          - name: app
            image: busybox:1.36
            volumeMounts:
              - {name: &vol data, mountPath: /a}
              - {name: *vol, mountPath: /b}
        volumes:
          - name: data
            emptyDir: {}
    `;
    assert.match(
      renamed(aliased, '- name: d|ata', 'store'),
      /^refused: The volume "data" cannot be renamed: on line 9 it is reached through a YAML alias/,
    );
    const escaped = aliased.replace('&vol data', '"d\\x61ta"').replace('*vol', 'data');
    assert.match(renamed(escaped, '- name: d|ata', 'store'), /^refused: .* it is written with escapes/);
  });

  it('renames a ConfigMap and a key across the file', () => {
    const text = yaml`
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: settings}
      data:
        level: debug
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web}
      spec:
        selector: {matchLabels: {app: web}}
        template:
          metadata: {labels: {app: web}}
          spec:
            containers:
              - name: app
                image: nginx:1.27
                env:
                  - name: LEVEL
                    valueFrom: {configMapKeyRef: {name: settings, key: level}}
                envFrom:
                  - configMapRef: {name: settings}
    `;
    assert.equal(
      renamed(text, 'name: s|ettings}', 'web.settings'),
      text.replaceAll('name: settings', 'name: web.settings'),
    );
    assert.equal(
      renamed(text, 'key: l|evel', 'log-level'),
      text.replace('  level: debug', '  log-level: debug').replace('key: level', 'key: log-level'),
    );
    assert.match(renamed(text, 'key: l|evel', 'a/b'), /^refused: "a\/b" is not a valid ConfigMap key name/);
  });
});
