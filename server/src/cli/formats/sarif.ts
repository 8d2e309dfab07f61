import { pathToFileURL } from 'node:url';
import type { RuleCatalogueEntry, Severity } from '../../service';
import { lspRange, relativeToRoot, shownFindings, type FileReport, type FormatContext } from './report';

const SARIF_LEVEL: Readonly<Record<Severity, 'error' | 'warning' | 'note'>> = {
  error: 'error',
  warning: 'warning',
  information: 'note',
  hint: 'note',
};

/** The base every repository-relative URI is resolved against (GitHub's code scanning reads it). */
export const SRCROOT = '%SRCROOT%';

/** Finding codes that are not rules: what they are, for the log's rule list. */
const NON_RULE_CODES: Readonly<Record<string, { readonly summary: string; readonly severity: Severity }>> = {
  'yaml-syntax': { summary: 'The YAML does not parse.', severity: 'error' },
  'duplicate-key': { summary: 'A map has the same key twice; the API server keeps only one.', severity: 'error' },
  schema: {
    summary:
      'The object does not match the strict Kubernetes schema (unknown field, wrong type, missing required field).',
    severity: 'error',
  },
  'template-skipped': { summary: 'A document with template expressions is not checked.', severity: 'information' },
  'too-many-findings': { summary: 'A document reported more findings than are listed.', severity: 'warning' },
};

export interface SarifTool {
  readonly version: string;
  readonly rules: readonly RuleCatalogueEntry[];
  readonly docsUrl: (code: string) => string | undefined;
}

/**
 * SARIF 2.1.0 for code scanning: URIs relative to the repository root under `%SRCROOT%`, the
 * full rule list from the catalogue, stable fingerprints, and the inputs that could not be read.
 */
export function formatSarif(reports: readonly FileReport[], context: FormatContext, tool: SarifTool): string {
  // Loaded here: hashing is for SARIF fingerprints only, and loading it costs every run start-up time.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createHash } = require('node:crypto') as typeof import('node:crypto');
  const rules = sarifRules(tool);
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const results = [];
  for (const report of reports) {
    const artifactLocation = artifactLocationOf(report.path, context.root);
    const seen = new Map<string, number>();
    for (const finding of shownFindings(report, context.quiet)) {
      const { start, end } = lspRange(finding);
      const lineText = finding.lineText ?? '';
      // Line numbers stay out of the fingerprint, so a finding keeps its identity when lines above it move.
      const identity = `${finding.code}\u0000${artifactLocation.uri}\u0000${lineText}`;
      const occurrence = (seen.get(identity) ?? 0) + 1;
      seen.set(identity, occurrence);
      const index = ruleIndex.get(finding.code);
      results.push({
        ruleId: finding.code,
        ...(index !== undefined ? { ruleIndex: index } : {}),
        level: SARIF_LEVEL[finding.severity],
        message: { text: finding.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation,
              region: {
                startLine: start.line + 1,
                startColumn: start.character + 1,
                endLine: end.line + 1,
                endColumn: end.character + 1,
              },
            },
          },
        ],
        partialFingerprints: {
          'podPatterns/v1': `${createHash('sha256').update(identity).digest('hex').slice(0, 32)}:${occurrence}`,
        },
      });
    }
  }
  const notifications = context.unreadable.map((input) => ({
    level: 'error',
    message: { text: `cannot read ${input.path}: ${input.error}` },
    locations: [{ physicalLocation: { artifactLocation: artifactLocationOf(input.path, context.root) } }],
  }));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'pod-patterns',
            version: tool.version,
            semanticVersion: tool.version,
            informationUri: 'https://github.com/pod-patterns/pod-patterns',
            rules,
          },
        },
        originalUriBaseIds: {
          [SRCROOT]: { uri: pathToFileURL(context.root.endsWith('/') ? context.root : `${context.root}/`).href },
        },
        invocations: [
          { executionSuccessful: context.unreadable.length === 0, toolExecutionNotifications: notifications },
        ],
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

/** Inside the repository: relative under `%SRCROOT%`; outside it: an absolute `file:` URI; stdin: `stdin`. */
function artifactLocationOf(
  filePath: string,
  root: string,
): { uri: string; uriBaseId?: string; description?: { text: string } } {
  if (filePath === '<stdin>') return { uri: 'stdin', description: { text: 'standard input' } };
  const relative = relativeToRoot(filePath, root);
  if (relative !== undefined) return { uri: relative.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
  return { uri: pathToFileURL(filePath).href };
}

function pascalCase(id: string): string {
  return id
    .split(/[^a-zA-Z0-9]+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join('');
}

/** Every rule of the catalogue, then the codes that are not rules, with what GitHub shows of each. */
function sarifRules(tool: SarifTool) {
  const entries: { id: string; summary: string; severity: Severity; category: string; details: string[] }[] =
    tool.rules.map((rule) => ({
      id: rule.id,
      summary: rule.summary,
      severity: rule.severity,
      category: rule.category,
      details: [
        ...(rule.minVersion ? [`Applies from Kubernetes ${rule.minVersion}.`] : []),
        ...(rule.maxVersion ? [`Applies up to Kubernetes ${rule.maxVersion}.`] : []),
        ...(rule.fix ? [`Fix: ${rule.fix}`] : []),
      ],
    }));
  for (const [id, meta] of Object.entries(NON_RULE_CODES))
    entries.push({
      id,
      summary: meta.summary,
      severity: meta.severity,
      category: id === 'schema' || id === 'yaml-syntax' || id === 'duplicate-key' ? 'api' : 'tool',
      details: [],
    });
  return entries.map((entry) => {
    const helpUri = tool.docsUrl(entry.id);
    const fullDescription = [entry.summary, ...entry.details].join(' ');
    const helpText = [
      fullDescription,
      ...(helpUri ? [`Documentation: ${helpUri}`] : []),
      `Silence one place with a "# pod-patterns-disable-next-line ${entry.id}" comment.`,
    ].join('\n');
    return {
      id: entry.id,
      name: pascalCase(entry.id),
      shortDescription: { text: entry.summary },
      fullDescription: { text: fullDescription },
      help: { text: helpText, markdown: helpText.replace(/\n/g, '\n\n') },
      ...(helpUri ? { helpUri } : {}),
      defaultConfiguration: { level: SARIF_LEVEL[entry.severity] },
      properties: { tags: ['kubernetes', entry.category], category: entry.category },
    };
  });
}
