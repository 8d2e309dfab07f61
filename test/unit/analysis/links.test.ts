import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analysisOf } from './podFrom';

const twoContainers = (first: string, second: string) => `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: a
    image: example.com/a:1
${first}
  - name: b
    image: example.com/b:1
${second}
`;

const linksOf = (text: string) =>
  analysisOf(text).links.map((link) => ({
    from: link.from.name,
    to: link.to?.name ?? null,
    port: link.port,
    text: link.text,
    source: link.source,
  }));

test('finds localhost references in env values, command and args, with implied and explicit ports', () => {
  const text = twoContainers(
    `    command: ["sh", "-c", "curl -s localhost:8080/x && wget http://127.0.0.1/y"]
    args: ["--target=https://localhost/z", "--ipv6=[::1]:7000"]
    env:
    - name: DB
      value: postgres://user:pw@localhost/db`,
    '    ports:\n    - containerPort: 8080\n    - containerPort: 80\n    - containerPort: 443\n    - containerPort: 7000\n    - containerPort: 5432',
  );
  assert.deepEqual(linksOf(text), [
    { from: 'a', to: 'b', port: 5432, text: 'postgres://user:pw@localhost', source: 'env' },
    { from: 'a', to: 'b', port: 8080, text: 'localhost:8080', source: 'command' },
    { from: 'a', to: 'b', port: 80, text: 'http://127.0.0.1', source: 'command' },
    { from: 'a', to: 'b', port: 443, text: 'https://localhost', source: 'args' },
    { from: 'a', to: 'b', port: 7000, text: '[::1]:7000', source: 'args' },
  ]);
});

test('ignores look-alikes, listen addresses and bare hosts', () => {
  const text = twoContainers(
    `    args: ["--listen-address=127.0.0.1:9000", "--metrics-bind-address", "localhost:8081", "--name=mylocalhost:80", "--host=localhost", "localhost.example.com:80"]
    env:
    - name: BIND_ADDR
      value: 127.0.0.1:7001`,
    '',
  );
  assert.deepEqual(linksOf(text), []);
  const served = analysisOf(text).servedPorts.map((entry) => [entry.container.name, entry.port, entry.evidence]);
  assert.deepEqual(served, [
    ['a', 7001, 'env BIND_ADDR'],
    ['a', 9000, 'flag --listen-address'],
    ['a', 8081, 'flag --metrics-bind-address'],
  ]);
});

test('served ports come from containerPorts, flags, instance strings and PORT env vars', () => {
  const text = twoContainers(
    '    args: ["-port", "8080", "--http-port=8443", "--web.listen-address=:9113", "-instances=p:r:db=tcp:5432,p:r:db2=tcp:0.0.0.0:5433"]',
    '    env:\n    - name: PORT\n      value: "3000"\n    - name: DB_PORT\n      value: "5432"\n    ports:\n    - containerPort: 53\n      protocol: UDP',
  );
  const served = analysisOf(text).servedPorts.map(
    (entry) => `${entry.container.name}:${entry.port}/${entry.protocol} ${entry.evidence}`,
  );
  assert.deepEqual(served, [
    'a:8080/TCP flag --port',
    'a:8443/TCP flag --http-port',
    'a:9113/TCP flag --web.listen-address',
    'a:5432/TCP instance tcp:5432',
    'a:5433/TCP instance tcp:5433',
    'b:53/UDP containerPort',
    'b:3000/TCP env PORT',
  ]);
});

test('a container that serves the port itself is its own target; nobody serving it leaves the link open', () => {
  const text = twoContainers(
    '    ports:\n    - containerPort: 9000\n    args: ["--self=http://localhost:9000", "--other=localhost:9999"]',
    '    ports:\n    - containerPort: 9000',
  );
  assert.deepEqual(
    linksOf(text).map((link) => [link.to, link.port]),
    [
      ['a', 9000],
      [null, 9999],
    ],
  );
});

test('ranges cover the reference exactly on one-line scalars', () => {
  const text = twoContainers(
    '    env:\n    - name: U\n      value: "x localhost:81 y"',
    '    ports:\n    - containerPort: 81',
  );
  const [link] = analysisOf(text).links;
  assert.equal(text.slice(link!.range.start, link!.range.end), 'localhost:81');
});

test('external endpoints: URLs and dotted host:port, never localhost', () => {
  const text = twoContainers(
    '    env:\n    - name: A\n      value: https://api.example.com:8443/v1\n    - name: B\n      value: db.internal.svc:5432\n    - name: C\n      value: http://localhost:80\n    - name: D\n      value: "10:30"',
    '',
  );
  const endpoints = analysisOf(text).endpoints.map((entry) => [entry.target, entry.host, entry.port]);
  assert.deepEqual(endpoints, [
    ['https://api.example.com:8443/v1', 'api.example.com', 8443],
    ['db.internal.svc:5432', 'db.internal.svc', 5432],
  ]);
});

test('hostile texts stay fast: long dotted words, many schemes, huge scripts', () => {
  const hostile = [
    'a.'.repeat(100_000),
    'x://'.repeat(30_000),
    `--flag=${'localhost:1 '.repeat(20_000)}`,
    '/a'.repeat(100_000),
  ];
  const env = hostile.map((value, index) => `    - name: V${index}\n      value: "${value}"`).join('\n');
  const started = Date.now();
  const analysis = analysisOf(twoContainers(`    env:\n${env}`, ''));
  assert.ok(Date.now() - started < 3000, `took ${Date.now() - started} ms`);
  assert.equal(analysis.links.length, 20_000);
});

test('a port served by an init container and an app container links to the one running beside the caller', () => {
  const text = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  initContainers:
  - name: warm
    image: example.com/warm:1
    ports:
    - containerPort: 8080
  containers:
  - name: app
    image: example.com/app:1
    ports:
    - containerPort: 8080
  - name: probe
    image: example.com/probe:1
    args: ["--target=localhost:8080"]
`;
  assert.deepEqual(
    linksOf(text).map((link) => [link.from, link.to]),
    [['probe', 'app']],
  );
});
