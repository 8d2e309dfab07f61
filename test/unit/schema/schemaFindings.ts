import { lintText } from '../../support/text';

/** A schema finding with its range as zero-based [startLine, startChar, endLine, endChar]. */
export interface PlacedFinding {
  readonly range: [number, number, number, number];
  readonly message: string;
  readonly data: Readonly<Record<string, unknown>> | undefined;
}

/** Every `schema` finding the service reports for a file's text, placed in the file. */
export function schemaFindings(text: string): PlacedFinding[] {
  return lintText(text)
    .filter((finding) => finding.code === 'schema')
    .map((finding) => ({
      range: [finding.start.line, finding.start.character, finding.end.line, finding.end.character],
      message: finding.message,
      data: finding.data,
    }));
}

/** Joins lines so inline manifests keep their indentation visible in the test source. */
export function yaml(...lines: string[]): string {
  return `${lines.join('\n')}\n`;
}

/**
 * The first seven lines (0–6) of a Pod with one container, `app`: a test spreads it into `yaml(…)`
 * and writes the lines under test after it, so the ranges it asserts start at line 7.
 */
export const APP_POD: readonly string[] = [
  'apiVersion: v1',
  'kind: Pod',
  'metadata: {name: web}',
  'spec:',
  '  containers:',
  '  - name: app',
  '    image: nginx:1.27',
];
