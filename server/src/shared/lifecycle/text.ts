import type { Lifecycle, LifecycleEvent } from './types';

const OUTCOME: Readonly<Record<Lifecycle['outcome'], string>> = {
  'runs-until-deleted': 'runs until deleted',
  completes: 'completes (Job)',
  'never-starts': 'never starts: an init container waits forever',
  'never-completes': 'never completes: a regular container never exits',
};

function moment(at: number, atLeast: boolean | undefined): string {
  return `${atLeast ? '≥' : ' '}${at}s`;
}

/** The timeline as plain text: one line per event, the shutdown marked, then what it reveals. */
export function lifecycleText(lifecycle: Lifecycle): string {
  const width = Math.max(9, ...lifecycle.events.map((event) => event.container.length));
  const lines: string[] = [
    `${lifecycle.pod.kind} ${lifecycle.pod.name}: ${OUTCOME[lifecycle.outcome]}`,
    `grace period ${lifecycle.gracePeriodSeconds}s${lifecycle.gracePeriodWritten ? '' : ' (default)'}; ≥ marks the earliest moment where something of unknown length comes first`,
    '',
  ];
  const line = (event: LifecycleEvent) => {
    const since = event.sinceShutdown
      ? `  (+${event.sinceShutdown.atLeast ? '≥' : ''}${event.sinceShutdown.seconds}s)`
      : '';
    const why = event.why ? `  ${event.why}` : '';
    return `${moment(event.at, event.atLeast).padStart(7)}  ${event.container.padEnd(width)}  ${event.event.padEnd(9)}${since}${why}`.trimEnd();
  };
  let shutdownShown = false;
  for (const event of lifecycle.events) {
    if (event.sinceShutdown && !shutdownShown && lifecycle.shutdownFrom) {
      shutdownShown = true;
      const cause =
        lifecycle.shutdownFrom.cause === 'deletion'
          ? 'deletion requested (the pod is ready)'
          : 'the last regular container exited';
      lines.push(
        `${moment(lifecycle.shutdownFrom.at, lifecycle.shutdownFrom.atLeast).padStart(7)}  -- ${cause}: shutdown begins --`,
      );
    }
    lines.push(line(event));
  }
  const waiting = lifecycle.containers.filter((container) => !container.starts);
  if (waiting.length > 0) lines.push(`         never start: ${waiting.map((container) => container.name).join(', ')}`);
  if (lifecycle.flags.length > 0) {
    lines.push('', 'What the timeline shows:');
    for (const flag of lifecycle.flags) lines.push(`  ${flag.severity} ${flag.code}: ${flag.message}`);
  }
  return `${lines.join('\n')}\n`;
}
