import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toServiceSettings } from '../../../server/src/lsp/settingsCache';
import { checkKubernetesVersion } from '../../../server/src/service';
import { cli } from '../../support/cli';
import { lintText } from '../../support/text';

const pod =
  'apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers:\n  - {name: web, image: nginx:1.27}\n';

test('a target version is 1.MINOR, up to three minors past the data', () => {
  assert.deepEqual(checkKubernetesVersion('1.30'), { version: '1.30' });
  assert.deepEqual(checkKubernetesVersion('v1.30.2'), { version: '1.30' });
  assert.deepEqual(checkKubernetesVersion('1.40'), { version: '1.40' });
  for (const bad of ['2.0', '1.x', '1.99', '1.41', 'latest', ''])
    assert.ok('problem' in checkKubernetesVersion(bad), bad);
});

test('the CLI refuses a version that is not a Kubernetes version, with exit code 2', () => {
  for (const [flag, words] of [
    ['2.0', /"2\.0" is not a Kubernetes version: every Kubernetes release is 1\.MINOR/],
    ['1.x', /"1\.x" is not a Kubernetes version: write 1\.MINOR, for example 1\.37/],
    ['1.99', /"1\.99" is not a Kubernetes release: the bundled API data ends at 1\.37/],
  ] as const) {
    const result = cli(['lint', '--kubernetes-version', flag, '-'], pod);
    assert.equal(result.code, 2, flag);
    assert.match(result.stderr, words);
  }
  assert.equal(
    cli(['lint', '--kubernetes-version', '1.38', '-'], pod).code,
    0,
    'a release newer than the data is fine (a notice only)',
  );
});

test('the editor setting: a bad version is checked against the newest, with a warning on the file', () => {
  const settings = toServiceSettings({ kubernetesVersion: '2.0' });
  assert.equal(settings.kubernetesVersion, '1.37');
  const notices = lintText(pod, settings).filter((finding) => finding.code === 'target-version');
  assert.equal(notices.length, 1);
  assert.equal(notices[0]!.severity, 'warning');
  assert.equal(notices[0]!.text, 'kind');
  assert.match(
    notices[0]!.message,
    /^The target Kubernetes version "2\.0" is not a Kubernetes version.*Checking against 1\.37/,
  );
  assert.equal(toServiceSettings({}).kubernetesVersion, '1.37', 'no setting: the newest, silently');
  assert.deepEqual(
    lintText(pod, toServiceSettings({})).filter((finding) => finding.code === 'target-version'),
    [],
  );
});

test('end-of-life and newer-than-data targets get one notice per file', () => {
  const twoPods = `${pod}---\n${pod}`;
  const notices = (version: string) =>
    lintText(twoPods, { kubernetesVersion: version, today: '2026-12-06' }).filter(
      (finding) => finding.code === 'target-version',
    );
  assert.match(
    notices('1.34')[0]!.message,
    /^Kubernetes 1\.34 reached its end of life on 2026-10-27 and gets no more fixes\. Supported releases: 1\.35–1\.37\.$/,
  );
  assert.equal(notices('1.34').length, 1);
  assert.equal(notices('1.34')[0]!.severity, 'information');
  assert.deepEqual(notices('1.35'), []);
  // The same target before its end of life: no notice.
  assert.deepEqual(
    lintText(pod, { kubernetesVersion: '1.34', today: '2026-10-01' }).filter(
      (finding) => finding.code === 'target-version',
    ),
    [],
  );
  assert.match(notices('1.38')[0]!.message, /^Kubernetes 1\.38 is newer than the bundled API data \(1\.37\)/);
  assert.match(notices('1.24')[0]!.message, /older than the bundled API data \(1\.27–1\.37\)/);
});
