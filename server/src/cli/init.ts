import { existsSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  CONFIG_PRESETS,
  NEWEST_KUBERNETES_VERSION,
  PROJECT_CONFIG_FILE,
  RULE_LEVELS,
  type LanguageService,
} from '../service';
import { parseArgs, UsageError } from './args';
import { EXIT_OK, EXIT_USAGE, type CliIO } from './io';

export const INIT_USAGE = `pod-patterns init [--force] [--stdout] [folder]`;

/** A commented `.pod-patterns.yaml`: every setting shown with its default, the rules listed for copying. */
export function initialConfig(service: LanguageService): string {
  const example = service.rules.find((rule) => rule.severity === 'warning') ?? service.rules[0];
  return [
    '# Pod Patterns project settings, read by the pod-patterns CLI and the VS Code extension',
    '# (editor settings override them). Docs: https://github.com/pod-patterns/pod-patterns#project-config',
    '',
    `# The Kubernetes version (1.MINOR) the manifests target; version-dependent checks follow it.`,
    `kubernetesVersion: "${NEWEST_KUBERNETES_VERSION}"`,
    '',
    '# Check objects against the bundled strict schema; turn off when another tool already does.',
    'schemaValidation: true',
    '',
    `# A rule preset (${CONFIG_PRESETS.join(' or ')}).`,
    `# preset: ${CONFIG_PRESETS[0]}`,
    '',
    `# Rule id → level (${RULE_LEVELS.join(', ')}); \`pod-patterns rules\` lists the ids.`,
    'rules:',
    ...(example ? [`  # ${example.id}: error`] : []),
    '',
    '# Paths not to lint, gitignore-style, relative to this file (.gitignore is respected too).',
    'ignore:',
    '  # - charts/**/templates/',
    '',
  ].join('\n');
}

/** Writes a commented `.pod-patterns.yaml` into a folder (the working one by default). */
export function runInit(argv: readonly string[], io: CliIO, service: LanguageService): number {
  const args = parseArgs(argv, { valued: [], boolean: ['force', 'stdout'] });
  if (args.positionals.length > 1) throw new UsageError('give at most one folder');
  const text = initialConfig(service);
  if (args.flags.has('stdout')) {
    io.stdout(text);
    return EXIT_OK;
  }
  const target = path.join(path.resolve(io.cwd ?? process.cwd(), args.positionals[0] ?? '.'), PROJECT_CONFIG_FILE);
  if (existsSync(target) && !args.flags.has('force')) {
    io.stderr(`pod-patterns: ${target} exists (use --force to replace it)\n`);
    return EXIT_USAGE;
  }
  try {
    writeFileSync(target, text);
  } catch (error) {
    io.stderr(`pod-patterns: cannot write ${target}: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_USAGE;
  }
  io.stdout(`wrote ${target}\n`);
  return EXIT_OK;
}
