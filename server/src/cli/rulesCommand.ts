import type { LanguageService, RuleCatalogueEntry } from '../service';
import { lastFlag, parseArgs, UsageError } from './args';
import { EXIT_OK, type CliIO } from './io';

export const RULES_USAGE = 'pod-patterns rules [--format text|json] [--category api|pattern|practice]';

const CATEGORIES = ['api', 'pattern', 'practice'];

function textTable(entries: readonly RuleCatalogueEntry[]): string {
  const idWidth = Math.max(2, ...entries.map((entry) => entry.id.length));
  const lines = entries.map((entry) => {
    const since = entry.minVersion ? ` (from ${entry.minVersion})` : '';
    return `${entry.id.padEnd(idWidth)}  ${entry.category.padEnd(8)}  ${entry.severity.padEnd(11)}  ${entry.summary}${since}`;
  });
  return [`${'ID'.padEnd(idWidth)}  CATEGORY  SEVERITY     SUMMARY`, ...lines, `${entries.length} rules`, ''].join(
    '\n',
  );
}

/** Lists the rules with their category, default severity and summary. */
export function runRulesCommand(argv: readonly string[], io: CliIO, service: LanguageService): number {
  const args = parseArgs(argv, { valued: ['format', 'category'], boolean: [] });
  if (args.positionals.length > 0) throw new UsageError(`unexpected argument "${args.positionals[0]}"`);
  const format = lastFlag(args, 'format') ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not "${format}"`);
  const category = lastFlag(args, 'category');
  if (category !== undefined && !CATEGORIES.includes(category))
    throw new UsageError(`--category must be one of ${CATEGORIES.join(', ')}, not "${category}"`);
  const entries = service.rules.filter((entry) => category === undefined || entry.category === category);
  if (format === 'json') {
    const rules = entries.map((entry) => ({ ...entry, docs: service.docsUrl(entry.id) }));
    io.stdout(`${JSON.stringify({ rules }, null, 2)}\n`);
  } else {
    io.stdout(textTable(entries));
  }
  return EXIT_OK;
}
