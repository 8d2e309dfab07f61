// Generates realistic multi-container pod manifests for the benchmarks: each document
// holds init containers, a native sidecar, several app containers, volumes, probes, env
// and resources, in the shapes seen in real clusters (bare Pods and Deployments mixed).

const IMAGES = [
  'nginx:1.27.2',
  'registry.example.com/shop/api:2.14.0',
  'envoyproxy/envoy:v1.31.2',
  'fluent/fluent-bit:3.1.9',
  'busybox:1.36.1',
  'redis:7.4.1',
];

/**
 * One pod-bearing document (~45 lines), varied by its index; `extraContainers`
 * adds app containers (13 lines each) to make a longer pod.
 */
export function podDocument(index, { extraContainers = 0 } = {}) {
  const name = `shop-${String(index).padStart(5, '0')}`;
  const image = IMAGES[index % IMAGES.length];
  const deployment = index % 4 === 3;
  const pad = deployment ? '    ' : '';
  const spec = [
    `${pad}  initContainers:`,
    `${pad}    - name: migrate`,
    `${pad}      image: registry.example.com/shop/migrate:1.${index % 10}.0`,
    `${pad}      command: ["sh", "-c", "migrate up --timeout=60s"]`,
    `${pad}      resources: { requests: { cpu: 50m, memory: 64Mi }, limits: { memory: 64Mi } }`,
    `${pad}    - name: log-shipper`,
    `${pad}      image: fluent/fluent-bit:3.1.9`,
    `${pad}      restartPolicy: Always`,
    `${pad}      resources: { requests: { cpu: 20m, memory: 32Mi }, limits: { memory: 64Mi } }`,
    `${pad}      volumeMounts:`,
    `${pad}        - name: logs`,
    `${pad}          mountPath: /var/log/app`,
    `${pad}  containers:`,
    `${pad}    - name: app`,
    `${pad}      image: ${image}`,
    // One pod in a hundred has a misspelt field: both tools report the same strict-schema error.
    ...(index % 100 === 5 ? [`${pad}      imagePullPolcy: IfNotPresent`] : []),
    `${pad}      ports:`,
    `${pad}        - containerPort: ${8000 + (index % 100)}`,
    `${pad}      env:`,
    `${pad}        - name: LOG_DIR`,
    `${pad}          value: /var/log/app`,
    `${pad}      resources:`,
    `${pad}        requests: { cpu: ${50 + (index % 5) * 50}m, memory: 128Mi }`,
    `${pad}        limits: { cpu: "1", memory: 256Mi }`,
    `${pad}      readinessProbe:`,
    `${pad}        httpGet: { path: /healthz, port: ${8000 + (index % 100)} }`,
    `${pad}      volumeMounts:`,
    `${pad}        - name: logs`,
    `${pad}          mountPath: /var/log/app`,
    `${pad}    - name: proxy # ambassador to the payment service`,
    `${pad}      image: envoyproxy/envoy:v1.31.2`,
    `${pad}      ports:`,
    `${pad}        - containerPort: 9901`,
    `${pad}      resources: { requests: { cpu: 50m, memory: 64Mi }, limits: { memory: 128Mi } }`,
    ...Array.from({ length: extraContainers }, (_, n) => [
      `${pad}    - name: worker-${n}`,
      `${pad}      image: registry.example.com/shop/worker:3.${n}.1`,
      `${pad}      args: ["--queue", "orders-${n}", "--concurrency", "4"]`,
      `${pad}      env:`,
      `${pad}        - name: QUEUE_URL`,
      `${pad}          value: amqp://rabbitmq.shop.svc:5672`,
      `${pad}      resources:`,
      `${pad}        requests: { cpu: 100m, memory: 64Mi }`,
      `${pad}        limits: { memory: 128Mi }`,
      `${pad}      livenessProbe:`,
      `${pad}        exec: { command: ["worker", "health"] }`,
      `${pad}        periodSeconds: 20`,
      `${pad}      terminationMessagePolicy: FallbackToLogsOnError`,
    ]).flat(),
    `${pad}  volumes:`,
    `${pad}    - name: logs`,
    `${pad}      emptyDir: {}`,
  ];
  const head = deployment
    ? [
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        `  name: ${name}`,
        'spec:',
        '  replicas: 2',
        '  selector:',
        `    matchLabels: { app: ${name} }`,
        '  template:',
        '    metadata:',
        `      labels: { app: ${name} }`,
        '    spec:',
      ]
    : ['apiVersion: v1', 'kind: Pod', 'metadata:', `  name: ${name}`, '  labels:', `    app: ${name}`, 'spec:'];
  return [...head, ...spec].join('\n') + '\n';
}

/** A multi-document file of `count` pods. */
export function podFile(count) {
  const parts = [];
  for (let i = 0; i < count; i++) parts.push(podDocument(i));
  return parts.join('---\n');
}

/**
 * Where the benchmarks type in a file of `count` pods: the last digit of the memory limit of the
 * middle pod's first app container (256Mi, typed as 257Mi and back), as an LSP position.
 */
export function keystrokePosition(text, count) {
  const middle = text.indexOf(`shop-${String(Math.floor(count / 2)).padStart(5, '0')}`);
  const digit = text.indexOf('memory: 256Mi', middle) + 'memory: 25'.length;
  return {
    line: text.slice(0, digit).split('\n').length - 1,
    character: digit - (text.lastIndexOf('\n', digit) + 1),
  };
}

/** The value below which `fraction` of the values lie (the 0.99 of 25 keystrokes is the slowest). */
export function percentile(values, fraction) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] : null;
}
