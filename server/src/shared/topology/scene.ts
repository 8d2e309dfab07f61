import type { ContainerRole } from '../vocabulary';
import { edgeLabelText, podHeading, resourceSummary, titleEndInset } from './labels';
import { LEGEND_SWATCH, layoutTopology, type Box, type TopologyLayout } from './layout';
import type { TopologyEdge, TopologyGraph, TopologyNode } from './types';

/**
 * The picture as a tree of SVG elements. User text only ever appears as a text child
 * (never in markup or in an attribute that is interpreted), so both the string writer
 * and the DOM builder can render it safely.
 */
export interface SvgElement {
  readonly tag: string;
  readonly attrs: Readonly<Record<string, string | number>>;
  readonly children: readonly (SvgElement | string)[];
}

export function el(
  tag: string,
  attrs: Record<string, string | number | undefined>,
  ...children: (SvgElement | string | undefined | false)[]
): SvgElement {
  const clean: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(attrs)) if (value !== undefined) clean[key] = value;
  return {
    tag,
    attrs: clean,
    children: children.filter((child): child is SvgElement | string => child !== undefined && child !== false),
  };
}

const ROLE_LABEL: Readonly<Record<ContainerRole, string>> = {
  init: 'init',
  'native-sidecar': 'native sidecar',
  main: 'main',
  sidecar: 'sidecar',
  adapter: 'adapter',
  ambassador: 'ambassador',
};

/** Average glyph widths of the UI font at the sizes used; enough to cut long text with an ellipsis. */
const CHAR_WIDTH = { title: 8.4, body: 7.0 } as const;

export function fitText(text: string, width: number, charWidth: number): string {
  const max = Math.max(1, Math.floor(width / charWidth));
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

const EDGE_KIND_LABEL: Readonly<Record<TopologyEdge['kind'], string>> = {
  sequence: 'starts before',
  mount: 'mounts',
  localhost: 'calls over localhost',
  external: 'calls',
  service: 'sends traffic to',
};

/** Lays out (unless given a layout) and draws a pod topology. */
export function renderTopologyScene(graph: TopologyGraph, layout: TopologyLayout = layoutTopology(graph)): SvgElement {
  const labelOf = new Map(graph.nodes.map((node) => [node.id, node.label]));
  const title = `Topology of ${graph.pod.kind} ${graph.pod.name}`;
  return el(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      class: 'pp-topology',
      width: layout.width,
      height: layout.height,
      viewBox: `0 0 ${layout.width} ${layout.height}`,
      role: 'group',
      'aria-label': title,
    },
    el('title', {}, title),
    markers(),
    el('rect', { class: 'pp-background', x: 0, y: 0, width: layout.width, height: layout.height }),
    frame(graph, layout.frame, layout.dense ? TEXT.dense : TEXT.normal, layout.titleOnOneLine === true),
    el('g', { class: 'pp-edges' }, ...graph.edges.map((edge) => drawEdge(edge, layout, labelOf))),
    el(
      'g',
      { class: 'pp-nodes' },
      ...graph.nodes
        .filter((node) => node.kind !== 'pod' && layout.boxes[node.id])
        .map((node) => drawNode(node, layout.boxes[node.id]!, layout.dense ? TEXT.dense : TEXT.normal)),
    ),
    ...(layout.lanes ?? []).map((lane) =>
      el(
        'text',
        {
          // A caption below the frame (outside the pod) is outlined in the picture's background, not the frame's.
          class: lane.y > layout.frame.y + layout.frame.height ? 'pp-lane-label pp-lane-outside' : 'pp-lane-label',
          x: lane.x,
          y: lane.y,
        },
        lane.label,
      ),
    ),
    legend(layout),
  );
}

function markers(): SvgElement {
  const kinds: (TopologyEdge['kind'] | 'deadlock')[] = [
    'sequence',
    'mount',
    'localhost',
    'external',
    'service',
    'deadlock',
  ];
  return el(
    'defs',
    {},
    ...kinds.map((kind) =>
      el(
        'marker',
        {
          id: `pp-arrow-${kind}`,
          viewBox: '0 0 10 10',
          refX: 9,
          refY: 5,
          markerUnits: 'userSpaceOnUse',
          markerWidth: 11,
          markerHeight: 11,
          orient: 'auto-start-reverse',
        },
        el('path', { class: `pp-arrowhead pp-arrowhead-${kind}`, d: 'M 0 0 L 10 5 L 0 10 z' }),
      ),
    ),
  );
}

