import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { FileAnalysis, lintText, resolveSettings, type ServiceSettings } from '../../../server/src/service';
import { SHARED_DIR } from '../../support/shared';

const REPO_ROOT = path.resolve(__dirname, '../../../..');

function yamlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return yamlFiles(full);
    return /\.ya?ml$/.test(name) ? [full] : [];
  });
}

const SETTINGS: readonly ServiceSettings[] = [
  resolveSettings({}),
  resolveSettings({ kubernetesVersion: '1.28', rules: { 'missing-resources': 'off', 'latest-image-tag': 'error' } }),
  resolveSettings({ schemaValidation: false }),
  resolveSettings({ validate: false }),
];

/** The one-pass CLI path must report exactly what the editor's analysis of the same text reports. */
function assertSameAsFileAnalysis(text: string, where: string): void {
  for (const settings of SETTINGS) {
    const analysis = new FileAnalysis(text);
    const once = lintText(text, settings);
    assert.deepEqual(once.findings, analysis.findings(settings), `${where} (${JSON.stringify(settings)})`);
    assert.equal(once.podCount, analysis.pods.length, where);
  }
}

const pod = (name: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n    - name: app\n      image: nginx\n`;
const oldIngress = 'apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata:\n  name: web\n';

describe('lintText (one pass, documents dropped as they are done)', () => {
  it('reports objects beside the pods that come before the first pod, in file order', () => {
    const text = [oldIngress, oldIngress, pod('a'), oldIngress, pod('b')].join('---\n');
    const { findings, podCount } = lintText(text, resolveSettings({}));
    assert.equal(podCount, 2);
    const identity = findings.filter((finding) => finding.message.includes('no matches for kind "Ingress"'));
    assert.deepEqual(identity.map((finding) => finding.documentIndex), [0, 1, 3]);
    assert.ok(findings.every((finding, i) => i === 0 || findings[i - 1]!.documentIndex <= finding.documentIndex), 'findings in file order');
    assertSameAsFileAnalysis(text, 'objects before the first pod');
  });

  it('reports nothing for a file whose objects are not pods', () => {
    assert.deepEqual(lintText([oldIngress, oldIngress].join('---\n'), resolveSettings({})), { findings: [], podCount: 0 });
  });

  it('gives one hint for templates, wherever they are', () => {
    const template = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Values.name }}\n';
    const text = [oldIngress, template, pod('a'), template].join('---\n');
    const hints = lintText(text, resolveSettings({})).findings.filter((finding) => finding.code === 'template-skipped');
    assert.equal(hints.length, 1);
    assertSameAsFileAnalysis(text, 'templates');
  });

  it('matches FileAnalysis on every fixture and example of the repository', () => {
    const files = [...yamlFiles(path.join(REPO_ROOT, 'test', 'fixtures')), ...yamlFiles(path.join(REPO_ROOT, 'examples'))];
    assert.ok(files.length > 50, `found only ${files.length} fixture files`);
    for (const file of files) assertSameAsFileAnalysis(readFileSync(file, 'utf8'), path.relative(REPO_ROOT, file));
  });

  it('matches FileAnalysis on the shared seed pods and corpus', (context) => {
    const files = [...yamlFiles(path.join(SHARED_DIR, 'seed-pods')), ...yamlFiles(path.join(SHARED_DIR, 'corpus'))];
    if (files.length === 0) {
      console.log(`NOTE: no seed pods or corpus under ${SHARED_DIR} (set POD_PATTERNS_SHARED): only the repository's files were compared.`);
      context.skip(`no shared manifests under ${SHARED_DIR}`);
      return;
    }
    for (const file of files) assertSameAsFileAnalysis(readFileSync(file, 'utf8'), path.relative(SHARED_DIR, file));
  });
});
