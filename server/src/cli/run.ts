import { createLanguageService, type LanguageService } from '../service';
import { ConfigError, UsageError } from './args';
import { DESCRIBE_USAGE, runDescribe } from './describe';
import { EXIT_USAGE, stderrLogger, type CliIO } from './io';
import { ADD_USAGE, runAdd } from './add';
import { INIT_USAGE, runInit } from './init';
import { LINT_HELP, LINT_USAGE, runLint } from './lint';
import { RULES_USAGE, runRulesCommand } from './rulesCommand';
import { runTimeline, TIMELINE_USAGE } from './timeline';
import { runTopology, TOPOLOGY_USAGE } from './topology';
import { CLI_VERSION } from './version';

type Command = (argv: readonly string[], io: CliIO, service: LanguageService) => number;

/** Subcommands by name; each feature adds its own. */
export const COMMANDS: Record<string, { readonly usage: string; readonly help?: string; readonly run: Command }> = {
  lint: { usage: LINT_USAGE, help: LINT_HELP, run: runLint },
  describe: { usage: DESCRIBE_USAGE, run: runDescribe },
  rules: { usage: RULES_USAGE, run: runRulesCommand },
  topology: { usage: TOPOLOGY_USAGE, run: runTopology },
  timeline: { usage: TIMELINE_USAGE, run: runTimeline },
  add: { usage: ADD_USAGE, run: runAdd },
  init: { usage: INIT_USAGE, run: runInit },
};

function usage(): string {
  return [
    'Usage:',
    ...Object.values(COMMANDS).map((command) => `  ${command.usage}`),
    '  pod-patterns --version',
    '',
  ].join('\n');
}

/** Runs the CLI in-process and returns its exit code. */
export function runCli(argv: readonly string[], io: CliIO): number {
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-v') {
    io.stdout(`${CLI_VERSION}\n`);
    return 0;
  }
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(usage());
    return name === undefined ? EXIT_USAGE : 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(`pod-patterns: unknown command "${name}"\n${usage()}`);
    return EXIT_USAGE;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(command.help ?? `Usage: ${command.usage}\n`);
    return 0;
  }
  try {
    return command.run(rest, io, createLanguageService({ logger: stderrLogger(io.stderr) }));
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`pod-patterns ${name}: ${error.message}\nUsage: ${command.usage}\n`);
      return EXIT_USAGE;
    }
    if (error instanceof ConfigError) {
      io.stderr(`pod-patterns ${name}: invalid config\n${error.message}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
}
