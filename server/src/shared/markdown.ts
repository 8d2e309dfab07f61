/**
 * Text from the user's file (names, images, paths, keys) shown in Markdown (hovers). Markdown
 * renderers turn brackets into links, `!` into remote images, `<…>` into HTML, bare URLs into
 * links and blank lines into new blocks: a string from a file must render as the characters it
 * holds, nothing more.
 */

/** User strings longer than this are cut: a hover is not the place for a 1 MB key. */
export const MAX_MARKDOWN_TEXT = 300;

/** Line breaks and runs of spaces become one space: a user string stays inline, one paragraph. */
function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > MAX_MARKDOWN_TEXT ? `${flat.slice(0, MAX_MARKDOWN_TEXT)}…` : flat;
}

/**
 * Inline Markdown text that renders as exactly `text`: the characters that start Markdown
 * constructs are backslash-escaped (links, images, emphasis, code, HTML and entities, tables,
 * strikethrough), bare-URL and e-mail autolinks are broken (`https\://`, `www\.`, `a\@b`), and a
 * leading list or heading marker is escaped.
 */
export function escapeMarkdown(text: string): string {
  return oneLine(text)
    .replace(/[\\`*_{}[\]()<>#+!|~&@]/g, (char) => `\\${char}`)
    .replace(/:(?=\/\/)/g, '\\:')
    .replace(/\b(www)\./gi, '$1\\.')
    .replace(/^([-=]|\d+(?=[.)]))/, (marker) => (marker === '-' || marker === '=' ? `\\${marker}` : `${marker}\\`));
}

/**
 * An inline code span holding exactly `text`: fenced by more backticks than the longest run
 * inside it, padded when it starts or ends with a backtick. Nothing inside a code span is
 * interpreted (no links, images or HTML); line breaks would end it, so they become spaces.
 */
export function markdownCode(text: string): string {
  const flat = oneLine(text);
  const fence = '`'.repeat(longestBacktickRun(flat) + 1);
  const padding = flat.startsWith('`') || flat.endsWith('`') || flat.startsWith(' ') ? ' ' : '';
  return `${fence}${padding}${flat}${padding}${fence}`;
}

/** A fenced code block holding exactly `text` (lines kept): its fence is longer than any backtick run inside. */
export function markdownCodeBlock(text: string, language: string): string {
  const fence = '`'.repeat(Math.max(3, longestBacktickRun(text) + 1));
  return `${fence}${language}\n${text}\n${fence}`;
}

function longestBacktickRun(text: string): number {
  return Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
}
