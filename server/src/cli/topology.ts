import { resolveSettings, type LanguageService } from '../service';
import { layoutTopology } from '../shared/topology/layout';
import { renderTopologyScene } from '../shared/topology/scene';
import { sceneToSvgString } from '../shared/topology/svgString';
import { heightOption, lastFlag, parseArgs, UsageError, widthOption } from './args';
import type { CliIO } from './io';
import { pickPod, writeOutput } from './podTarget';

export const TOPOLOGY_USAGE = `pod-patterns topology [--format svg|json] [--theme light|dark] [--width PX] [--height PX] [--pod N] [--output FILE] <file|->`;

/** Draws the topology of one pod of a file (the first, or the Nth with --pod) as SVG, or prints its graph as JSON. */
export function runTopology(argv: readonly string[], io: CliIO, service: LanguageService): number {
  const args = parseArgs(argv, { valued: ['format', 'theme', 'output', 'pod', 'width', 'height'], boolean: [] });
  const format = lastFlag(args, 'format') ?? 'svg';
  if (format !== 'svg' && format !== 'json') throw new UsageError(`--format must be svg or json, not "${format}"`);
  const theme = lastFlag(args, 'theme') ?? 'light';
  if (theme !== 'light' && theme !== 'dark') throw new UsageError(`--theme must be light or dark, not "${theme}"`);
  const fit = { ...widthOption(args), ...heightOption(args) };
  const picked = pickPod(args.positionals, lastFlag(args, 'pod'), io, service);
  if (typeof picked === 'number') return picked;
  const graph = service.topologyGraph(picked.file, picked.target, resolveSettings({}))!;
  const output =
    format === 'json'
      ? `${JSON.stringify(graph, null, 2)}\n`
      : sceneToSvgString(renderTopologyScene(graph, layoutTopology(graph, fit)), theme);
  return writeOutput(output, lastFlag(args, 'output'), io);
}