/** Where the lines of text go: the first baseline below a box's top and the step to the next (compact boxes are lower). */
interface TextLines {
  readonly node: { readonly first: number; readonly step: number };
  readonly frame: { readonly first: number; readonly step: number };
}
const TEXT: Readonly<Record<'normal' | 'dense', TextLines>> = {
  normal: { node: { first: 20, step: 17 }, frame: { first: 24, step: 18 } },
  dense: { node: { first: 17, step: 15 }, frame: { first: 18, step: 15 } },
};

/** The pod's frame; its resource summary below the heading, or at the right end of the heading's line (`oneLine`). */
function frame(graph: TopologyGraph, box: Box, text: TextLines, oneLine: boolean): SvgElement {
  const pod = graph.nodes.find((node) => node.kind === 'pod');
  const summary = resourceSummary(graph);
  const heading = podHeading(graph);
  return el(
    'g',
    {
      class: 'pp-node pp-pod',
      'data-node-id': 'pod',
      tabindex: 0,
      role: 'button',
      'aria-label': `${heading}. ${summary}${pod?.findings ? `. ${badgeText(pod)}` : ''}`,
    },
    el('rect', { class: 'pp-frame', x: box.x, y: box.y, width: box.width, height: box.height, rx: 10 }),
    el(
      'text',
      { class: 'pp-frame-title', x: box.x + 16, y: box.y + text.frame.first },
      fitText(heading, box.width - 60, CHAR_WIDTH.title),
    ),
    oneLine
      ? el(
          'text',
          {
            class: 'pp-frame-sub',
            x: box.x + box.width - titleEndInset(graph),
            y: box.y + text.frame.first,
            'text-anchor': 'end',
          },
          summary,
        )
      : el(
          'text',
          { class: 'pp-frame-sub', x: box.x + 16, y: box.y + text.frame.first + text.frame.step },
          fitText(summary, box.width - 32, CHAR_WIDTH.body),
        ),
    pod?.findings && badge(pod, box.x + box.width - 16, box.y + 18),
  );
}

function drawEdge(edge: TopologyEdge, layout: TopologyLayout, labelOf: Map<string, string>): SvgElement | undefined {
  const route = layout.routes[edge.id];
  if (!route) return undefined;
  const classes = ['pp-edge', `pp-edge-${edge.kind}`];
  if (edge.readOnly) classes.push('pp-edge-readonly');
  if (edge.deadlock) classes.push('pp-edge-deadlock');
  const description =
    `${labelOf.get(edge.from) ?? edge.from} ${EDGE_KIND_LABEL[edge.kind]} ${labelOf.get(edge.to) ?? edge.to}${edge.label ? ` (${edge.label}${edge.readOnly ? ', read-only' : ''})` : ''}` +
    (edge.deadlock ? `. Deadlock: ${edge.deadlock}` : '');
  return el(
    'g',
    { class: classes.join(' '), 'data-edge-id': edge.id, 'data-from': edge.from, 'data-to': edge.to },
    el('title', {}, description),
    el('path', {
      class: 'pp-edge-line',
      d: route.path,
      'marker-end': `url(#pp-arrow-${edge.deadlock ? 'deadlock' : edge.kind})`,
    }),
    edge.label && route.labelAt
      ? el(
          'text',
          { class: 'pp-edge-label', x: route.labelAt.x, y: route.labelAt.y, 'text-anchor': 'middle' },
          edgeLabelText(edge),
        )
      : undefined,
  );
}

function drawNode(node: TopologyNode, box: Box, text: TextLines): SvgElement {
  const lines = nodeLines(node);
  const classes = ['pp-node', `pp-${node.kind}`];
  if (node.role) classes.push(`pp-role-${node.role}`);
  if (node.volumeType) classes.push(`pp-volume-${node.volumeType.replace(/[^A-Za-z0-9-]/g, '')}`);
  const textX = box.x + (node.kind === 'container' ? 16 : 12);
  return el(
    'g',
    {
      class: classes.join(' '),
      'data-node-id': node.id,
      tabindex: 0,
      role: 'button',
      'aria-label': describeNode(node),
    },
    el('title', {}, describeNode(node)),
    el('rect', {
      class: 'pp-node-box',
      x: box.x,
      y: box.y,
      width: box.width,
      height: box.height,
      rx: node.kind === 'volume' ? 14 : 6,
    }),
    node.kind === 'container'
      ? el('rect', { class: 'pp-role-strip', x: box.x, y: box.y, width: 6, height: box.height, rx: 2 })
      : undefined,
    ...lines.map((line, index) =>
      el(
        'text',
        {
          class: index === 0 ? 'pp-node-title' : 'pp-node-sub',
          x: textX,
          y: box.y + text.node.first + index * text.node.step,
        },
        fitText(
          line,
          box.width - (textX - box.x) - (index === 0 && node.findings ? 34 : 10),
          index === 0 ? CHAR_WIDTH.title : CHAR_WIDTH.body,
        ),
      ),
    ),
    node.findings && badge(node, box.x + box.width - 14, box.y + 14),
  );
}

