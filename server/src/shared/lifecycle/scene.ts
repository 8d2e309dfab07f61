import { el, fitText, type SvgElement } from '../topology/scene';
import type { Lifecycle, LifecycleEvent } from './types';

/**
 * The timeline as an SVG scene (the same element tree the topology uses, so the CLI writes it
 * with `sceneToSvgString` and the webview builds it as DOM). Time runs left to right in steps:
 * each distinct moment gets a column, wider for longer gaps, because many moments are lower
 * bounds at the same number of seconds and a linear axis would draw them on top of each other.
 * The shutdown has its own columns (seconds since it began) after a gap: the pod runs for as
 * long as nobody deletes it.
 */
const SIZE = {
  margin: 16,
  bar: 14,
  footerLine: 18,
  titleLine: 18,
} as const;

/**
 * How the chart is drawn: wide (names in a column on the left, a fixed step per moment) or, in a
 * panel narrower than that picture, narrow (each name on a line above its bar, the steps shrunk to
 * the width, tick labels on two alternating lines when they would touch). The narrow picture
 * keeps its text at full size, so it fits the panel without being scaled down.
 */
interface Metrics {
  readonly labelWidth: number;
  readonly nameAbove: boolean;
  readonly row: number;
  /** Each step: `minStep` plus `perSecond` per second of the gap, at most `maxExtra` more; all times `scale`. */
  readonly minStep: number;
  readonly perSecond: number;
  readonly maxExtra: number;
  readonly scale: number;
  readonly runningGap: number;
  readonly tail: number;
  readonly stagger: boolean;
}

const WIDE: Metrics = {
  labelWidth: 200,
  nameAbove: false,
  row: 38,
  minStep: 64,
  perSecond: 4,
  maxExtra: 140,
  scale: 1,
  runningGap: 120,
  tail: 70,
  stagger: false,
};
/** A tick label (`+≥12s`) needs this much room to stand clear of its neighbours. */
const TICK_LABEL_ROOM = 40;

const CHAR_WIDTH = 7.0;
/** Glyph widths for cutting text to fit: the 14 px bold title, 12 px names, 11 px roles (broad fallback fonts included). */
const TITLE_CHAR_WIDTH = 8.6;
const NAME_CHAR_WIDTH = 7.4;
const ROLE_CHAR_WIDTH = 6.8;
const BOLD_CHAR_WIDTH = 7.8;

interface Column {
  readonly key: string;
  readonly label: string;
  readonly x: number;
}

interface Moment {
  readonly seconds: number;
  readonly atLeast: boolean;
}

/** Startup moments are on the pod's clock; shutdown moments count from the shutdown's start. */
function momentOf(event: LifecycleEvent): { key: string; moment: Moment; shutdown: boolean } {
  const moment = event.sinceShutdown
    ? { seconds: event.sinceShutdown.seconds, atLeast: event.sinceShutdown.atLeast === true }
    : { seconds: event.at, atLeast: event.atLeast === true };
  return { key: keyOf(!!event.sinceShutdown, moment), moment, shutdown: !!event.sinceShutdown };
}

const keyOf = (shutdown: boolean, moment: Moment) =>
  `${shutdown ? '+' : ''}${moment.atLeast ? '≥' : ''}${moment.seconds}`;

function columns(
  lifecycle: Lifecycle,
  left: number,
  metrics: Metrics,
): { columns: Column[]; runningGap?: { from: number; to: number } } {
  const startup: Moment[] = [{ seconds: 0, atLeast: false }];
  const shutdown: Moment[] = lifecycle.shutdownFrom ? [{ seconds: 0, atLeast: false }] : [];
  for (const event of lifecycle.events) {
    const { moment, shutdown: inShutdown } = momentOf(event);
    (inShutdown ? shutdown : startup).push(moment);
  }
  const out: Column[] = [];
  let x = left;
  const place = (moments: Moment[], inShutdown: boolean) => {
    moments.sort((a, b) => a.seconds - b.seconds || Number(a.atLeast) - Number(b.atLeast));
    let previous: Moment | undefined;
    for (const moment of moments) {
      const key = keyOf(inShutdown, moment);
      if (out.some((column) => column.key === key)) continue;
      if (previous)
        x +=
          metrics.scale *
          (metrics.minStep + Math.min(metrics.maxExtra, (moment.seconds - previous.seconds) * metrics.perSecond));
      out.push({ key, label: `${key}s`, x });
      previous = moment;
    }
  };
  place(startup, false);
  if (shutdown.length === 0) return { columns: out };
  const from = x;
  x += metrics.runningGap;
  place(shutdown, true);
  return { columns: out, runningGap: { from, to: from + metrics.runningGap } };
}

