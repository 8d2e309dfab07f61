import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { createLanguageService, ParsedFile, resolveSettings, THROWING_LOGGER } from '../../../server/src/service';
import { renderLifecycleScene } from '../../../server/src/shared/lifecycle/scene';
import type { Lifecycle, LifecycleEvent } from '../../../server/src/shared/lifecycle/types';
import type { SvgElement } from '../../../server/src/shared/topology/scene';
import { cli } from '../../support/cli';

const FIXTURES = path.resolve(__dirname, '../../../../test/fixtures');
const read = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');

const service = createLanguageService({ logger: THROWING_LOGGER });

function lifecycleOfText(text: string, settings = resolveSettings({})): Lifecycle {
  const file = new ParsedFile(text);
  const target = service.topologyTargets(file)[0];
  if (!target) throw new Error('no pod');
  return service.lifecycle(file, target, settings)!;
}

/** `name event [≥]at [+[≥]since] [within N]`, one per event in timeline order. */
function steps(lifecycle: Lifecycle): string[] {
  const moment = (at: number, atLeast?: boolean) => `${atLeast ? '≥' : ''}${at}`;
  return lifecycle.events.map((event: LifecycleEvent) =>
    [
      event.container,
      event.event,
      moment(event.at, event.atLeast),
      event.sinceShutdown ? `+${moment(event.sinceShutdown.seconds, event.sinceShutdown.atLeast)}` : undefined,
      event.within !== undefined ? `within ${event.within}` : undefined,
    ]
      .filter(Boolean)
      .join(' '),
  );
}

/** Two app containers with no hooks or probes: start together, ready at once, SIGTERM together on deletion. */
const twoAppContainers = (a: string, b: string) => [
  `${a} started 0`,
  `${a} ready 0`,
  `${b} started 0`,
  `${b} ready 0`,
  `${a} stopping 0 +0`,
  `${a} sigterm 0 +0`,
  `${b} stopping 0 +0`,
  `${b} sigterm 0 +0`,
  `${a} stopped ≥0 +≥0 within 30`,
  `${b} stopped ≥0 +≥0 within 30`,
];

describe('lifecycle of the seed pods', () => {
  it('01 init git-sync: the init container runs for an unknown time, then web starts; deletion once web is ready', () => {
    const lifecycle = lifecycleOfText(read('topology/01-init-git-sync.yaml'));
    assert.deepEqual(steps(lifecycle), [
      'init-sync-ctr started 0',
      'init-sync-ctr completed ≥0',
      'web started ≥0',
      'web ready ≥0',
      'web stopping ≥0 +0',
      'web sigterm ≥0 +0',
      'web stopped ≥0 +≥0 within 30',
    ]);
    assert.equal(lifecycle.outcome, 'runs-until-deleted');
    assert.deepEqual(lifecycle.shutdownFrom, { at: 0, atLeast: true, cause: 'deletion' });
    assert.equal(lifecycle.gracePeriodSeconds, 30);
    assert.equal(lifecycle.gracePeriodWritten, false);
    assert.deepEqual(lifecycle.flags, []);
  });

  it('02, 04, 05, 07, 08: two app containers start together and stop together', () => {
    const pods: [string, string, string][] = [
      ['02-sidecar-git-sync.yaml', 'web', 'init-sync-ctr'],
      ['04-sidecar-log-writer.yaml', 'main-container', 'sidecar-container'],
      ['05-sidecar-log-exporter.yaml', 'app-container', 'log-exporter-sidecar'],
      ['07-adapter-log-format.yaml', 'app-container', 'log-adapter'],
      ['08-adapter-prometheus-exporter.yaml', 'web-ctr', 'transformer'],
    ];
    for (const [file, a, b] of pods) {
      const lifecycle = lifecycleOfText(read(`topology/${file}`));
      assert.deepEqual(steps(lifecycle), twoAppContainers(a, b), file);
      assert.deepEqual(lifecycle.podReady, { at: 0 }, file);
      assert.deepEqual(lifecycle.flags, [], file);
    }
  });

  it('03 init wait-for-service: the init container loops until a Service resolves, an unknown time', () => {
    const lifecycle = lifecycleOfText(read('topology/03-init-wait-for-service.yaml'));
    assert.deepEqual(steps(lifecycle).slice(0, 4), [
      'init-ctr started 0',
      'init-ctr completed ≥0',
      'web-ctr started ≥0',
      'web-ctr ready ≥0',
    ]);
    assert.deepEqual(
      lifecycle.containers.map((container) => [container.name, container.group, container.starts]),
      [
        ['init-ctr', 'init', true],
        ['web-ctr', 'app', true],
      ],
    );
  });

  it('06 ambassador: three app containers start together; the race to the ambassador is the sidecar-start-order finding', () => {
    const lifecycle = lifecycleOfText(read('topology/06-ambassador-forward-proxy.yaml'));
    const names = ['app-container-poller', 'app-container-server', 'ambassador-container'];
    assert.deepEqual(steps(lifecycle), [
      ...names.flatMap((name) => [`${name} started 0`, `${name} ready 0`]),
      ...names.flatMap((name) => [`${name} stopping 0 +0`, `${name} sigterm 0 +0`]),
      ...names.map((name) => `${name} stopped ≥0 +≥0 within 30`),
    ]);
    assert.equal(lifecycle.flags.length, 1);
    assert.equal(lifecycle.flags[0]!.code, 'sidecar-start-order');
    assert.equal(lifecycle.flags[0]!.fromFinding, true);
    assert.deepEqual(lifecycle.flags[0]!.containers, ['app-container-poller', 'ambassador-container']);
  });
});