function nodeLines(node: TopologyNode): string[] {
  switch (node.kind) {
    case 'container': {
      const lines = [`${node.order !== undefined ? `${node.order}. ` : ''}${node.label}`];
      lines.push(`${ROLE_LABEL[node.role ?? 'sidecar']}${node.shortImage ? ` · ${node.shortImage}` : ''}`);
      if (node.role === 'native-sidecar')
        lines.push(`keeps running${node.ports?.length ? ` · ${node.ports.join(', ')}` : ''}`);
      else if (node.ports && node.ports.length > 0) lines.push(`ports ${node.ports.join(', ')}`);
      return lines;
    }
    case 'volume':
      return [node.label, node.volumeType ?? 'volume'];
    case 'service':
      return [node.label, 'Service'];
    case 'endpoint': {
      // A URL on two lines, host then path, so the host is never the part cut off.
      const url = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]+)([/?#].*)$/i.exec(node.label);
      return url ? [url[1]!, url[2]!] : [node.label];
    }
    default:
      return [node.label];
  }
}

export function describeNode(node: TopologyNode): string {
  const parts: string[] = [];
  switch (node.kind) {
    case 'container':
      parts.push(
        `${node.order !== undefined ? `Init step ${node.order}: ` : ''}${ROLE_LABEL[node.role ?? 'sidecar']} container ${node.label}`,
      );
      if (node.image !== undefined) parts.push(`image ${node.image}`);
      if (node.ports && node.ports.length > 0) parts.push(`ports ${node.ports.join(', ')}`);
      if (node.evidence) parts.push(`why: ${node.evidence}`);
      break;
    case 'volume':
      parts.push(`${node.volumeType ?? ''} volume ${node.label}`.trim());
      break;
    case 'endpoint':
      parts.push(`External endpoint ${node.label}`);
      break;
    case 'service':
      parts.push(`Service ${node.label}`);
      break;
    case 'pod':
      parts.push(`Pod ${node.label}`);
      break;
  }
  if (node.findings) parts.push(badgeText(node));
  return parts.join(', ');
}

function badgeText(node: TopologyNode): string {
  const badge = node.findings!;
  return `${badge.count} finding${badge.count === 1 ? '' : 's'}, worst ${badge.worst} (${badge.codes.join(', ')})`;
}

function badge(node: TopologyNode, cx: number, cy: number): SvgElement {
  const findings = node.findings!;
  return el(
    'g',
    { class: `pp-badge pp-severity-${findings.worst}` },
    el('circle', { cx, cy, r: 10 }),
    el('text', { x: cx, y: cy + 4, 'text-anchor': 'middle' }, findings.count > 99 ? '99+' : String(findings.count)),
  );
}

function legend(layout: TopologyLayout): SvgElement {
  return el(
    'g',
    { class: 'pp-legend', role: 'list', 'aria-label': 'Legend' },
    ...layout.legendEntries.map((entry, index) => {
      const { x, y } = layout.legendPlaces[index]!;
      const swatch = entry.key.startsWith('edge-')
        ? el(
            'g',
            {
              class: `pp-edge pp-edge-${entry.key.slice(5).replace('-ro', '')}${entry.key.endsWith('-ro') ? ' pp-edge-readonly' : ''}`,
            },
            el('path', { class: 'pp-edge-line', d: `M ${x} ${y + 8} L ${x + LEGEND_SWATCH.width} ${y + 8}` }),
          )
        : el('rect', {
            class: `pp-legend-swatch pp-role-${entry.key}`,
            x,
            y: y + 1,
            width: LEGEND_SWATCH.width,
            height: 14,
            rx: 3,
          });
      return el(
        'g',
        { class: 'pp-legend-entry', role: 'listitem' },
        swatch,
        el(
          'text',
          { class: 'pp-legend-label', x: x + LEGEND_SWATCH.width + LEGEND_SWATCH.labelGap, y: y + 12 },
          entry.label,
        ),
      );
    }),
  );
}
