import { ParsedFile, resolveSettings, type FileFinding, type ServiceSettings } from '../../server/src/service';

/** Lints a text with the service and returns findings with 0-based line/character ranges. */
export function lintText(text: string, settings: Partial<ServiceSettings> = {}) {
  const analysis = new ParsedFile(text);
  return analysis.findings(resolveSettings(settings)).map((finding) => located(analysis, finding));
}

export function located(analysis: ParsedFile, finding: FileFinding) {
  const start = analysis.lineIndex.positionAt(finding.range.start);
  const end = analysis.lineIndex.positionAt(finding.range.end);
  return { ...finding, start, end, text: analysis.text.slice(finding.range.start, finding.range.end) };
}

/** Removes a common leading indentation so inline YAML fixtures can be indented with the test code. */
export function yaml(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = strings.reduce((out, part, i) => out + part + (i < values.length ? String(values[i]) : ''), '');
  const lines = raw.replace(/^\n/, '').split('\n');
  const indent = Math.min(...lines.filter((line) => line.trim()).map((line) => line.match(/^ */)![0].length));
  return lines.map((line) => line.slice(indent)).join('\n');
}

/**
 * The offset of the `|` in `marked`, found at the `nth` (0-based) place the text holds `marked`
 * without it: `offsetOfMarker(text, 'port: h|ttp')` is the offset of the `t` after `h`.
 */
export function offsetOfMarker(text: string, marked: string, nth = 0): number {
  const needle = marked.replace('|', '');
  let found = -1;
  for (let i = 0; i <= nth; i++) {
    found = text.indexOf(needle, found + 1);
    if (found < 0) throw new Error(`"${needle}" #${nth} is not in the text`);
  }
  return found + Math.max(0, marked.indexOf('|'));
}
