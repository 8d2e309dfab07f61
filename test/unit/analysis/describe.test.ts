import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { runCli } from '../../../server/src/cli/run';
import { REPO_ROOT } from '../../support/repo';

function run(argv: string[]): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const code = runCli(argv, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    readStdin: () => '',
  });
  return { code, stdout, stderr };
}

test('describe --format json prints the stable shape', () => {
  const { code, stdout } = run([
    'describe',
    '--format',
    'json',
    path.join(REPO_ROOT, 'examples/native-sidecar-job.yaml'),
  ]);
  assert.equal(code, 0);
  const parsed = JSON.parse(stdout);
  assert.deepEqual(parsed, {
    pods: [
      {
        path: path.join(REPO_ROOT, 'examples/native-sidecar-job.yaml'),
        documentIndex: 0,
        kind: 'Job',
        name: 'monthly-report',
        containers: [
          {
            name: 'db-proxy',
            group: 'native-sidecar',
            role: 'native-sidecar',
            pattern: 'ambassador',
            evidence:
              "init container with restartPolicy: Always: starts before and keeps running beside the app containers; forwards report's calls to postgres://report@127.0.0.1:5432 to a Cloud SQL instance; the Cloud SQL Auth Proxy (GoogleCloudPlatform/cloud-sql-proxy): a local door to a Cloud SQL database",
            reasons: [
              'init container with restartPolicy: Always: starts before and keeps running beside the app containers',
              "forwards report's calls to postgres://report@127.0.0.1:5432 to a Cloud SQL instance",
              'the Cloud SQL Auth Proxy (GoogleCloudPlatform/cloud-sql-proxy): a local door to a Cloud SQL database',
            ],
          },
          {
            name: 'report',
            group: 'app',
            role: 'main',
            pattern: null,
            evidence: 'calls db-proxy on postgres://report@127.0.0.1:5432; the only app container',
            reasons: ['calls db-proxy on postgres://report@127.0.0.1:5432', 'the only app container'],
          },
        ],
        volumes: [],
        links: [{ from: 'report', to: 'db-proxy', port: 5432 }],
        effectiveResources: { requests: { cpu: '600m', memory: '320Mi' }, limits: { memory: '320Mi' } },
        qosClass: 'Burstable',
      },
    ],
  });
});

test('describe text names roles, shared volumes, links and resources', () => {
  const { code, stdout } = run(['describe', path.join(REPO_ROOT, 'examples/ambassador-forward-proxy.yaml')]);
  assert.equal(code, 0);
  assert.match(stdout, /Pod fetch-and-serve/);
  assert.match(
    stdout,
    /\n {4}egress-ambassador {2}ambassador\n {6}- forwards fetcher's calls to http:\/\/127\.0\.0\.1:3128\n {6}- its name says "ambassador"\n/,
  );
  assert.match(stdout, /\n {4}fetcher {2}main\n {6}- calls egress-ambassador on http:\/\/127\.0\.0\.1:3128\n/);
  assert.match(stdout, /pages \(emptyDir\) shared by fetcher at \/work, server at \/usr\/share\/nginx\/html/);
  assert.match(stdout, /fetcher → egress-ambassador :3128/);
  assert.match(stdout, /QoS class: BestEffort/);
});

test('describe rejects unknown formats and missing files', () => {
  assert.equal(run(['describe', '--format', 'sarif', 'x.yaml']).code, 2);
  assert.equal(run(['describe']).code, 2);
  const missing = run(['describe', path.join(REPO_ROOT, 'no-such-file.yaml')]);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /cannot read/);
});
