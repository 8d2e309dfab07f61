import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  applyEdits,
  createLanguageService,
  DEFAULT_SETTINGS,
  THROWING_LOGGER,
  type ParsedFile,
} from '../../../server/src/service';
import { fixesFor, type FixTarget } from '../../../server/src/service/actions';
import { quickFixRequestFor } from '../../support/quickFixRequest';

const service = createLanguageService({ logger: THROWING_LOGGER });

/** Every quick fix offered for every finding of the file, with the finding it fixes. */
function offeredFixes(file: ParsedFile) {
  const findings = service.findings(file, DEFAULT_SETTINGS);
  return findings.flatMap((finding) =>
    service.codeActions(file, quickFixRequestFor(finding), DEFAULT_SETTINGS).map((action) => ({ finding, action })),
  );
}

function targetOf(file: ParsedFile, code: string): FixTarget {
  const finding = service.findings(file, DEFAULT_SETTINGS).find((candidate) => candidate.code === code)!;
  return { code, start: finding.range.start, end: finding.range.end, data: finding.data };
}

/** What Fix All (and `lint --fix`) applies to the file: the safe preferred fixes of all its findings. */
function preferredFixesOfAll(file: ParsedFile) {
  const targets = service
    .findings(file, DEFAULT_SETTINGS)
    .map((f) => ({ code: f.code, start: f.range.start, end: f.range.end, data: f.data }));
  return service.preferredFixes(file, targets, DEFAULT_SETTINGS);
}

function errorCodes(text: string): string[] {
  return service
    .findings(service.parseFile(text), DEFAULT_SETTINGS)
    .filter((finding) => finding.severity === 'error')
    .map((finding) => finding.code)
    .sort();
}

const MOUNTS_MISSING_VOLUME = (volume: string) =>
  [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: web',
    'spec:',
    '  containers:',
    '    - name: web',
    '      image: nginx:1.27',
    '      volumeMounts:',
    `        - name: ${volume}`,
    '          mountPath: /data',
    '',
  ].join('\n');

