import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toServiceSettings } from '../../../server/src/lsp/settingsCache';
import { DEFAULT_SETTINGS, ParsedFile, resolveSettings } from '../../../server/src/service';
import { settingsKey } from '../../../server/src/service/settings';
import { cli } from '../../support/cli';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: shop
spec:
  containers:
  - name: web
    image: nginx
    ports:
    - containerPort: 80
  - name: worker
    image: example.com/worker:latest
    ports:
    - containerPort: 80
`;

const summary = (settings = DEFAULT_SETTINGS) =>
  new ParsedFile(POD).findings(settings).map((finding) => `${finding.code}:${finding.severity}`);

test('recommended (the default) reports hygiene rules as information once per pod; pattern and API findings keep their levels', () => {
  assert.equal(DEFAULT_SETTINGS.preset, 'recommended');
  assert.deepEqual(
    summary().sort(),
    ['duplicate-container-port:warning', 'latest-image-tag:information', 'missing-resources:information'].sort(),
  );
  const grouped = new ParsedFile(POD)
    .findings(DEFAULT_SETTINGS)
    .find((finding) => finding.code === 'missing-resources')!;
  assert.equal(grouped.related?.length, 2);
  assert.match(
    grouped.message,
    /^2 containers of this pod leave resources unset: "web" \(no CPU request, no memory request and no memory limit\), "worker" \(/,
  );
});

test('strict reports every rule at its own level, once per container', () => {
  assert.deepEqual(summary(resolveSettings({ preset: 'strict' })).sort(), [
    'duplicate-container-port:warning',
    'latest-image-tag:warning',
    'latest-image-tag:warning',
    'missing-resources:warning',
    'missing-resources:warning',
  ]);
});

test('a rule level set by the user wins over the preset', () => {
  const settings = resolveSettings({ rules: { 'missing-resources': 'warning', 'latest-image-tag': 'off' } });
  assert.deepEqual(summary(settings).sort(), ['duplicate-container-port:warning', 'missing-resources:warning']);
});

test('the preset comes from the editor setting and the CLI flag, and is part of the cache key', () => {
  assert.equal(toServiceSettings({ preset: 'strict' }).preset, 'strict');
  assert.equal(toServiceSettings({ preset: 'loose' }).preset, 'recommended');
  assert.equal(resolveSettings({ preset: 'nonsense' as never }).preset, 'recommended');
  assert.notEqual(settingsKey(resolveSettings({ preset: 'strict' })), settingsKey(DEFAULT_SETTINGS));

  const strict = cli(['lint', '--preset', 'strict', '-'], POD);
  const recommended = cli(['lint', '-'], POD);
  assert.match(strict.stdout, /5 problems \(0 errors, 5 warnings, 0 info\)/);
  assert.match(recommended.stdout, /3 problems \(0 errors, 1 warning, 2 info\)/);
  const bad = cli(['lint', '--preset', 'all', '-'], POD);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--preset must be recommended or strict, not "all"/);
});