describe('lifecycle of native sidecars, Jobs and preStop hooks', () => {
  it('a native sidecar with a startupProbe holds the next container until its first check; one without lets the app start while not ready', () => {
    const lifecycle = lifecycleOfText(read('lifecycle/native-sidecars.yaml'));
    assert.deepEqual(steps(lifecycle), [
      'migrate started 0',
      'migrate completed ≥0',
      // startupProbe initialDelaySeconds 5: the next container waits for it.
      'proxy running ≥0',
      'proxy started ≥5',
      'proxy ready ≥5',
      'log-shipper started ≥5',
      // shop: postStart sleep 3 holds back its start and the worker's.
      'shop running ≥5',
      'shop started ≥8',
      'worker started ≥8',
      'worker ready ≥8',
      // log-shipper: readinessProbe initialDelaySeconds 8 after it ran at 5.
      'log-shipper ready ≥13',
      // shop: readiness initialDelay 4 + (2 successes - 1) × period 5 after it ran at 5.
      'shop ready ≥14',
      // Deletion at 14 with a 45 s grace period: preStop sleep 10, then SIGTERM.
      'shop stopping ≥14 +0',
      'worker stopping ≥14 +0',
      'worker sigterm ≥14 +0',
      'worker stopped ≥14 +≥0 within 45',
      'shop sigterm ≥24 +10',
      'shop stopped ≥24 +≥10 within 35',
      // Native sidecars after the app containers, the later-declared first.
      'log-shipper stopping ≥24 +≥10',
      'log-shipper sigterm ≥24 +≥10',
      'log-shipper stopped ≥24 +≥10 within 35',
      'proxy stopping ≥24 +≥10',
      'proxy sigterm ≥24 +≥10',
      'proxy stopped ≥24 +≥10 within 35',
    ]);
    assert.deepEqual(lifecycle.podReady, { at: 14, atLeast: true });
    assert.equal(lifecycle.gracePeriodSeconds, 45);
    assert.deepEqual(
      lifecycle.flags.map((flag) => [flag.code, flag.containers]),
      [['sidecar-not-ready-before-app', ['log-shipper', 'shop']]],
    );
    assert.match(lifecycle.flags[0]!.message, /ready at ≥ 13s but the app containers start at ≥ 5s/);
  });

  it('a Job with a native sidecar completes: the sidecar is stopped once the report exits', () => {
    const lifecycle = lifecycleOfText(read('lifecycle/job-native-sidecar.yaml'));
    assert.equal(lifecycle.outcome, 'completes');
    assert.deepEqual(steps(lifecycle), [
      'db-proxy running 0',
      'db-proxy started ≥0',
      'db-proxy ready ≥0',
      'report started ≥0',
      'report ready ≥0',
      'report completed ≥0',
      'db-proxy stopping ≥0 +0',
      'db-proxy sigterm ≥0 +0',
      'db-proxy stopped ≥0 +≥0 within 30',
    ]);
    assert.equal(lifecycle.shutdownFrom?.cause, 'job-completed');
  });

  it('a Job whose proxy is a regular container never completes (the sidecar-blocks-job-completion finding)', () => {
    const lifecycle = lifecycleOfText(read('lifecycle/job-legacy-sidecar.yaml'));
    assert.equal(lifecycle.outcome, 'never-completes');
    assert.deepEqual(steps(lifecycle), [
      'report started 0',
      'report ready 0',
      'db-proxy started 0',
      'db-proxy ready 0',
      'report completed ≥0',
    ]);
    assert.equal(lifecycle.shutdownFrom, undefined);
    assert.deepEqual(
      lifecycle.flags.map((flag) => [flag.code, flag.containers, flag.fromFinding]),
      [['sidecar-blocks-job-completion', ['db-proxy'], true]],
    );
  });

  it('a preStop sleep beyond the grace period is cut at its end; the native sidecar gets SIGTERM then, with 2 s before SIGKILL', () => {
    const lifecycle = lifecycleOfText(read('lifecycle/prestop-beyond-grace.yaml'));
    assert.deepEqual(steps(lifecycle).slice(6), [
      'api stopping 0 +0',
      'cache stopping 0 +0',
      'mesh stopping 0 +0',
      // httpGet preStop: unknown length.
      'cache sigterm ≥0 +≥0',
      'cache stopped ≥0 +≥0 within 30',
      // exec sleep 40 with the default 30 s grace: cut at 30, then the 2 s minimum window.
      'api sigterm 30 +30',
      'mesh sigterm 30 +30',
      'api stopped ≥30 +≥30 within 2',
      'mesh stopped ≥30 +≥30 within 2',
    ]);
    assert.deepEqual(
      lifecycle.flags.map((flag) => [flag.code, flag.containers]),
      [
        ['prestop-exceeds-grace-period', ['api']],
        ['grace-period-exhausted-before-sidecar', ['mesh']],
      ],
    );
  });

  it('a raised grace period gives the preStop sleep its time and the sidecar its turn', () => {
    const text = read('lifecycle/prestop-beyond-grace.yaml').replace(
      '    spec:\n      initContainers:',
      '    spec:\n      terminationGracePeriodSeconds: 60\n      initContainers:',
    );
    const lifecycle = lifecycleOfText(text);
    assert.equal(lifecycle.gracePeriodSeconds, 60);
    assert.ok(steps(lifecycle).includes('api sigterm 40 +40'));
    assert.ok(steps(lifecycle).includes('api stopped ≥40 +≥40 within 20'));
    assert.ok(steps(lifecycle).includes('mesh sigterm ≥40 +≥40'));
    assert.deepEqual(lifecycle.flags, []);
  });

  it('an init container waiting on a later container never completes: nothing after it starts (the init-waits-on-later-container finding)', () => {
    const lifecycle = lifecycleOfText(read('lifecycle/init-deadlock.yaml'));
    assert.equal(lifecycle.outcome, 'never-starts');
    assert.deepEqual(steps(lifecycle), ['wait-for-api started 0']);
    assert.deepEqual(
      lifecycle.containers.map((container) => [container.name, container.starts]),
      [
        ['wait-for-api', true],
        ['never-reached', false],
        ['api', false],
      ],
    );
    assert.equal(lifecycle.podReady, undefined);
    assert.deepEqual(
      lifecycle.flags.map((flag) => [flag.code, flag.severity]),
      [['init-waits-on-later-container', 'error']],
    );
  });

  it('a rule turned off is not worked out again by the timeline', () => {
    const lifecycle = lifecycleOfText(
      read('lifecycle/init-deadlock.yaml'),
      resolveSettings({ rules: { 'init-waits-on-later-container': 'off' } }),
    );
    assert.deepEqual(lifecycle.flags, []);
    assert.equal(lifecycle.outcome, 'runs-until-deleted');
  });
});

