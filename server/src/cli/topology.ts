import { writeFileSync } from 'node:fs';
import { resolveSettings, type LanguageService } from '../service';
import { renderTopologyScene } from '../shared/topology/scene';
import { sceneToSvgString } from '../shared/topology/svgString';
import { lastFlag, parseArgs, UsageError } from './args';
import { readInputs } from './inputs';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, type CliIO } from './io';

export const TOPOLOGY_USAGE = `pod-patterns topology [--format svg|json] [--theme light|dark] [--pod N] [--output FILE] <file|->`;

/** Draws the topology of one pod of a file (the first, or the Nth with --pod) as SVG, or prints its graph as JSON. */
export function runTopology(argv: readonly string[], io: CliIO, service: LanguageService): number {
  const args = parseArgs(argv, { valued: ['format', 'theme', 'output', 'pod'], boolean: [] });
  const format = lastFlag(args, 'format') ?? 'svg';
  if (format !== 'svg' && format !== 'json') throw new UsageError(`--format must be svg or json, not "${format}"`);
  const theme = lastFlag(args, 'theme') ?? 'light';
  if (theme !== 'light' && theme !== 'dark') throw new UsageError(`--theme must be light or dark, not "${theme}"`);
  const podFlag = lastFlag(args, 'pod');
  if (podFlag !== undefined && !/^[1-9]\d*$/.test(podFlag)) throw new UsageError(`--pod takes a number from 1, not "${podFlag}"`);
  if (args.positionals.length !== 1) throw new UsageError('give exactly one file (or - for standard input)');

  const [input] = readInputs(args.positionals, io.readStdin);
  if (!input || 'error' in input) {
    io.stderr(`pod-patterns: cannot read ${args.positionals[0]}: ${input && 'error' in input ? input.error : 'no input'}\n`);
    return EXIT_USAGE;
  }
  const file = service.parseFile(input.text);
  const targets = service.topologyTargets(file);
  if (targets.length === 0) {
    io.stderr(`pod-patterns: ${input.path} holds no pod-bearing object (Pod, Deployment, Job, …)\n`);
    return EXIT_FINDINGS;
  }
  const position = podFlag === undefined ? 1 : Number(podFlag);
  const target = targets[position - 1];
  if (!target) {
    io.stderr(`pod-patterns: ${input.path} holds ${targets.length} pod${targets.length === 1 ? '' : 's'}, not ${position}:\n${targets.map((entry, index) => `  ${index + 1}. ${entry.label}\n`).join('')}`);
    return EXIT_USAGE;
  }
  const graph = service.topologyGraph(file, target, resolveSettings({}))!;
  const output = format === 'json' ? `${JSON.stringify(graph, null, 2)}\n` : sceneToSvgString(renderTopologyScene(graph), theme);
  const outputPath = lastFlag(args, 'output');
  if (outputPath === undefined) {
    io.stdout(output);
  } else {
    try {
      writeFileSync(outputPath, output, 'utf8');
    } catch (error) {
      io.stderr(`pod-patterns: cannot write ${outputPath}: ${error instanceof Error ? error.message : String(error)}\n`);
      return EXIT_USAGE;
    }
  }
  return EXIT_OK;
}
