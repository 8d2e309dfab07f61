import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_SETTINGS, ParsedFile, resolveSettings } from '../../../server/src/service';
import { codeActionsFor, fixesFor, type FixTarget } from '../../../server/src/service/actions';
import { THROWING_LOGGER } from '../../../server/src/service/logger';
import { applyEdits } from '../../../server/src/service/edits/textEdits';
import { insertPattern } from '../../../server/src/service/actions/insert/insertPattern';
import { assertGolden, newProblems, readFixture, syntaxErrors } from './support';

const FIXTURES = ['job-two-spaces.yaml', 'job-four-spaces.yaml'];

interface FixCase {
  readonly name: string;
  readonly code: string;
  /** The finding's range: `within` inside the `occurrence`-th (0-based) `needle`. */
  readonly needle: string;
  readonly occurrence?: number;
  readonly within?: string;
  readonly data: Record<string, unknown>;
  /** The fix to apply, by title; the preferred one when absent. */
  readonly pick?: RegExp;
  /** Titles every offered fix list must include. */
  readonly offers?: readonly RegExp[];
}

/** The finding data below is what the rules document for their quick fixes. */
const CASES: readonly FixCase[] = [
  {
    name: 'undefined-volume: declare it as an emptyDir',
    code: 'undefined-volume',
    needle: '- name: output',
    within: 'output',
    data: {
      volumeName: 'output',
      existingVolumes: ['templates', 'scratch'],
      containerName: 'report',
      mountPath: '/out',
    },
    offers: [/Mount volume "templates" instead/, /Mount volume "scratch" instead/],
  },
  {
    name: 'undefined-volume: rename to an existing volume',
    code: 'undefined-volume',
    needle: '- name: output',
    within: 'output',
    data: { volumeName: 'output', existingVolumes: ['templates', 'scratch'] },
    pick: /Mount volume "scratch" instead/,
  },
  {
    name: 'duplicate-container-name: rename',
    code: 'duplicate-container-name',
    needle: '- name: report',
    occurrence: 1,
    within: 'report',
    data: { name: 'report', suggestion: 'report-2', containerIndex: 2, listKey: 'containers' },
  },
  {
    name: 'sidecar-blocks-job-completion: move to initContainers as a native sidecar',
    code: 'sidecar-blocks-job-completion',
    needle: '- name: shipper',
    within: 'shipper',
    data: {
      container: 'shipper',
      containerIndex: 1,
      moveTo: 'initContainers',
      restartPolicy: 'Always',
      minimumVersion: '1.29',
      supported: true,
    },
  },
  {
    name: 'invalid-restart-policy on an app container: remove it',
    code: 'invalid-restart-policy',
    needle: 'restartPolicy: OnFailure',
    within: 'restartPolicy',
    data: { containerIndex: 2, listKey: 'containers', restartPolicy: 'OnFailure', containerName: 'report' },
  },
  {
    name: 'init-container-probe: remove the probe',
    code: 'init-container-probe',
    needle: 'readinessProbe',
    data: { probe: 'readinessProbe', containerIndex: 0, containerName: 'fetch' },
    offers: [/Make "fetch" a native sidecar/],
  },
  {
    name: 'init-container-probe: make it a native sidecar',
    code: 'init-container-probe',
    needle: 'readinessProbe',
    data: { probe: 'readinessProbe', containerIndex: 0, containerName: 'fetch' },
    pick: /native sidecar/,
  },
  {
    name: 'deprecated-registry: registry.k8s.io',
    code: 'deprecated-registry',
    needle: 'k8s.gcr.io/git-sync/git-sync:v4.2.1',
    data: { image: 'k8s.gcr.io/git-sync/git-sync:v4.2.1', replacement: 'registry.k8s.io/git-sync/git-sync:v4.2.1' },
  },
  {
    name: 'git-sync-v3-config: rename GIT_SYNC_* to GITSYNC_*',
    code: 'git-sync-v3-config',
    needle: 'GIT_SYNC_REPO',
    data: {
      container: 'fetch',
      renames: [
        { from: 'GIT_SYNC_REPO', to: 'GITSYNC_REPO', envIndex: 0 },
        { from: 'GIT_SYNC_ONE_TIME', to: 'GITSYNC_ONE_TIME', envIndex: 1 },
      ],
    },
  },
  {
    name: 'missing-resources: add requests and limits',
    code: 'missing-resources',
    needle: '- name: shipper',
    within: 'shipper',
    data: {
      container: 'shipper',
      listKey: 'containers',
      containerIndex: 1,
      missing: ['requests.cpu', 'requests.memory', 'limits.memory'],
    },
    pick: /Add resource requests and limits/,
  },
  {
    name: 'unshared-volume: mount it in the main container',
    code: 'unshared-volume',
    needle: '- name: scratch',
    occurrence: 1,
    within: 'scratch',
    data: { volume: 'scratch', mountedBy: 'shipper', others: ['fetch', 'report', 'report'] },
    pick: /Mount "scratch" in "report"/,
  },
  {
    name: 'default-container-missing: the first app container',
    code: 'default-container-missing',
    needle: 'reporter',
    data: { value: 'reporter', names: ['report', 'shipper', 'report', 'fetch'] },
  },
  {
    name: 'unknown field: the closest field name',
    code: 'schema',
    needle: 'imagePullPolicey',
    data: { suggestions: ['imagePullPolicy'] },
  },
  {
    name: 'any rule finding: a suppression comment',
    code: 'missing-resources',
    needle: '- name: shipper',
    within: 'shipper',
    data: { container: 'shipper' },
    pick: /^Disable missing-resources for this line$/,
  },
];

