import { linesOf } from '../text/lineBreaks';
/**
 * Gitignore-style path patterns, for `.gitignore` files, the config's `ignore` list and
 * `lint --ignore`. The subset of gitignore(5) that manifests repositories use:
 * - `#` comments and blank lines; `\#` and `\!` for a literal first character;
 * - `!pattern` re-includes what an earlier pattern excluded (not below an excluded folder);
 * - a trailing `/` matches folders only;
 * - a pattern with a `/` before its end is anchored to its base folder, one without matches at any depth;
 * - `*` and `?` within a path segment, `[abc]` classes, `**` across segments.
 */
interface IgnoreRule {
  readonly negated: boolean;
  readonly folderOnly: boolean;
  readonly matcher: RegExp;
}

export class IgnorePatterns {
  private readonly rules: IgnoreRule[] = [];

  /** The patterns of an ignore file's text, one a line whatever its line ends. */
  static fromFile(base: string, text: string): IgnorePatterns {
    return new IgnorePatterns(
      base,
      linesOf(text).map((line) => line.content),
    );
  }

  /** `base` is the folder the patterns are relative to, as a `/`-separated path ('' for the working folder). */
  constructor(
    readonly base: string,
    patterns: readonly string[],
  ) {
    for (const line of patterns) {
      const rule = compileRule(line);
      if (rule) this.rules.push(rule);
    }
  }

  get isEmpty(): boolean {
    return this.rules.length === 0;
  }

  /**
   * Whether the patterns exclude a path (relative to `base`, `/`-separated), checking its folders
   * first: as in git, nothing below an excluded folder comes back.
   */
  ignores(relativePath: string, isFolder: boolean): boolean {
    const segments = relativePath.split('/').filter((segment) => segment !== '' && segment !== '.');
    if (segments.includes('..')) return false;
    for (let depth = 1; depth < segments.length; depth++) {
      if (this.decide(segments.slice(0, depth).join('/'), true)) return true;
    }
    return segments.length > 0 && this.decide(segments.join('/'), isFolder);
  }

  private decide(path: string, isFolder: boolean): boolean {
    let ignored = false;
    for (const rule of this.rules) {
      if (rule.negated !== ignored) continue;
      if (rule.folderOnly && !isFolder) continue;
      if (rule.matcher.test(path)) ignored = !rule.negated;
    }
    return ignored;
  }
}

function compileRule(line: string): IgnoreRule | undefined {
  let pattern = line.replace(/(?<!\\)\s+$/, '');
  if (pattern === '' || pattern.startsWith('#')) return undefined;
  const negated = pattern.startsWith('!');
  if (negated) pattern = pattern.slice(1);
  if (pattern.startsWith('\\#') || pattern.startsWith('\\!')) pattern = pattern.slice(1);
  const folderOnly = pattern.endsWith('/');
  if (folderOnly) pattern = pattern.replace(/\/+$/, '');
  if (pattern.startsWith('./')) pattern = pattern.slice(2);
  if (pattern === '') return undefined;
  const anchored = pattern.includes('/');
  if (pattern.startsWith('/')) pattern = pattern.slice(1);
  const body = patternSource(pattern);
  // Unanchored patterns match a path's last segment at any depth.
  const source = anchored ? `^${body}$` : `^(?:.*/)?${body}$`;
  return { negated, folderOnly, matcher: new RegExp(source) };
}

function patternSource(pattern: string): string {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i]!;
    if (char === '*' && pattern[i + 1] === '*') {
      const atSegmentStart = i === 0 || pattern[i - 1] === '/';
      const atSegmentEnd = i + 2 === pattern.length || pattern[i + 2] === '/';
      if (atSegmentStart && atSegmentEnd) {
        if (i + 2 === pattern.length) source += '.*';
        else {
          source += '(?:.*/)?';
          i++;
        }
        i++;
        continue;
      }
      source += '[^/]*';
      i++;
    } else if (char === '*') {
      source += '[^/]*';
    } else if (char === '?') {
      source += '[^/]';
    } else if (char === '[') {
      const close = pattern.indexOf(']', i + 2);
      if (close < 0) {
        source += '\\[';
        continue;
      }
      const inner = pattern
        .slice(i + 1, close)
        .replace(/^!/, '^')
        .replace(/\\/g, '\\\\');
      source += `[${inner}]`;
      i = close;
    } else if (char === '\\' && i + 1 < pattern.length) {
      source += escapeRegExp(pattern[++i]!);
    } else {
      source += escapeRegExp(char);
    }
  }
  return source;
}

function escapeRegExp(char: string): string {
  return char.replace(/[.+^${}()|[\]\\/]/g, '\\$&');
}