const EVENT_WORD: Readonly<Record<LifecycleEvent['event'], string>> = {
  running: 'runs',
  started: 'started',
  ready: 'ready',
  completed: 'completed',
  stopping: 'stopping',
  sigterm: 'SIGTERM',
  stopped: 'stopped',
};

function describeEvent(event: LifecycleEvent): string {
  const since = event.sinceShutdown
    ? ` (${event.sinceShutdown.atLeast ? 'at least ' : ''}${event.sinceShutdown.seconds}s into the shutdown)`
    : '';
  return `${event.container} ${EVENT_WORD[event.event]} at ${event.atLeast ? 'the earliest ' : ''}${event.at}s${since}${event.why ? `: ${event.why}` : ''}${event.within !== undefined ? `, within ${event.within}s` : ''}`;
}

export interface LifecycleSceneOptions {
  /** The width to fit (a panel's): a timeline whose wide picture is wider is drawn narrow. */
  readonly maxWidth?: number;
}

export function renderLifecycleScene(lifecycle: Lifecycle, options: LifecycleSceneOptions = {}): SvgElement {
  const wide = drawLifecycle(lifecycle, WIDE);
  if (options.maxWidth === undefined || wide.width <= options.maxWidth) return wide.scene;
  return drawLifecycle(lifecycle, narrowMetrics(lifecycle, options.maxWidth), options.maxWidth).scene;
}

/** Names above the bars and steps scaled so the chart spans `maxWidth`. */
function narrowMetrics(lifecycle: Lifecycle, maxWidth: number): Metrics {
  const base: Metrics = {
    ...WIDE,
    labelWidth: 0,
    nameAbove: true,
    row: 50,
    // Room for "runs…" between the tick labels on either side.
    runningGap: 80,
    tail: 30,
  };
  const { columns: natural, runningGap } = columns(lifecycle, 0, base);
  const span = (natural[natural.length - 1]?.x ?? 0) - (runningGap ? base.runningGap : 0);
  const room = maxWidth - 2 * SIZE.margin - 10 - base.tail - (runningGap ? base.runningGap : 0);
  // Shrunk to fit, or stretched (up to 2.5 times) to use the panel's width.
  const scale = span > 0 ? Math.max(0.1, Math.min(2.5, room / span)) : 1;
  return { ...base, scale, stagger: scale * base.minStep < TICK_LABEL_ROOM };
}

