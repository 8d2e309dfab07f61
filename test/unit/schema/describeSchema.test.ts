import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describeSchemaAt, knownFields, schemaKinds } from '../../../server/src/service/schema';

describe('describeSchemaAt and knownFields', () => {
  it('knows every pod-bearing kind', () => {
    assert.deepEqual(schemaKinds().sort(), [
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
  });

  it('describes a container field with its type, enum and description', () => {
    const policy = describeSchemaAt('Pod', ['spec', 'containers', 0, 'imagePullPolicy']);
    assert.equal(policy?.type, 'string');
    assert.deepEqual(policy?.enum, ['Always', 'IfNotPresent', 'Never']);
    assert.match(policy?.description ?? '', /Image pull policy/);
  });

  it('follows list indexes given as numbers or as JSON-pointer strings', () => {
    assert.deepEqual(
      describeSchemaAt('Deployment', ['spec', 'template', 'spec', 'containers', '0', 'ports', '0', 'containerPort']),
      describeSchemaAt('Deployment', ['spec', 'template', 'spec', 'containers', 0, 'ports', 0, 'containerPort']),
    );
    assert.equal(
      describeSchemaAt('Deployment', ['spec', 'template', 'spec', 'containers', 0, 'ports', 0, 'containerPort'])?.type,
      'integer',
    );
  });

  it('lists the fields of an object with their summaries and required fields', () => {
    const port = describeSchemaAt('Pod', ['spec', 'containers', 0, 'ports', 0]);
    assert.equal(port?.type, 'object');
    assert.deepEqual(port?.required, ['containerPort']);
    assert.deepEqual(Object.keys(port?.properties ?? {}), ['containerPort', 'hostIP', 'hostPort', 'name', 'protocol']);
    assert.deepEqual(port?.properties?.['protocol']?.enum, ['SCTP', 'TCP', 'UDP']);
  });

  it('types int-or-string and quantity fields with both forms', () => {
    assert.equal(
      describeSchemaAt('Pod', ['spec', 'containers', 0, 'livenessProbe', 'httpGet', 'port'])?.type,
      'integer|string',
    );
    assert.equal(
      describeSchemaAt('Pod', ['spec', 'containers', 0, 'resources', 'limits', 'cpu'])?.type,
      'number|string',
    );
  });

  it('knows the fields newer Kubernetes versions added', () => {
    const fields = knownFields('Pod', ['spec', 'initContainers', 0]);
    assert.ok(fields.includes('restartPolicyRules'));
    assert.ok(fields.includes('resizePolicy'));
    assert.ok(knownFields('Pod', ['spec']).includes('resources'));
    assert.ok(knownFields('Pod', ['spec', 'containers', 0, 'lifecycle']).includes('stopSignal'));
  });

  it('walks a CronJob down to its pod template', () => {
    const fields = knownFields('CronJob', ['spec', 'jobTemplate', 'spec', 'template', 'spec']);
    assert.ok(fields.includes('containers'));
    assert.ok(fields.includes('restartPolicy'));
  });

  it('returns nothing for unknown kinds, unknown fields and scalars', () => {
    assert.equal(describeSchemaAt('Service', ['spec']), undefined);
    assert.equal(describeSchemaAt('Pod', ['spec', 'nonsense']), undefined);
    assert.equal(describeSchemaAt('Pod', ['__proto__']), undefined);
    assert.deepEqual(knownFields('Pod', ['spec', 'containers', 0, 'name']), []);
    assert.deepEqual(knownFields('Pod', ['metadata', 'labels']), []);
  });

  it('describes map values such as a label', () => {
    assert.equal(describeSchemaAt('Pod', ['metadata', 'labels', 'app.kubernetes.io/name'])?.type, 'string');
  });

  it('describes every field of every definition reachable from a kind as the published schema does', () => {
    // The descriptions ship apart from the fields' shape and are added to it on the first description asked for.
    interface PublishedField {
      description?: string;
      $ref?: string;
      properties?: Record<string, PublishedField>;
      items?: PublishedField;
      additionalProperties?: PublishedField | boolean;
    }
    const published = JSON.parse(
      readFileSync(path.join(__dirname, '..', '..', '..', '..', 'schemas', 'definitions.json'), 'utf8'),
    ) as { definitions: Record<string, PublishedField> };
    const target = (field: PublishedField) =>
      field.$ref ? published.definitions[field.$ref.replace('#/definitions/', '')]! : field;
    let compared = 0;
    const walk = (kind: string, at: (string | number)[], field: PublishedField, seen: Set<string>): void => {
      const expected = field.description ?? target(field).description;
      assert.equal(describeSchemaAt(kind, at)?.description, expected, `${kind} ${at.join('.')}`);
      compared++;
      const ref = field.$ref;
      if (ref && seen.has(ref)) return;
      const next = ref ? new Set([...seen, ref]) : seen;
      const holder = target(field);
      for (const [name, property] of Object.entries(holder.properties ?? {})) walk(kind, [...at, name], property, next);
      if (holder.items) walk(kind, [...at, 0], holder.items, next);
      if (typeof holder.additionalProperties === 'object')
        walk(kind, [...at, 'some-key'], holder.additionalProperties, next);
    };
    for (const kind of schemaKinds()) walk(kind, [], { $ref: `#/definitions/${kind}` }, new Set());
    assert.ok(compared > 5000, `compared ${compared} fields`);
  });
});
