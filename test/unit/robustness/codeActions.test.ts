import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { CST, Parser } from 'yaml';
import { DEFAULT_SETTINGS, ParsedFile } from '../../../server/src/service';
import { fixesFor } from '../../../server/src/service/actions';
import { THROWING_LOGGER } from '../../../server/src/service/logger';
import { insertPatternActions } from '../../../server/src/service/actions/insertPatternActions';
import { applyEdits, type OffsetEdit } from '../../../server/src/service/edits/textEdits';
import type { YNode } from '../../../server/src/service/yaml/nodes';
import { loadSeeds } from './fuzzing';

/** A comment or a `key: scalar` pair of the text, with where it is. */
interface Item {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

function pairsOf(node: YNode | null | undefined, offset: number, out: Item[]): void {
  if (!node) return;
  if (node.kind === 'seq') for (const item of node.items) pairsOf(item, offset, out);
  if (node.kind !== 'map') return;
  for (const pair of node.pairs) {
    if (pair.value === null || pair.value.kind === 'scalar') {
      const value = pair.value === null ? null : pair.value.value;
      out.push({
        text: `${String(pair.key.value)}=${JSON.stringify(value)}`,
        start: offset + pair.range.start,
        end: offset + pair.range.end,
      });
    } else {
      pairsOf(pair.value, offset, out);
    }
  }
}

/** Every comment token of the syntax tree (comments are kept by the parser wherever they sit). */
function commentsOf(value: unknown, offset: number, out: Item[]): void {
  if (Array.isArray(value)) {
    for (const item of value) commentsOf(item, offset, out);
  } else if (value && typeof value === 'object') {
    const token = value as Partial<CST.SourceToken>;
    if (token.type === 'comment' && typeof token.offset === 'number' && typeof token.source === 'string') {
      out.push({ text: token.source, start: offset + token.offset, end: offset + token.offset + token.source.length });
      return;
    }
    for (const child of Object.values(value)) commentsOf(child, offset, out);
  }
}

function itemsOf(analysis: ParsedFile): Item[] {
  const out: Item[] = [];
  for (const document of analysis.documents) {
    pairsOf(document.model.root, document.offset, out);
    commentsOf(Array.from(new Parser().parse(document.model.text)), document.offset, out);
  }
  return out;
}

/** Whether an edit touches an item: replaces part of it, or inserts strictly inside it. */
function touches(edit: OffsetEdit, item: Item): boolean {
  if (edit.start === edit.end) return item.start < edit.start && edit.start < item.end;
  return edit.start < item.end && item.start < edit.end;
}

const errorCount = (analysis: ParsedFile) =>
  analysis.findings(DEFAULT_SETTINGS).filter((finding) => finding.severity === 'error').length;
const syntaxCount = (analysis: ParsedFile) =>
  analysis
    .findings(DEFAULT_SETTINGS)
    .filter((finding) => finding.code === 'yaml-syntax' || finding.code === 'duplicate-key').length;

/**
 * Applies edits and checks that nothing was lost: the result parses as well as the
 * original did, adds no error, and keeps every comment and every key/value pair the
 * edits did not touch. Returns a failure description, or undefined.
 */
function checkEdits(
  before: ParsedFile,
  beforeItems: readonly Item[],
  edits: readonly OffsetEdit[],
): string | undefined {
  const after = new ParsedFile(applyEdits(before.text, edits));
  if (syntaxCount(after) > syntaxCount(before)) return 'the result does not parse';
  if (errorCount(after) > errorCount(before)) {
    return `new error: ${after
      .findings(DEFAULT_SETTINGS)
      .filter((finding) => finding.severity === 'error')
      .map((finding) => `${finding.code} ${finding.message}`)
      .join('; ')}`;
  }
  const remaining = new Map<string, number>();
  for (const item of itemsOf(after)) remaining.set(item.text, (remaining.get(item.text) ?? 0) + 1);
  for (const item of beforeItems) {
    if (edits.some((edit) => touches(edit, item))) continue;
    const left = remaining.get(item.text) ?? 0;
    if (left === 0) return `lost ${JSON.stringify(item.text)}`;
    remaining.set(item.text, left - 1);
  }
  return undefined;
}

describe('code actions lose nothing (every insert action and quick fix, on every pod of the seed files)', () => {
  it('each result parses, adds no error and keeps every untouched comment and key/value', () => {
    const counts = { files: 0, pods: 0, inserts: 0, refused: 0, fixes: 0, findingsWithFixes: 0 };
    const failures: string[] = [];
    for (const seed of loadSeeds(() => undefined)) {
      const analysis = new ParsedFile(seed.text);
      if (!analysis.hasPods) continue;
      counts.files++;
      const items = itemsOf(analysis);
      for (const { document, pod } of analysis.pods) {
        counts.pods++;
        for (const action of insertPatternActions(
          analysis,
          document.offset + pod.kindPair.range.start,
          DEFAULT_SETTINGS,
        )) {
          if (action.disabledReason !== undefined) {
            counts.refused++;
            continue;
          }
          const failure = checkEdits(analysis, items, action.edits);
          if (failure) failures.push(`${seed.name} (${pod.name ?? 'unnamed'}) ${action.title}: ${failure}`);
          counts.inserts++;
        }
      }
      for (const finding of analysis.findings(DEFAULT_SETTINGS)) {
        const offered = fixesFor(
          analysis,
          { code: finding.code, start: finding.range.start, end: finding.range.end, data: finding.data },
          DEFAULT_SETTINGS,
          THROWING_LOGGER,
        );
        if (offered.length > 0) counts.findingsWithFixes++;
        for (const fix of offered) {
          const failure = checkEdits(analysis, items, fix.edits);
          if (failure) failures.push(`${seed.name} ${finding.code} → ${fix.title}: ${failure}`);
          counts.fixes++;
        }
      }
    }
    console.log(
      `code actions applied: ${counts.inserts} insertions (${counts.refused} refused with a reason) on ${counts.pods} pods in ${counts.files} files, ` +
        `${counts.fixes} quick fixes for ${counts.findingsWithFixes} findings; ${failures.length} lost something`,
    );
    assert.deepEqual(failures.slice(0, 20), []);
    assert.ok(counts.inserts > 0 && counts.fixes > 0);
  });
});