function drawLifecycle(
  lifecycle: Lifecycle,
  metrics: Metrics,
  fitWidth?: number,
): { scene: SvgElement; width: number } {
  const m = SIZE.margin;
  const left = m + metrics.labelWidth;
  const { columns: cols, runningGap } = columns(lifecycle, left + 10, metrics);
  const xOf = (event: LifecycleEvent) => cols.find((column) => column.key === momentOf(event).key)?.x ?? left;
  const chartRight = (cols[cols.length - 1]?.x ?? left) + metrics.tail;
  const shutdownText = lifecycle.shutdownFrom
    ? `${lifecycle.shutdownFrom.cause === 'deletion' ? 'deletion requested' : 'Job done'} at ${lifecycle.shutdownFrom.atLeast ? '≥ ' : ''}${lifecycle.shutdownFrom.at}s · grace ${lifecycle.gracePeriodSeconds}s`
    : '';
  const shutdownX = cols.find((column) => column.key === '+0')?.x ?? left;
  const width =
    fitWidth ??
    Math.ceil(Math.max(chartRight + m, shutdownText ? shutdownX + 4 + shutdownText.length * CHAR_WIDTH + m : 0, 480));
  // Flags and the shutdown's label are bold: narrow, where every pixel counts, they are cut for the broad fonts.
  const lineChars = Math.floor((width - 2 * m) / (metrics.nameAbove ? BOLD_CHAR_WIDTH : CHAR_WIDTH));
  const wrapped = lifecycle.flags.flatMap((flag) =>
    wrap(`${flag.severity}: ${flag.message}`, lineChars).map((text) => ({ text, severity: flag.severity })),
  );
  const title = `Lifecycle of ${lifecycle.pod.kind} ${lifecycle.pod.name}`;
  // Wide: the title, the shutdown's label beside its line, the tick labels. Narrow: the title and the
  // shutdown's label wrapped on lines of their own, then one or two lines of tick labels.
  const titleLines = metrics.nameAbove
    ? wrap(title, Math.floor((width - 2 * m) / TITLE_CHAR_WIDTH), TITLE_CHAR_WIDTH)
    : [fitText(title, width - 2 * m, TITLE_CHAR_WIDTH)];
  const shutdownLines = metrics.nameAbove && shutdownText ? wrap(`shutdown: ${shutdownText}`, lineChars) : [];
  const tickTop = m + 14 + (titleLines.length - 1) * SIZE.titleLine + shutdownLines.length * SIZE.titleLine + 22;
  const rowsTop = metrics.nameAbove ? tickTop + (metrics.stagger ? 14 : 0) + 14 : m + 64;
  const tickY = (index: number) =>
    metrics.nameAbove ? tickTop + (metrics.stagger && index % 2 === 1 ? 14 : 0) : rowsTop - 14;
  const rowsBottom = rowsTop + lifecycle.containers.length * metrics.row;
  const height = rowsBottom + 24 + wrapped.length * SIZE.footerLine + m;

  const axis = el(
    'g',
    { class: 'pp-lc-axis' },
    ...cols.map((column, index) =>
      el(
        'g',
        {},
        el('line', { class: 'pp-lc-tick', x1: column.x, y1: rowsTop - 8, x2: column.x, y2: rowsBottom }),
        el('text', { class: 'pp-lc-tick-label', x: column.x, y: tickY(index), 'text-anchor': 'middle' }, column.label),
      ),
    ),
    runningGap &&
      el(
        'text',
        {
          class: 'pp-lc-gap-label',
          x: (runningGap.from + runningGap.to) / 2,
          y: metrics.nameAbove ? rowsTop - 10 : rowsTop - 14,
          'text-anchor': 'middle',
        },
        'runs…',
      ),
  );

  const rows = lifecycle.containers.map((container, index) => {
    const y = rowsTop + index * metrics.row;
    const mid = metrics.nameAbove ? y + 34 : y + metrics.row / 2;
    const own = lifecycle.events.filter((event) => event.container === container.name);
    const find = (kind: LifecycleEvent['event']) => own.find((event) => event.event === kind);
    const begin = find('running') ?? find('started');
    const end = find('completed') ?? find('stopped');
    const parts: (SvgElement | undefined)[] = [];
    // What a bar that does not end says; narrow, it goes on the name's line.
    const never = !container.starts
      ? 'never starts'
      : begin && !end
        ? container.group === 'init'
          ? 'never completes'
          : lifecycle.outcome === 'never-completes'
            ? 'never exits'
            : undefined
        : undefined;
    if (begin) {
      const x1 = xOf(begin);
      const x2 = end ? xOf(end) : chartRight - 10;
      const ready = find('ready');
      const stopping = find('stopping');
      const segment = (from: number, to: number, kind: string) =>
        to > from
          ? el('rect', {
              class: `pp-lc-bar pp-lc-${kind}`,
              x: from,
              y: mid - SIZE.bar / 2,
              width: to - from,
              height: SIZE.bar,
            })
          : undefined;
      const readyX = ready ? xOf(ready) : x1;
      const stoppingX = stopping ? xOf(stopping) : x2;
      parts.push(
        segment(x1, Math.min(readyX, x2), 'starting'),
        segment(readyX, Math.min(stoppingX, x2), 'up'),
        segment(stoppingX, x2, 'stopping'),
      );
      if (end?.within !== undefined)
        parts.push(el('line', { class: 'pp-lc-within', x1: x2, y1: mid, x2: x2 + 22, y2: mid }));
      if (!end && (!never || !metrics.nameAbove))
        parts.push(el('text', { class: 'pp-lc-never', x: x2 + 4, y: mid + 4 }, never ?? '…'));
      parts.push(
        ...own.map((event) =>
          el(
            'circle',
            { class: `pp-lc-event pp-lc-event-${event.event}`, cx: xOf(event), cy: mid, r: 4 },
            el('title', {}, describeEvent(event)),
          ),
        ),
      );
    }
    const label = `${container.name} (${container.role})`;
    const role = container.role === 'native-sidecar' ? 'native sidecar' : container.role;
    const nameAndRole = metrics.nameAbove
      ? (() => {
          const roleText = never ? `${role} · ${never}` : role;
          const roomForName = width - 2 * m - 10 - roleText.length * ROLE_CHAR_WIDTH - 12;
          return [
            el(
              'text',
              { class: 'pp-lc-label', x: m + 10, y: y + 16 },
              fitText(container.name, roomForName, NAME_CHAR_WIDTH),
            ),
            el(
              'text',
              { class: never ? 'pp-lc-role pp-lc-never' : 'pp-lc-role', x: width - m, y: y + 16, 'text-anchor': 'end' },
              roleText,
            ),
          ];
        })()
      : [
          el(
            'text',
            { class: 'pp-lc-label', x: m + 10, y: mid - 2 },
            fitText(container.name, metrics.labelWidth - 14, CHAR_WIDTH),
          ),
          el('text', { class: 'pp-lc-role', x: m + 10, y: mid + 12 }, role),
        ];
    return el(
      'g',
      {
        class: `pp-lc-row pp-role-${container.role}${container.starts ? '' : ' pp-lc-never-starts'}`,
        tabindex: 0,
        role: 'listitem',
        'aria-label': container.starts ? `${label}: ${own.map(describeEvent).join('; ')}` : `${label}: never starts`,
      },
      metrics.nameAbove
        ? el('rect', { class: 'pp-role-strip', x: m, y: y + 4, width: 4, height: 40 })
        : el('rect', { class: 'pp-role-strip', x: m, y: mid - 14, width: 4, height: 28 }),
      ...nameAndRole,
      ...parts,
      container.starts || metrics.nameAbove
        ? undefined
        : el('text', { class: 'pp-lc-never', x: left + 10, y: mid + 4 }, 'never starts'),
    );
  });

  const shutdown = shutdownText
    ? el(
        'g',
        { class: 'pp-lc-shutdown' },
        el('line', {
          class: 'pp-lc-shutdown-line',
          x1: shutdownX,
          y1: metrics.nameAbove ? rowsTop - 8 : rowsTop - 30,
          x2: shutdownX,
          y2: rowsBottom,
        }),
        ...(metrics.nameAbove
          ? shutdownLines.map((line, index) =>
              el(
                'text',
                {
                  class: 'pp-lc-shutdown-label',
                  x: m,
                  y: m + 14 + (titleLines.length + index) * SIZE.titleLine,
                },
                line,
              ),
            )
          : [el('text', { class: 'pp-lc-shutdown-label', x: shutdownX + 4, y: rowsTop - 32 }, shutdownText)]),
      )
    : undefined;

  const scene = el(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      class: 'pp-topology pp-lifecycle',
      width,
      height,
      viewBox: `0 0 ${width} ${height}`,
      role: 'group',
      'aria-label': title,
    },
    el('title', {}, title),
    el('rect', { class: 'pp-background', x: 0, y: 0, width, height }),
    ...titleLines.map((line, index) =>
      el('text', { class: 'pp-frame-title', x: m, y: m + 14 + index * SIZE.titleLine }, line),
    ),
    axis,
    shutdown,
    el('g', { class: 'pp-lc-rows', role: 'list' }, ...rows),
    el(
      'g',
      { class: 'pp-lc-flags' },
      ...wrapped.map((line, index) =>
        el(
          'text',
          {
            class: `pp-lc-flag pp-severity-${line.severity}`,
            x: m,
            y: rowsBottom + 24 + index * SIZE.footerLine,
          },
          line.text,
        ),
      ),
    ),
  );
  return { scene, width };
}

/** Cuts text into lines of at most `width` characters at spaces. */
function wrap(text: string, width: number, charWidth = CHAR_WIDTH): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = '';
    }
    line = line ? `${line} ${word}` : word.length > width ? fitText(word, width * charWidth, charWidth) : word;
  }
  if (line) lines.push(line);
  return lines;
}
