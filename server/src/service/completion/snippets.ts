import { CompletionItemKind } from 'vscode-languageserver-types';
import { POD_SNIPPETS, type SnippetScope } from './generated/snippets';

/** A snippet as a completion: `insertText` in LSP snippet syntax, replacing from the line's content to the cursor. */
export interface SnippetCompletion {
  readonly label: string;
  readonly kind: CompletionItemKind;
  readonly detail: string;
  readonly documentation: string;
  readonly insertText: string;
  readonly snippet: true;
  readonly replace: { readonly start: number; readonly end: number };
  /** What the client matches against the replaced text: the prefix, after the dash when one was typed. */
  readonly filterText: string;
  /** The text the snippet gives with its defaults, at column 0: shown as its documentation. */
  readonly preview: string;
}

/** Blank lines, comments and document markers: what may come before or after a document snippet. */
const NOTHING_WRITTEN = /^(?:[ \t]*(?:#[^\n]*)?(?:\r?\n|$)|---[ \t]*(?:#[^\n]*)?(?:\r?\n|$))*$/;
/** What may be typed on the cursor's line before a snippet is chosen: indentation, a dash, part of its prefix. */
const TYPED_PREFIX = /^([ \t]*)(-[ \t]*)?([\w-]*)$/;
const CONTAINER_LIST_KEY = /^[ \t]*(?:-[ \t]+)?(initContainers|containers):[ \t]*(?:#.*)?$/;

/**
 * The list a new item on the cursor's line would join, read from the lines above: the first
 * less indented line (or, for lists written without indentation under their key, a key line at
 * the same column) must be `containers:` or `initContainers:`, and every line at the item's
 * column between them a `- ` item of that list.
 */
function containerListAbove(lines: readonly string[], column: number): SnippetScope | undefined {
  for (let index = lines.length - 1; index >= 0; index--) {
    const line = lines[index]!.replace(/\r$/, '');
    if (/^[ \t]*(#.*)?$/.test(line)) continue;
    const indent = /^[ \t]*/.exec(line)![0].length;
    if (indent > column) continue;
    const key = CONTAINER_LIST_KEY.exec(line);
    if (key) return key[1] as SnippetScope;
    if (indent < column || !/^[ \t]*-(\s|$)/.test(line)) return undefined;
  }
  return undefined;
}

/**
 * The snippets that make sense at a cursor (document-relative `local`; ranges shifted by
 * `documentOffset`): whole documents at the start of an empty document, container entries on a
 * new item line of the matching container list, nothing elsewhere.
 */
export function snippetCompletions(text: string, local: number, documentOffset: number): SnippetCompletion[] {
  const lineStart = text.lastIndexOf('\n', local - 1) + 1;
  const lineEndAt = text.indexOf('\n', local);
  const lineEnd = lineEndAt < 0 ? text.length : lineEndAt;
  const typed = TYPED_PREFIX.exec(text.slice(lineStart, local));
  if (!typed || text.slice(local, lineEnd).trim() !== '') return [];
  const [, indent = '', dash] = typed;
  let scope: SnippetScope | undefined;
  if (
    !indent &&
    !dash &&
    NOTHING_WRITTEN.test(text.slice(0, lineStart)) &&
    NOTHING_WRITTEN.test(text.slice(lineEnd + 1))
  )
    scope = 'document';
  else scope = containerListAbove(text.slice(0, lineStart).split('\n').slice(0, -1), indent.length);
  if (!scope) return [];
  const lineBreak = text.includes('\r\n') ? '\r\n' : '\n';
  const replace = { start: documentOffset + lineStart + indent.length, end: documentOffset + local };
  return POD_SNIPPETS.filter((snippet) => snippet.scope === scope).map((snippet) => ({
    label: snippet.prefix,
    kind: CompletionItemKind.Snippet,
    detail: snippet.name,
    documentation: snippet.description,
    // Later lines follow the cursor line's indentation, so an entry lands inside its list.
    insertText: snippet.body.split('\n').join(lineBreak + indent),
    snippet: true,
    replace,
    // The replaced text starts at a typed dash: a client filtering on it (VS Code) needs the dash too.
    filterText: (dash ?? '') + snippet.prefix,
    preview: snippetAsPlainText(snippet.body),
  }));
}

/**
 * A snippet's text for a client without snippet support: each placeholder's default (the
 * first of a choice), tab stops removed, escapes resolved.
 */
export function snippetAsPlainText(body: string): string {
  return body
    .replace(/\$\{\d+\|([^,|]*)[^|]*\|\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\{\d+\}|\$\d+/g, '')
    .replace(/\\([$}\\])/g, '$1');
}