describe('pod-patterns timeline', () => {
  const run = cli;

  it('prints the events as JSON in time order', () => {
    const { code, stdout } = run([
      'timeline',
      '--format',
      'json',
      path.join(FIXTURES, 'lifecycle/prestop-beyond-grace.yaml'),
    ]);
    assert.equal(code, 0);
    const lifecycle = JSON.parse(stdout) as Lifecycle;
    const times = lifecycle.events.map((event) => event.at);
    assert.deepEqual(
      times,
      [...times].sort((a, b) => a - b),
    );
    assert.deepEqual(lifecycle.events[0], { container: 'mesh', event: 'started', at: 0 });
  });

  it('prints text by default, with the shutdown marked and the flags listed', () => {
    const { code, stdout } = run(['timeline', '-'], read('lifecycle/init-deadlock.yaml'));
    assert.equal(code, 0);
    assert.match(stdout, /^Pod stuck: never starts/);
    assert.match(stdout, /never start: never-reached, api/);
    assert.match(stdout, /error init-waits-on-later-container:/);
  });

  it('draws an SVG with one row per container and the user text escaped', () => {
    const hostile = read('lifecycle/init-deadlock.yaml').replace('name: stuck', 'name: "<b>&stuck"');
    const { code, stdout } = run(['timeline', '--format', 'svg', '--theme', 'dark', '-'], hostile);
    assert.equal(code, 0);
    assert.match(
      stdout,
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg" class="pp-topology pp-lifecycle"/,
    );
    assert.equal((stdout.match(/class="pp-lc-row /g) ?? []).length, 3);
    assert.ok(stdout.includes('&lt;b&gt;&amp;stuck'));
    assert.ok(!stdout.includes('<b>'));
    assert.ok(stdout.includes('>never starts<'));
  });

  it('draws the SVG for a width with --width, names above the bars, and refuses a width that is not pixels', () => {
    const text = read('lifecycle/init-deadlock.yaml');
    const { code, stdout } = run(['timeline', '--format', 'svg', '--width', '340', '-'], text);
    assert.equal(code, 0);
    assert.match(stdout, /<svg [^>]*width="340"/);
    assert.equal((stdout.match(/class="pp-lc-role pp-lc-never"[^>]*>[^<]*never starts</g) ?? []).length, 2);
    const refused = run(['timeline', '--format', 'svg', '--width', 'wide', '-'], text);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /--width takes a number of pixels/);
  });

  it('says a template is not rendered, and rejects a pod number the file does not have', () => {
    const template = run(
      ['timeline', '-'],
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Values.name }}\nspec:\n  containers: []\n',
    );
    assert.equal(template.code, 1);
    assert.match(template.stderr, /template \(\{\{ … \}\}\), not rendered/);
    const missing = run(['timeline', '--pod', '2', path.join(FIXTURES, 'lifecycle/init-deadlock.yaml')]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /holds 1 pod, not 2/);
  });
});

