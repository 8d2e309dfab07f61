import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { DEFAULT_SETTINGS, ParsedFile } from '../../../server/src/service';
import { analyzePod } from '../../../server/src/service/analysis/analyzePod';

/** The expectations format shared by the seed pods' expected.json and our examples'. */
export interface PodExpectations {
  readonly roles?: Record<string, string>;
  /** The helper pattern a native sidecar plays. */
  readonly patterns?: Record<string, string>;
  /** Container → texts that must each appear in one of its reasons, in this order. */
  readonly reasons?: Record<string, string[]>;
  readonly sharedVolumes?: Record<string, string[]>;
  readonly localhostLinks?: { from: string; to: string | null; port: number }[];
  readonly findings?: { rule: string; container?: string }[];
  readonly absent?: string[];
}

/** One test per pod file: roles, sharing, links and findings as the expectations say. */
export function testPodExpectations(label: string, dir: string, pods: Record<string, PodExpectations>): void {
  for (const [file, expected] of Object.entries(pods)) {
    test(`${label}: ${file}`, () => {
      const analysis = new ParsedFile(readFileSync(path.join(dir, file), 'utf8'));
      const [located] = analysis.pods;
      assert.ok(located, `${file} holds a pod`);
      const pod = analyzePod(located.pod);

      const roles = Object.fromEntries(pod.roles.map((entry) => [entry.container.name, entry.role]));
      for (const [name, role] of Object.entries(expected.roles ?? {}))
        assert.equal(roles[name], role, `role of ${name}`);
      for (const [name, pattern] of Object.entries(expected.patterns ?? {}))
        assert.equal(pod.roles.find((entry) => entry.container.name === name)?.pattern, pattern, `pattern of ${name}`);
      for (const [name, texts] of Object.entries(expected.reasons ?? {})) {
        const reasons = pod.roles.find((entry) => entry.container.name === name)?.reasons ?? [];
        const positions = texts.map((text) => reasons.findIndex((reason) => reason.includes(text)));
        assert.ok(
          positions.every((at) => at >= 0),
          `reasons of ${name} ${JSON.stringify(reasons)} name ${JSON.stringify(texts)}`,
        );
        assert.deepEqual(
          positions,
          [...positions].sort((a, b) => a - b),
          `reasons of ${name} in the order ${JSON.stringify(texts)}: ${JSON.stringify(reasons)}`,
        );
      }

      for (const [volume, containers] of Object.entries(expected.sharedVolumes ?? {})) {
        const sharing = pod.volumes.find((entry) => entry.name === volume);
        assert.ok(sharing, `volume ${volume}`);
        assert.deepEqual(
          new Set(sharing.mountedBy.map((use) => use.container.name)),
          new Set(containers),
          `containers mounting ${volume}`,
        );
      }

      const links = pod.links.map((link) => ({ from: link.from.name, to: link.to?.name ?? null, port: link.port }));
      for (const link of expected.localhostLinks ?? [])
        assert.ok(
          links.some((entry) => JSON.stringify(entry) === JSON.stringify(link)),
          `link ${JSON.stringify(link)} in ${JSON.stringify(links)}`,
        );

      const findings = analysis.findings(DEFAULT_SETTINGS);
      const containerAt = (offset: number) =>
        located.pod.containers.find(
          (container) =>
            offset >= located.document.offset + container.node.range.start &&
            offset < located.document.offset + container.node.range.end,
        )?.name;
      for (const want of expected.findings ?? []) {
        // A finding grouped once per pod (hygiene rules under the recommended preset) points at each container it covers.
        const places = (finding: (typeof findings)[number]) => [
          finding.range.start,
          ...(finding.related ?? []).map((related) => related.range.start),
        ];
        const hits = findings.filter(
          (finding) =>
            finding.code === want.rule &&
            (want.container === undefined || places(finding).some((at) => containerAt(at) === want.container)),
        );
        assert.ok(
          hits.length > 0,
          `${want.rule} on ${want.container ?? 'the pod'}; got ${findings.map((finding) => `${finding.code}@${containerAt(finding.range.start)}`).join(', ')}`,
        );
      }
      for (const rule of expected.absent ?? [])
        assert.deepEqual(
          findings.filter((finding) => finding.code === rule).map((finding) => finding.message),
          [],
          `${rule} must not fire`,
        );
      assert.deepEqual(
        findings
          .filter((finding) => finding.severity === 'error')
          .map((finding) => `${finding.code}: ${finding.message}`),
        [],
        'no error',
      );
    });
  }
}