function targetIn(text: string, fixCase: FixCase): FixTarget {
  let at = -1;
  for (let n = 0; n <= (fixCase.occurrence ?? 0); n++) {
    at = text.indexOf(fixCase.needle, at + 1);
    assert.ok(at >= 0, `"${fixCase.needle}" #${n} is in the fixture`);
  }
  const start = at + (fixCase.within ? fixCase.needle.indexOf(fixCase.within) : 0);
  return { code: fixCase.code, start, end: start + (fixCase.within ?? fixCase.needle).length, data: fixCase.data };
}

function slug(name: string): string {
  return name
    .replace(/[^a-z0-9]+/gi, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
}

/** The fix fixtures hold the mistakes of a 1.34 target: from 1.35 an app container may set its own restartPolicy. */
const FIXTURE_SETTINGS = resolveSettings({ kubernetesVersion: '1.34' });

for (const fixture of FIXTURES) {
  for (const fixCase of CASES) {
    test(`${fixCase.name} (${fixture})`, () => {
      const before = readFixture('fixes', fixture);
      const analysis = new ParsedFile(before);
      const fixes = fixesFor(analysis, targetIn(before, fixCase), FIXTURE_SETTINGS, THROWING_LOGGER);
      for (const title of fixCase.offers ?? [])
        assert.ok(
          fixes.some((fix) => title.test(fix.title)),
          `offers ${title}: ${fixes.map((fix) => fix.title).join(' | ')}`,
        );
      const chosen = fixCase.pick
        ? fixes.find((fix) => fixCase.pick!.test(fix.title))
        : fixes.find((fix) => fix.preferred);
      assert.ok(chosen, `a fix to apply among: ${fixes.map((fix) => fix.title).join(' | ')}`);
      const after = applyEdits(before, chosen.edits);
      assertGolden(after, 'fixes', 'expected', `${fixture.replace(/\.yaml$/, '')}.${slug(fixCase.name)}.yaml`);
      assert.deepEqual(syntaxErrors(after), [], 'the result parses');
      assert.deepEqual(newProblems(before, after), [], 'no new error or warning');
      // Every comment of the fixture is still there.
      for (const comment of before.match(/#.*$/gm) ?? []) assert.ok(after.includes(comment), `keeps ${comment}`);
    });
  }
}

test('code actions for diagnostics: fixes with their diagnostic, fix all, refactorings after', () => {
  const text = readFixture('fixes', 'job-two-spaces.yaml');
  const analysis = new ParsedFile(text);
  // What the editor echoes is the published diagnostic: the finding's code, range and data.
  const finding = analysis.findings(DEFAULT_SETTINGS).find((candidate) => candidate.code === 'deprecated-registry')!;
  const target: FixTarget = {
    code: finding.code,
    start: finding.range.start,
    end: finding.range.end,
    data: { ...finding.data, documentIndex: finding.documentIndex },
  };
  const actions = codeActionsFor(
    analysis,
    { start: target.start, end: target.start, diagnostics: [{ ...target, source: 'pod-patterns' }] },
    DEFAULT_SETTINGS,
    THROWING_LOGGER,
  );
  const quickFixes = actions.filter((action) => action.kind === 'quickfix');
  assert.deepEqual(
    quickFixes.map((action) => action.title),
    ['Use registry.k8s.io/git-sync/git-sync:v4.2.1', 'Disable deprecated-registry for this line'],
  );
  assert.deepEqual(quickFixes[0]!.fixes, [0]);
  assert.equal(quickFixes[0]!.isPreferred, true);
  // The cursor is on an image value, not on a pod or container header line: no insert actions there.
  assert.equal(actions.filter((action) => action.kind === 'refactor.rewrite').length, 0);
  const onlyQuickFixes = codeActionsFor(
    analysis,
    { start: target.start, end: target.start, diagnostics: [target], only: ['quickfix'] },
    DEFAULT_SETTINGS,
    THROWING_LOGGER,
  );
  assert.ok(onlyQuickFixes.every((action) => action.kind === 'quickfix'));
  const foreign = codeActionsFor(
    analysis,
    { start: 0, end: 0, diagnostics: [{ ...target, source: 'yaml' }], only: ['quickfix'] },
    DEFAULT_SETTINGS,
    THROWING_LOGGER,
  );
  assert.deepEqual(foreign, [], 'diagnostics of other tools are left to them');
});

test('enum findings offer each allowed value', () => {
  const text =
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  restartPolicy: always\n  containers:\n  - name: a\n    image: nginx:1.27\n';
  const start = text.indexOf('always');
  const fixes = fixesFor(
    new ParsedFile(text),
    { code: 'schema', start, end: start + 6, data: { allowedValues: ['Always', 'OnFailure', 'Never'] } },
    DEFAULT_SETTINGS,
    THROWING_LOGGER,
  );
  assert.deepEqual(
    fixes.map((fix) => fix.title),
    ['Change to "Always"', 'Change to "OnFailure"', 'Change to "Never"'],
  );
  assert.equal(applyEdits(text, fixes[0]!.edits), text.replace('always', 'Always'));
});

test('no move to a native sidecar below Kubernetes 1.29, nor of the only app container', () => {
  const text = readFixture('fixes', 'job-two-spaces.yaml');
  const target = targetIn(
    text,
    CASES.find((fixCase) => fixCase.code === 'sidecar-blocks-job-completion')!,
  );
  assert.deepEqual(
    fixesFor(new ParsedFile(text), target, resolveSettings({ kubernetesVersion: '1.28' }), THROWING_LOGGER).filter(
      (fix) => /native sidecar/.test(fix.title),
    ),
    [],
  );
  const single =
    'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: proxy\n        image: envoyproxy/envoy:v1.34.1\n';
  const at = single.indexOf('proxy');
  assert.deepEqual(
    fixesFor(
      new ParsedFile(single),
      { code: 'sidecar-blocks-job-completion', start: at, end: at + 5, data: { containerIndex: 0 } },
      DEFAULT_SETTINGS,
      THROWING_LOGGER,
    ).filter((fix) => /native sidecar/.test(fix.title)),
    [],
  );
});

test('git-sync renames are the preferred fix only on a v4 image (v3 does not read GITSYNC_*)', () => {
  const text = readFixture('fixes', 'job-two-spaces.yaml').replace('git-sync:v4.2.1', 'git-sync:v3.6.9');
  const fixCase = CASES.find((candidate) => candidate.code === 'git-sync-v3-config')!;
  const fixes = fixesFor(new ParsedFile(text), targetIn(text, fixCase), DEFAULT_SETTINGS, THROWING_LOGGER);
  assert.equal(fixes[0]!.preferred, false);
});

test('source.fixAll is offered only on request and applies every preferred fix', () => {
  const text = 'apiVersion: extensions/v1beta1\nkind: DaemonSet\nmetadata: {name: d}\n';
  const analysis = new ParsedFile(text);
  assert.deepEqual(
    codeActionsFor(analysis, { start: 0, end: 0, diagnostics: [] }, DEFAULT_SETTINGS, THROWING_LOGGER).filter(
      (action) => action.kind === 'source.fixAll',
    ),
    [],
  );
  const [fixAll] = codeActionsFor(
    analysis,
    { start: 0, end: 0, diagnostics: [], only: ['source.fixAll'] },
    DEFAULT_SETTINGS,
    THROWING_LOGGER,
  );
  assert.equal(fixAll?.kind, 'source.fixAll');
  assert.equal(applyEdits(text, fixAll!.edits).split('\n')[0], 'apiVersion: apps/v1');
});

/** Fixes for the findings the rules really report on the pod fixtures, each applied alone. */
for (const fixture of ['pod-two-spaces.yaml', 'pod-four-spaces.yaml']) {
  test(`fixes for the real findings of ${fixture}`, () => {
    const before = readFixture('fixes', fixture);
    const analysis = new ParsedFile(before);
    const findings = analysis.findings(DEFAULT_SETTINGS);
    const codes = findings.map((finding) => finding.code).sort();
    assert.deepEqual(codes, [
      'init-container-ports',
      'probe-port-not-declared',
      'unresolved-localhost-port',
      'unused-volume',
    ]);
    for (const finding of findings) {
      const fixes = fixesFor(
        analysis,
        { code: finding.code, start: finding.range.start, end: finding.range.end, data: finding.data },
        DEFAULT_SETTINGS,
        THROWING_LOGGER,
      );
      const chosen = fixes.find((fix) => !fix.title.startsWith('Disable '));
      assert.ok(chosen, `${finding.code} has a fix`);
      const after = applyEdits(before, chosen.edits);
      assertGolden(after, 'fixes', 'expected', `${fixture.replace(/\.yaml$/, '')}.${finding.code}.yaml`);
      assert.deepEqual(syntaxErrors(after), []);
      assert.deepEqual(newProblems(before, after), [], `${finding.code}: no new error or warning`);
      const remaining = new ParsedFile(after).findings(DEFAULT_SETTINGS).filter((other) => other.code === finding.code);
      assert.equal(remaining.length, 0, `${chosen.title} resolves ${finding.code}`);
    }
  });
}

test('a memory-backed emptyDir gets a size limit', () => {
  const text = [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: p',
    'spec:',
    '  containers:',
    '  - name: a',
    '    image: nginx:1.27',
    '    volumeMounts:',
    '    - name: tmp',
    '      mountPath: /tmp',
    '  volumes:',
    '  - name: tmp',
    '    emptyDir:',
    '      medium: Memory',
    '',
  ].join('\n');
  const at = text.indexOf('Memory');
  const fixes = fixesFor(
    new ParsedFile(text),
    { code: 'memory-volume-without-limit', start: at, end: at + 6, data: { volume: 'tmp', containers: ['a'] } },
    DEFAULT_SETTINGS,
    THROWING_LOGGER,
  );
  assert.equal(
    applyEdits(text, fixes[0]!.edits),
    text.replace('      medium: Memory\n', '      medium: Memory\n      sizeLimit: 64Mi\n'),
  );
});

test('missing-resources completes partial resources without breaking the nesting', () => {
  const text =
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n    image: nginx:1.27\n    resources:\n      limits:\n        cpu: "1"\n    ports:\n    - containerPort: 80\n';
  const fix = realFix(text, 'missing-resources', /Add resource/);
  const after = applyEdits(text, fix.edits);
  assert.equal(
    after,
    text.replace(
      '        cpu: "1"\n',
      '        cpu: "1"\n        memory: 256Mi\n      requests:\n        memory: 128Mi\n',
    ),
  );
  assert.equal(
    new ParsedFile(after).findings(DEFAULT_SETTINGS).filter((candidate) => candidate.code === 'missing-resources')
      .length,
    0,
  );
});

test('sidecar-start-order: the helper the main container needs moves to a native sidecar', () => {
  // The proxy beside the app, as Add Ambassador inserts it where there are no native sidecars (1.28).
  const written = readFixture('insert', 'pod-kubectl-style.yaml');
  const beside = insertPattern(
    new ParsedFile(written).pods[0]!,
    { kind: 'ambassador', template: 'cloud-sql-proxy' },
    resolveSettings({ kubernetesVersion: '1.28' }),
  );
  assert.ok(beside.ok);
  const before = applyEdits(written, beside.edits);
  const analysis = new ParsedFile(before);
  const finding = analysis.findings(DEFAULT_SETTINGS).find((candidate) => candidate.code === 'sidecar-start-order')!;
  assert.ok(finding, 'the rule reports the proxy the main container reaches');
  const fixes = fixesFor(
    analysis,
    { code: finding.code, start: finding.range.start, end: finding.range.end, data: finding.data },
    DEFAULT_SETTINGS,
    THROWING_LOGGER,
  );
  const move = fixes.find((fix) => /native sidecar/.test(fix.title))!;
  assert.match(move.title, /^Move "cloud-sql-proxy" to initContainers/);
  assert.equal(move.preferred, false);
  const after = applyEdits(before, move.edits);
  assertGolden(after, 'fixes', 'expected', 'sidecar-start-order.move.yaml');
  assert.deepEqual(newProblems(before, after), []);
  assert.equal(
    new ParsedFile(after).findings(DEFAULT_SETTINGS).filter((candidate) => candidate.code === 'sidecar-start-order')
      .length,
    0,
  );
});

test('the finding data the fix cases use is what the rules really report', () => {
  for (const fixture of FIXTURES) {
    const text = readFixture('fixes', fixture);
    const findings = new ParsedFile(text).findings(FIXTURE_SETTINGS);
    for (const fixCase of CASES) {
      const target = targetIn(text, fixCase);
      const real = findings.find(
        (finding) =>
          finding.code === fixCase.code && finding.range.start === target.start && finding.range.end === target.end,
      );
      assert.ok(real, `${fixture}: the rules report ${fixCase.code} at "${fixCase.needle}"`);
      for (const [key, value] of Object.entries(fixCase.data)) {
        assert.deepEqual(real.data?.[key], value, `${fixture}: ${fixCase.code} data.${key}`);
      }
    }
  }
});

test('missing-resources never adds a memory limit below the memory request', () => {
  const text =
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: db\n    image: mysql:8.4\n    resources:\n      requests:\n        cpu: 500m\n        memory: 1Gi\n';
  const fix = realFix(text, 'missing-resources', /Add resource/);
  const after = applyEdits(text, fix.edits);
  assert.equal(after, `${text}      limits:\n        memory: 1Gi\n`);
  assert.deepEqual(newProblems(text, after), []);
});

/** The fix titled like `title` for the first real finding of `code` in `text`. */
function realFix(text: string, code: string, title: RegExp) {
  const analysis = new ParsedFile(text);
  const finding = analysis.findings(DEFAULT_SETTINGS).find((candidate) => candidate.code === code);
  assert.ok(finding, `the rules report ${code}`);
  const fix = fixesFor(
    analysis,
    { code: finding.code, start: finding.range.start, end: finding.range.end, data: finding.data },
    DEFAULT_SETTINGS,
    THROWING_LOGGER,
  ).find((candidate) => title.test(candidate.title));
  assert.ok(fix, `a fix titled ${title}`);
  return fix;
}

test('"fix all of this kind" applies the preferred fix of every such finding in the file', () => {
  const pod = (name: string) =>
    `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n  - name: a\n    image: k8s.gcr.io/pause:3.9\n    resources:\n      requests: {cpu: 10m, memory: 16Mi}\n      limits: {memory: 32Mi}\n`;
  const text = `${pod('one')}---\n${pod('two')}`;
  const analysis = new ParsedFile(text);
  const finding = analysis.findings(DEFAULT_SETTINGS).find((candidate) => candidate.code === 'deprecated-registry')!;
  const target = {
    code: finding.code,
    start: finding.range.start,
    end: finding.range.end,
    data: finding.data,
    source: 'pod-patterns',
  };
  const actions = codeActionsFor(
    analysis,
    { start: target.start, end: target.start, diagnostics: [target], only: ['quickfix'] },
    DEFAULT_SETTINGS,
    THROWING_LOGGER,
  );
  const all = actions.find((action) => action.title === 'Fix all deprecated-registry findings in the file (2)');
  assert.ok(all, actions.map((action) => action.title).join(' | '));
  assert.equal(applyEdits(text, all.edits), text.split('k8s.gcr.io/pause').join('registry.k8s.io/pause'));
});

test('latest-image-tag: pin a repository the product knows to its pinned version', () => {
  const text =
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: web\n    image: "nginx:latest"\n    resources:\n      requests: {cpu: 10m, memory: 16Mi}\n      limits: {memory: 32Mi}\n  - name: sh\n    image: docker.io/library/busybox\n    resources:\n      requests: {cpu: 10m, memory: 16Mi}\n      limits: {memory: 32Mi}\n  - name: other\n    image: example/unknown\n    resources:\n      requests: {cpu: 10m, memory: 16Mi}\n      limits: {memory: 32Mi}\n';
  const analysis = new ParsedFile(text);
  // One finding per image: the strict preset (the recommended one groups them per pod).
  const strict = resolveSettings({ preset: 'strict' });
  const titles = analysis
    .findings(strict)
    .filter((finding) => finding.code === 'latest-image-tag')
    .map((finding) =>
      fixesFor(
        analysis,
        { code: finding.code, start: finding.range.start, end: finding.range.end, data: finding.data },
        strict,
        THROWING_LOGGER,
      ).map((fix) => fix.title),
    );
  assert.deepEqual(titles, [
    ['Pin to nginx:1.27', 'Disable latest-image-tag for this line'],
    ['Pin to busybox:1.36', 'Disable latest-image-tag for this line'],
    ['Disable latest-image-tag for this line'],
  ]);
  const fix = realFix(text, 'latest-image-tag', /^Pin to/);
  assert.equal(applyEdits(text, fix.edits), text.replace('"nginx:latest"', '"nginx:1.27"'));
});

test('helper-breaks-guaranteed-qos: the helper requests exactly its limits', () => {
  const text = [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: p',
    'spec:',
    '  initContainers:',
    '  - name: setup',
    '    image: busybox:1.36',
    '    resources:',
    '      requests:',
    '        cpu: 10m',
    '        memory: 16Mi',
    '      limits:',
    '        memory: 32Mi',
    '  containers:',
    '  - name: app',
    '    image: nginx:1.27',
    '    resources:',
    '      requests:',
    '        cpu: 500m',
    '        memory: 256Mi',
    '      limits:',
    '        cpu: 500m',
    '        memory: 256Mi',
    '',
  ].join('\n');
  const fix = realFix(text, 'helper-breaks-guaranteed-qos', /^Request exactly the limits/);
  const after = applyEdits(text, fix.edits);
  assert.equal(
    after,
    text.replace(
      '        memory: 16Mi\n      limits:\n        memory: 32Mi\n',
      '        memory: 32Mi\n      limits:\n        memory: 32Mi\n        cpu: 10m\n',
    ),
  );
  assert.deepEqual(newProblems(text, after), []);
  assert.equal(
    new ParsedFile(after)
      .findings(DEFAULT_SETTINGS)
      .filter((finding) => finding.code === 'helper-breaks-guaranteed-qos').length,
    0,
  );
});

test('a fixer that throws offers nothing, and the injected logger hears about it', () => {
  const text = readFixture('fixes', 'job-two-spaces.yaml');
  const fixCase = CASES.find((candidate) => candidate.code === 'git-sync-v3-config')!;
  const target = targetIn(text, fixCase);
  // Data crosses the editor and back; a fixer tripping on it must not take the menu down silently.
  const hostile = {
    ...target,
    data: {
      get renames(): never {
        throw new Error('unreadable data');
      },
    },
  };
  const reported: string[] = [];
  const fixes = fixesFor(new ParsedFile(text), hostile, DEFAULT_SETTINGS, {
    info() {},
    error: (message, error) => reported.push(`${message}: ${String(error)}`),
  });
  assert.deepEqual(
    fixes.map((fix) => fix.title),
    ['Disable git-sync-v3-config for this line'],
    'the other fixers still offer theirs',
  );
  assert.equal(reported.length, 1);
  assert.match(reported[0]!, /git-sync-v3-config finding: Error: unreadable data/);
  assert.throws(() => fixesFor(new ParsedFile(text), hostile, DEFAULT_SETTINGS, THROWING_LOGGER), /unreadable data/);
});

/** The fixes a rule offers (its own, not the suppression comment) for its first finding in `text`. */
function ruleFixes(text: string, code: string) {
  const analysis = new ParsedFile(text);
  const finding = analysis.findings(DEFAULT_SETTINGS).find((candidate) => candidate.code === code)!;
  return fixesFor(
    analysis,
    { code, start: finding.range.start, end: finding.range.end, data: finding.data },
    DEFAULT_SETTINGS,
    THROWING_LOGGER,
  ).filter((fix) => !fix.title.startsWith('Disable '));
}

test('template-restart-policy: a Job without restartPolicy is offered both values, inserted in the template spec, neither applied unasked', () => {
  const text =
    'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: migrate\nspec:\n  template:\n    spec:\n      containers:\n      - name: migrate\n        image: flyway/flyway:10\n';
  const fixes = ruleFixes(text, 'template-restart-policy');
  assert.deepEqual(
    fixes.map((fix) => [fix.title, fix.preferred]),
    [
      ['Set restartPolicy: OnFailure', false],
      ['Set restartPolicy: Never', false],
    ],
  );
  const fixed = applyEdits(text, fixes[1]!.edits);
  assert.equal(
    fixed,
    text.replace('image: flyway/flyway:10\n', 'image: flyway/flyway:10\n      restartPolicy: Never\n'),
  );
  assert.deepEqual(
    new ParsedFile(fixed).findings(DEFAULT_SETTINGS).filter((finding) => finding.code === 'template-restart-policy'),
    [],
  );
});

test('ephemeral-containers: deleting the list is offered, not applied unasked', () => {
  const text =
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n  ephemeralContainers:\n  - name: debugger\n    image: busybox:1.36\n';
  const fixes = ruleFixes(text, 'ephemeral-containers');
  assert.deepEqual(
    fixes.map((fix) => fix.preferred ?? false),
    [false],
  );
  assert.equal(
    applyEdits(text, fixes[0]!.edits),
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n',
  );
});

test('selector-mismatch: the selector labels the template lacks are added to it, offered only when that makes them match', () => {
  const text =
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:\n      app: web\n      tier: frontend\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n      - name: web\n        image: nginx:1.27\n';
  const fixes = ruleFixes(text, 'selector-mismatch');
  assert.deepEqual(
    fixes.map((fix) => [fix.title, fix.preferred ?? false]),
    [["Add tier: frontend to the pod template's labels", false]],
  );
  const fixed = applyEdits(text, fixes[0]!.edits);
  assert.equal(fixed, text.replace('        app: web\n', '        app: web\n        tier: frontend\n'));
  assert.deepEqual(
    new ParsedFile(fixed).findings(DEFAULT_SETTINGS).filter((finding) => finding.code === 'selector-mismatch'),
    [],
  );
  // A label the template sets to another value is not rewritten: other selectors may rely on it.
  assert.deepEqual(ruleFixes(text.replace('        app: web\n', '        app: api\n'), 'selector-mismatch'), []);
});

test('missing-resources: beside pod-level resources the fix adds only what the pod does not settle', () => {
  const text =
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  resources:\n    requests: {cpu: "1", memory: 1Gi}\n  containers:\n  - name: app\n    image: example.com/app:1.0.0\n';
  const analysis = new ParsedFile(text);
  const strict = resolveSettings({ preset: 'strict' });
  const finding = analysis.findings(strict).find((candidate) => candidate.code === 'missing-resources')!;
  assert.equal(
    finding.message,
    'Container "app" sets no memory limit: nothing bounds its memory. The pod-level resources cover the rest.',
  );
  const [fix] = fixesFor(
    analysis,
    { code: finding.code, start: finding.range.start, end: finding.range.end, data: finding.data },
    strict,
    THROWING_LOGGER,
  );
  assert.ok(fix);
  assert.equal(applyEdits(text, fix.edits), `${text}    resources:\n      limits:\n        memory: 256Mi\n`);
});