describe('fixes never make a file worse', () => {
  it('keep CRLF line endings in a CRLF file, in each fix and in Fix All', () => {
    const text = MOUNTS_MISSING_VOLUME('data').replace(/\n/g, '\r\n');
    const file = service.parseFile(text);
    const fixes = offeredFixes(file).filter(({ action }) => action.edits.some((edit) => edit.newText.includes('\n')));
    assert.ok(fixes.length > 0, 'a fix that adds lines is offered');
    for (const { action } of fixes) {
      const fixed = applyEdits(text, action.edits);
      assert.doesNotMatch(fixed, /[^\r]\n/, `${action.title} adds a bare LF`);
    }
    const all = preferredFixesOfAll(file);
    assert.ok(all.count > 0);
    assert.doesNotMatch(applyEdits(text, all.edits), /[^\r]\n/);
  });

  it('offer nothing computed on the misread tree of a document with YAML errors', () => {
    const text = MOUNTS_MISSING_VOLUME('data').replace('  name: web\n', '  name: web\n  labels: {app: [web\n');
    const file = service.parseFile(text);
    const findings = service.findings(file, DEFAULT_SETTINGS);
    // The undefined volume is real, but the parser guessed the rest of the document: only the syntax error is reported.
    assert.deepEqual(
      findings.map((finding) => finding.code),
      ['yaml-syntax'],
    );
    assert.deepEqual(
      offeredFixes(file).filter(({ action }) => action.edits.length > 0),
      [],
    );
    const all = service.preferredFixes(
      file,
      findings.map((f) => ({ code: f.code, start: f.range.start, end: f.range.end, data: f.data })),
      DEFAULT_SETTINGS,
    );
    assert.equal(all.count, 0);
    assert.deepEqual(all.edits, []);
  });

  it('do not offer a fix that adds an error (declaring a volume under an invalid name)', () => {
    const text = MOUNTS_MISSING_VOLUME('Bad_Name');
    const file = service.parseFile(text);
    const titles = offeredFixes(file).map(({ action }) => action.title);
    assert.ok(titles.length > 0, 'other fixes are offered');
    assert.ok(!titles.some((title) => /Declare volume "Bad_Name"/.test(title)), titles.join('; '));
    // What the fixer plans (before the facade's check) indeed adds an invalid-name error.
    const planned = fixesFor(file, targetOf(file, 'undefined-volume'), DEFAULT_SETTINGS).find((fix) =>
      /Declare volume "Bad_Name"/.test(fix.title),
    );
    assert.ok(planned, 'the fixer plans it');
    assert.ok(errorCodes(applyEdits(text, planned.edits)).includes('invalid-name'));
    const all = preferredFixesOfAll(file);
    assert.deepEqual(
      errorCodes(applyEdits(text, all.edits)).filter((code) => code === 'invalid-name'),
      [],
    );
  });

  it('do not write into YAML that an alias repeats: renaming the anchor would rename its copy too', () => {
    const anchor = '    - &app\n      name: web\n      image: nginx:1.27\n';
    const text = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n${anchor}    - *app\n`;
    const file = service.parseFile(text);
    const renames = offeredFixes(file).filter(({ finding }) => finding.code === 'duplicate-container-name');
    assert.ok(renames.length > 0, 'the duplicate is reported with its fixes');
    for (const { action } of renames.filter(({ action }) => /Rename/.test(action.title))) {
      assert.deepEqual(action.edits, []);
      assert.match(action.disabledReason ?? '', /alias \(\*name\) or a merge key \(<<\) repeats/);
    }
    const all = preferredFixesOfAll(file);
    assert.ok(applyEdits(text, all.edits).includes(anchor), 'the anchored container is left as it was');
  });

  it('still prefer the same fix under a valid name', () => {
    const declare = offeredFixes(service.parseFile(MOUNTS_MISSING_VOLUME('data'))).find(({ action }) =>
      /Declare volume "data"/.test(action.title),
    );
    assert.equal(declare?.action.isPreferred, true);
  });
});

const asCrOnly = (lfText: string) => lfText.replace(/\n/g, '\r');

function findingCodes(file: ParsedFile): string[] {
  return service
    .findings(file, DEFAULT_SETTINGS)
    .map((finding) => finding.code)
    .sort();
}

/**
 * Files whose lines end in a lone `\r` (old Mac style, which YAML and the API server read as
 * line breaks) get the suppression comments, completion and quick fixes LF files get, and
 * every edit keeps their line ends.
 */
describe('files with CR-only line ends', () => {
  it('honour a suppression comment on the line before the finding, as the LF file does', () => {
    const lfText = MOUNTS_MISSING_VOLUME('data');
    const unsuppressed = findingCodes(service.parseFile(asCrOnly(lfText)));
    assert.ok(unsuppressed.includes('undefined-volume'), 'the mount of an undeclared volume is reported');

    const withComment = MOUNTS_MISSING_VOLUME('data').split('\n');
    withComment.splice(9, 0, '        # pod-patterns-disable-next-line undefined-volume');
    const lfSuppressed = findingCodes(service.parseFile(withComment.join('\n')));
    const crSuppressed = findingCodes(service.parseFile(asCrOnly(withComment.join('\n'))));
    assert.ok(!crSuppressed.includes('undefined-volume'), 'the comment silences the finding');
    assert.deepEqual(crSuppressed, lfSuppressed);
  });

  it('complete a key typed on its own line with the keys the LF file gets', () => {
    const lines = MOUNTS_MISSING_VOLUME('data').split('\n');
    lines.splice(8, 0, '      imagePull');
    const lfText = lines.join('\n');
    const offset = lfText.indexOf('imagePull') + 'imagePull'.length;
    const labels = (text: string) =>
      service
        .completions(service.parseFile(text), offset)
        .map((item) => item.label)
        .sort();
    const lfLabels = labels(lfText);
    assert.ok(lfLabels.includes('imagePullPolicy'), 'a container key is offered in the LF file');
    assert.deepEqual(labels(asCrOnly(lfText)), lfLabels);
  });

  it('apply the quick fix that declares a volume with CR line ends, giving the LF result in CR', () => {
    const lfText = MOUNTS_MISSING_VOLUME('data');
    const crText = asCrOnly(lfText);
    const fixed = (text: string) => {
      const file = service.parseFile(text);
      const finding = service
        .findings(file, DEFAULT_SETTINGS)
        .find((candidate) => candidate.code === 'undefined-volume');
      assert.ok(finding, 'the undeclared volume is reported');
      const actions = service.codeActions(file, quickFixRequestFor(finding), DEFAULT_SETTINGS);
      const declare = actions.find((action) => /declare/i.test(action.title));
      assert.ok(declare, `a fix declares the volume (offered: ${actions.map((action) => action.title).join('; ')})`);
      return applyEdits(text, declare.edits);
    };
    const lfFixed = fixed(lfText);
    assert.ok(lfFixed.includes('\n  volumes:\n'), 'a volumes list is added to the pod spec');
    const crFixed = fixed(crText);
    assert.ok(!crFixed.includes('\n'), 'no LF is inserted into a CR-only file');
    assert.equal(crFixed, asCrOnly(lfFixed));
    assert.ok(!findingCodes(service.parseFile(crFixed)).includes('undefined-volume'));
  });
});
