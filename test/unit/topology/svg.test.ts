import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  escapeXmlText,
  layoutTopology,
  renderTopologyScene,
  sceneToSvgString,
  type SvgElement,
} from '../../../server/src/service/topology';
import { busyGraph, graphOf, readFixture } from './support';

const ALLOWED_TAGS = new Set(['svg', 'title', 'style', 'defs', 'marker', 'path', 'rect', 'g', 'text', 'circle']);

function unescape(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Every text child of a scene, in order. */
function texts(element: SvgElement): string[] {
  return element.children.flatMap((child) => (typeof child === 'string' ? [child] : texts(child)));
}

describe('topology SVG', () => {
  const hostile = graphOf(readFixture('hostile-names.yaml'));
  const svg = sceneToSvgString(renderTopologyScene(hostile), 'light');

  it('writes hostile names as escaped text only: no element or attribute comes from them', () => {
    const tags = new Set([...svg.matchAll(/<([A-Za-z][\w:-]*)/g)].map((match) => match[1]!));
    assert.deepEqual(
      [...tags].filter((tag) => !ALLOWED_TAGS.has(tag)),
      [],
    );
    for (const match of svg.matchAll(/\s([\w:-]+)="([^"]*)"/g)) {
      const [, name, value] = match;
      assert.ok(!/^on/i.test(name!), `event handler attribute ${name}`);
      assert.ok(!/javascript:/i.test(value!) || name === 'aria-label', `script URL in ${name}`);
      assert.ok(!value!.includes('<'), `raw < in ${name}`);
    }
    assert.ok(!svg.includes('<script'));
    assert.ok(!svg.includes('<img'));
    assert.ok(!svg.includes('<iframe'));
  });

  it('keeps hostile names verbatim once the XML is read back', () => {
    const container = hostile.nodes.find((node) => node.kind === 'container')!;
    const titles = [...svg.matchAll(/<title>([^<]*)<\/title>/g)].map((match) => unescape(match[1]!));
    assert.ok(
      titles.some((title) => title.includes(`main container ${container.label}`)),
      'container name',
    );
    assert.ok(
      titles.some((title) => title.includes(`image ${container.image}`)),
      'image',
    );
    assert.ok(
      titles.some((title) => title.includes('/data/<iframe src=javascript:alert(5)>')),
      'mount path',
    );
    assert.ok(svg.includes('Pod &lt;img src=x onerror=alert(1)&gt;'));
  });

  it('escapes markup and drops characters XML cannot hold', () => {
    assert.equal(escapeXmlText('a<b>&c\u0001d'), 'a&lt;b&gt;&amp;c\uFFFDd');
  });

  it('uses the palette of the theme asked for', () => {
    const graph = graphOf(readFixture('01-init-git-sync.yaml'));
    const light = sceneToSvgString(renderTopologyScene(graph), 'light');
    const dark = sceneToSvgString(renderTopologyScene(graph), 'dark');
    assert.match(light, /--pp-bg: #ffffff;/);
    assert.match(dark, /--pp-bg: #1e1e1e;/);
    assert.equal(light.replace(/<style>[\s\S]*<\/style>/, ''), dark.replace(/<style>[\s\S]*<\/style>/, ''));
  });

  it('labels every node for screen readers and makes it focusable', () => {
    const scene = renderTopologyScene(busyGraph());
    const nodes: SvgElement[] = [];
    const walk = (element: SvgElement) => {
      if (element.attrs['data-node-id'] !== undefined) nodes.push(element);
      element.children.forEach((child) => typeof child !== 'string' && walk(child));
    };
    walk(scene);
    assert.equal(nodes.length, busyGraph().nodes.length);
    for (const node of nodes) {
      assert.equal(node.attrs.tabindex, 0);
      assert.equal(node.attrs.role, 'button');
      assert.ok(String(node.attrs['aria-label']).length > 0);
    }
    const app = nodes.find((node) => node.attrs['data-node-id'] === 'container:3')!;
    assert.equal(app.attrs['aria-label'], 'main container app');
  });

  it('draws the legend and every edge with its own arrowhead', () => {
    const scene = renderTopologyScene(busyGraph());
    const all = texts(scene);
    for (const entry of [
      'main container',
      'sidecar',
      'adapter',
      'ambassador',
      'init container',
      'native sidecar',
      'mount (read-only)',
      'localhost call',
    ]) {
      assert.ok(all.includes(entry), `legend entry ${entry}`);
    }
    const string = sceneToSvgString(scene, 'dark');
    assert.equal((string.match(/data-edge-id=/g) ?? []).length, busyGraph().edges.length);
    assert.ok(string.includes('marker-end="url(#pp-arrow-external)"'));
  });

  it('outlines a lane caption in the colour behind it: the frame colour inside the pod, the background below it', () => {
    const graph = graphOf(readFixture('six-containers.yaml'));
    const svgText = sceneToSvgString(renderTopologyScene(graph, layoutTopology(graph, { maxWidth: 650 })), 'dark');
    const captions = [...svgText.matchAll(/<text class="(pp-lane-label[^"]*)"[^>]*>([^<]*)</g)].map(
      (match) => `${match[2]}: ${match[1]}`,
    );
    assert.deepEqual(captions.slice(2), ['volumes: pp-lane-label', 'outside the pod: pp-lane-label pp-lane-outside']);
    assert.equal(captions.length, 4);
    assert.ok(captions.slice(0, 2).every((caption) => caption.endsWith(': pp-lane-label')));
  });
});