describe('the lifecycle picture in a narrow panel', () => {
  const textsOf = (scene: SvgElement, className: string): string[] => {
    const found: string[] = [];
    const walk = (element: SvgElement) => {
      if (
        String(element.attrs.class ?? '')
          .split(' ')
          .includes(className)
      )
        found.push(element.children.filter((child): child is string => typeof child === 'string').join(''));
      for (const child of element.children) if (typeof child !== 'string') walk(child);
    };
    walk(scene);
    return found;
  };

  it('keeps the wide picture where it fits, and draws no wider than the panel where it does not', () => {
    const lifecycle = lifecycleOfText(read('lifecycle/init-deadlock.yaml'));
    const wide = renderLifecycleScene(lifecycle);
    assert.deepEqual(renderLifecycleScene(lifecycle, { maxWidth: Number(wide.attrs.width) }), wide);
    for (const maxWidth of [320, 350, 420]) {
      const narrow = renderLifecycleScene(lifecycle, { maxWidth });
      assert.equal(narrow.attrs.width, maxWidth);
      // Every container keeps its row and its name; what never happens moves onto the name's line.
      assert.deepEqual(
        textsOf(narrow, 'pp-lc-label'),
        lifecycle.containers.map((container) => container.name),
      );
      assert.ok(
        textsOf(narrow, 'pp-lc-role').some((text) => text.endsWith('never starts')),
        JSON.stringify(textsOf(narrow, 'pp-lc-role')),
      );
      // Ticks stay in order, inside the picture.
      const ticks = textsOf(narrow, 'pp-lc-tick-label');
      assert.deepEqual(ticks, textsOf(wide, 'pp-lc-tick-label'));
    }
  });
});
