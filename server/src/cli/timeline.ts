import { resolveSettings, type LanguageService } from '../service';
import { renderLifecycleScene } from '../shared/lifecycle/scene';
import { lifecycleText } from '../shared/lifecycle/text';
import { sceneToSvgString } from '../shared/topology/svgString';
import { lastFlag, parseArgs, UsageError, widthOption } from './args';
import type { CliIO } from './io';
import { pickPod, writeOutput } from './podTarget';

export const TIMELINE_USAGE = `pod-patterns timeline [--format text|json|svg] [--theme light|dark] [--width PX] [--pod N] [--output FILE] <file|->`;

/** Prints the simulated startup and shutdown of one pod of a file (the first, or the Nth with --pod). */
export function runTimeline(argv: readonly string[], io: CliIO, service: LanguageService): number {
  const args = parseArgs(argv, { valued: ['format', 'theme', 'output', 'pod', 'width'], boolean: [] });
  const format = lastFlag(args, 'format') ?? 'text';
  if (format !== 'text' && format !== 'json' && format !== 'svg')
    throw new UsageError(`--format must be text, json or svg, not "${format}"`);
  const theme = lastFlag(args, 'theme') ?? 'light';
  if (theme !== 'light' && theme !== 'dark') throw new UsageError(`--theme must be light or dark, not "${theme}"`);
  const fit = widthOption(args);
  const picked = pickPod(args.positionals, lastFlag(args, 'pod'), io, service);
  if (typeof picked === 'number') return picked;
  const lifecycle = service.lifecycle(picked.file, picked.target, resolveSettings({}))!;
  const output =
    format === 'json'
      ? `${JSON.stringify(lifecycle, null, 2)}\n`
      : format === 'svg'
        ? sceneToSvgString(renderLifecycleScene(lifecycle, fit), theme)
        : lifecycleText(lifecycle);
  return writeOutput(output, lastFlag(args, 'output'), io);
}
