import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../../../server/src/cli/run';
import { FIXTURES, readFixture } from './support';

function run(argv: string[], stdin = '') {
  let stdout = '';
  let stderr = '';
  const code = runCli(argv, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    readStdin: () => stdin,
  });
  return { code, stdout, stderr };
}

describe('pod-patterns topology', () => {
  it('prints the graph as JSON: nodes with id, kind, role, label and range; edges with from, to and kind', () => {
    const { code, stdout } = run(['topology', '--format', 'json', path.join(FIXTURES, '01-init-git-sync.yaml')]);
    assert.equal(code, 0);
    const graph = JSON.parse(stdout);
    const web = graph.nodes.find((node: { label: string }) => node.label === 'web');
    assert.equal(web.kind, 'container');
    assert.equal(web.role, 'main');
    assert.deepEqual(web.range.startPosition, { line: 26, character: 4 });
    assert.ok(
      graph.edges.some(
        (edge: { from: string; to: string; kind: string }) => edge.from === web.id && edge.kind === 'mount',
      ),
    );
  });

  it('writes an SVG in the theme asked for, to a file when --output is given', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pp-topology-'));
    try {
      const output = path.join(dir, 'pod.svg');
      const { code, stdout } = run([
        'topology',
        '--theme',
        'dark',
        '--output',
        output,
        path.join(FIXTURES, '04-sidecar-log-writer.yaml'),
      ]);
      assert.equal(code, 0);
      assert.equal(stdout, '');
      const svg = readFileSync(output, 'utf8');
      assert.match(svg, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
      assert.match(svg, /--pp-bg: #1e1e1e;/);
      assert.ok(svg.includes('>sidecar-container<'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads standard input and picks a pod with --pod', () => {
    const text = `${readFixture('03-init-wait-for-service.yaml')}---\n${readFixture('08-adapter-prometheus-exporter.yaml')}`;
    const second = JSON.parse(run(['topology', '--format=json', '--pod', '2', '-'], text).stdout);
    assert.equal(second.pod.name, 'web');
    const missing = run(['topology', '--pod', '3', '-'], text);
    assert.equal(missing.code, 2);
    assert.match(
      missing.stderr,
      /holds 2 pods, not 3:\n {2}1\. Pod ps-init \(document 1\)\n {2}2\. Pod web \(document 2\)/,
    );
  });

  it('lays the picture out for --width and --height as the preview does for its panel', () => {
    const file = path.join(FIXTURES, 'six-containers.yaml');
    const size = (svg: string) => {
      const match = /<svg[^>]* width="(\d+)" height="(\d+)"/.exec(svg)!;
      return { width: Number(match[1]), height: Number(match[2]) };
    };
    const wrapped = size(run(['topology', '--width', '650', file]).stdout);
    const compact = size(run(['topology', '--width', '650', '--height', '640', file]).stdout);
    assert.ok(wrapped.width <= 650 && wrapped.height > 640, JSON.stringify(wrapped));
    assert.ok(compact.width <= 650 && compact.height <= 640, JSON.stringify(compact));
    const refused = run(['topology', '--height', 'tall', file]);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /--height takes a number of pixels from 100, not "tall"/);
  });

  it('says so when the file holds no pod, and rejects bad options', () => {
    const none = run(['topology', '-'], 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n');
    assert.equal(none.code, 1);
    assert.match(none.stderr, /holds no pod-bearing object/);
    assert.equal(run(['topology', '--format', 'png', '-']).code, 2);
    assert.equal(run(['topology', '--theme', 'blue', '-']).code, 2);
    assert.equal(run(['topology', '--pod', '0', '-']).code, 2);
    assert.equal(run(['topology']).code, 2);
    assert.equal(run(['topology', 'a.yaml', 'b.yaml']).code, 2);
    const unreadable = run(['topology', path.join(FIXTURES, 'no-such-file.yaml')]);
    assert.equal(unreadable.code, 2);
    assert.match(unreadable.stderr, /no such file or directory/);
  });

  it("refuses broken YAML with the syntax error, without crashing or drawing the parser's guess", () => {
    const { code, stdout, stderr } = run(
      ['topology', '--format', 'json', '-'],
      'apiVersion: v1\nkind: Pod\nmetadata: {name: x\nspec:\n  containers: [\n',
    );
    assert.equal(code, 1);
    assert.equal(stdout, '');
    assert.match(stderr, /pod 1 is not drawn: the YAML has a syntax error \(line 3: .*never closed/);
  });
});
