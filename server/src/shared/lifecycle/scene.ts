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
  labelWidth: 200,
  row: 38,
  bar: 14,
  header: 64,
  minStep: 64,
  maxExtra: 140,
  runningGap: 120,
  footerLine: 18,
  tail: 70,
} as const;
const CHAR_WIDTH = 7.0;

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

function columns(lifecycle: Lifecycle, left: number): { columns: Column[]; runningGap?: { from: number; to: number } } {
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
      if (previous) x += SIZE.minStep + Math.min(SIZE.maxExtra, (moment.seconds - previous.seconds) * 4);
      out.push({ key, label: `${key}s`, x });
      previous = moment;
    }
  };
  place(startup, false);
  if (shutdown.length === 0) return { columns: out };
  const from = x;
  x += SIZE.runningGap;
  place(shutdown, true);
  return { columns: out, runningGap: { from, to: from + SIZE.runningGap } };
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

export function renderLifecycleScene(lifecycle: Lifecycle): SvgElement {
  const left = SIZE.margin + SIZE.labelWidth;
  const { columns: cols, runningGap } = columns(lifecycle, left + 10);
  const xOf = (event: LifecycleEvent) => cols.find((column) => column.key === momentOf(event).key)?.x ?? left;
  const chartRight = (cols[cols.length - 1]?.x ?? left) + SIZE.tail;
  const shutdownText = lifecycle.shutdownFrom
    ? `${lifecycle.shutdownFrom.cause === 'deletion' ? 'deletion requested' : 'Job done'} at ${lifecycle.shutdownFrom.atLeast ? '≥ ' : ''}${lifecycle.shutdownFrom.at}s · grace ${lifecycle.gracePeriodSeconds}s`
    : '';
  const shutdownX = cols.find((column) => column.key === '+0')?.x ?? left;
  const width = Math.ceil(
    Math.max(
      chartRight + SIZE.margin,
      shutdownText ? shutdownX + 4 + shutdownText.length * CHAR_WIDTH + SIZE.margin : 0,
      480,
    ),
  );
  const wrapped = lifecycle.flags.flatMap((flag) =>
    wrap(`${flag.severity}: ${flag.message}`, Math.floor((width - 2 * SIZE.margin) / CHAR_WIDTH)).map((text) => ({
      text,
      severity: flag.severity,
    })),
  );
  const rowsTop = SIZE.margin + SIZE.header;
  const rowsBottom = rowsTop + lifecycle.containers.length * SIZE.row;
  const height = rowsBottom + 24 + wrapped.length * SIZE.footerLine + SIZE.margin;
  const title = `Lifecycle of ${lifecycle.pod.kind} ${lifecycle.pod.name}`;

  const axis = el(
    'g',
    { class: 'pp-lc-axis' },
    ...cols.map((column) =>
      el(
        'g',
        {},
        el('line', { class: 'pp-lc-tick', x1: column.x, y1: rowsTop - 8, x2: column.x, y2: rowsBottom }),
        el('text', { class: 'pp-lc-tick-label', x: column.x, y: rowsTop - 14, 'text-anchor': 'middle' }, column.label),
      ),
    ),
    runningGap &&
      el(
        'text',
        {
          class: 'pp-lc-gap-label',
          x: (runningGap.from + runningGap.to) / 2,
          y: rowsTop - 14,
          'text-anchor': 'middle',
        },
        'runs…',
      ),
  );

  const rows = lifecycle.containers.map((container, index) => {
    const y = rowsTop + index * SIZE.row;
    const mid = y + SIZE.row / 2;
    const own = lifecycle.events.filter((event) => event.container === container.name);
    const find = (kind: LifecycleEvent['event']) => own.find((event) => event.event === kind);
    const begin = find('running') ?? find('started');
    const end = find('completed') ?? find('stopped');
    const parts: (SvgElement | undefined)[] = [];
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
      if (!end)
        parts.push(
          el(
            'text',
            { class: 'pp-lc-never', x: x2 + 4, y: mid + 4 },
            container.group === 'init'
              ? 'never completes'
              : lifecycle.outcome === 'never-completes'
                ? 'never exits'
                : '…',
          ),
        );
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
    return el(
      'g',
      {
        class: `pp-lc-row pp-role-${container.role}${container.starts ? '' : ' pp-lc-never-starts'}`,
        tabindex: 0,
        role: 'listitem',
        'aria-label': container.starts ? `${label}: ${own.map(describeEvent).join('; ')}` : `${label}: never starts`,
      },
      el('rect', { class: 'pp-role-strip', x: SIZE.margin, y: mid - 14, width: 4, height: 28 }),
      el(
        'text',
        { class: 'pp-lc-label', x: SIZE.margin + 10, y: mid - 2 },
        fitText(container.name, SIZE.labelWidth - 14, CHAR_WIDTH),
      ),
      el('text', { class: 'pp-lc-role', x: SIZE.margin + 10, y: mid + 12 }, role),
      ...parts,
      container.starts ? undefined : el('text', { class: 'pp-lc-never', x: left + 10, y: mid + 4 }, 'never starts'),
    );
  });

  const shutdown = shutdownText
    ? el(
        'g',
        { class: 'pp-lc-shutdown' },
        el('line', { class: 'pp-lc-shutdown-line', x1: shutdownX, y1: rowsTop - 30, x2: shutdownX, y2: rowsBottom }),
        el('text', { class: 'pp-lc-shutdown-label', x: shutdownX + 4, y: rowsTop - 32 }, shutdownText),
      )
    : undefined;

  return el(
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
    el(
      'text',
      { class: 'pp-frame-title', x: SIZE.margin, y: SIZE.margin + 14 },
      fitText(title, width - 2 * SIZE.margin, 8.4),
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
            x: SIZE.margin,
            y: rowsBottom + 24 + index * SIZE.footerLine,
          },
          line.text,
        ),
      ),
    ),
  );
}

/** Cuts text into lines of at most `width` characters at spaces. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = '';
    }
    line = line ? `${line} ${word}` : word.length > width ? fitText(word, width * CHAR_WIDTH, CHAR_WIDTH) : word;
  }
  if (line) lines.push(line);
  return lines;
}
