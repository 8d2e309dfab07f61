import { resolveSettings } from '../service';
import { buildTopologyGraph, renderTopologyScene, sceneToSvgString } from '../service/topology';
import { lastFlag, parseArgs, UsageError } from './args';
import type { CliIO } from './io';
import { pickPod, writeOutput } from './podTarget';

export const TOPOLOGY_USAGE = `pod-patterns topology [--format svg|json] [--theme light|dark] [--pod N] [--output FILE] <file|->`;

/** Draws the topology of one pod of a file (the first, or the Nth with --pod) as SVG, or prints its graph as JSON. */
export function runTopology(argv: readonly string[], io: CliIO): number {
  const args = parseArgs(argv, { valued: ['format', 'theme', 'output', 'pod'], boolean: [] });
  const format = lastFlag(args, 'format') ?? 'svg';
  if (format !== 'svg' && format !== 'json') throw new UsageError(`--format must be svg or json, not "${format}"`);
  const theme = lastFlag(args, 'theme') ?? 'light';
  if (theme !== 'light' && theme !== 'dark') throw new UsageError(`--theme must be light or dark, not "${theme}"`);
  const picked = pickPod(args.positionals, lastFlag(args, 'pod'), io);
  if (typeof picked === 'number') return picked;
  const graph = buildTopologyGraph(picked.file, picked.target, resolveSettings({}))!;
  const output = format === 'json' ? `${JSON.stringify(graph, null, 2)}\n` : sceneToSvgString(renderTopologyScene(graph), theme);
  return writeOutput(output, lastFlag(args, 'output'), io);
}
