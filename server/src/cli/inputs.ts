import { isAscii, isUtf8 } from 'node:buffer';
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { IgnorePatterns, PROJECT_CONFIG_FILE } from '../service';

/** A file to lint: its display path and text, or why it could not be read. */
export type Input =
  { readonly path: string; readonly text: string } | { readonly path: string; readonly error: string };

export interface InputOptions {
  readonly readStdin: () => string;
  /** `--ignore` and the config files' `ignore`: applies to every path, named or found. */
  readonly isIgnored: (absolutePath: string, isFolder: boolean) => boolean;
  /** Whether `.gitignore` files exclude what folders and globs find (named files are always linted). */
  readonly gitignore: boolean;
}

/**
 * A file to lint, not read yet: `lint` reads each one when its turn comes and drops its text once
 * linted, so a run holds one file's text at a time (per thread), however many files it lints.
 */
export type InputSource =
  | { readonly path: string; readonly from: 'file' }
  | { readonly path: typeof STDIN_PATH; readonly from: 'stdin' }
  | { readonly path: string; readonly error: string };

export interface CollectedInputs {
  readonly inputs: InputSource[];
  /** Arguments that name nothing to lint: usage errors, reported before any linting. */
  readonly unmatched: { readonly path: string; readonly error: string }[];
}

/** What `<stdin>` is called in reports. */
export const STDIN_PATH = '<stdin>';

const YAML_FILE = /\.ya?ml$/i;
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

/**
 * Expands files, folders (recursively, *.yaml and *.yml) and glob patterns; `-` reads stdin.
 * Symbolic links are followed, each real folder and file taken once, so a link cycle ends.
 */
export function collectInputs(args: readonly string[], options: InputOptions): CollectedInputs {
  const inputs: InputSource[] = [];
  const unmatched: { path: string; error: string }[] = [];
  const seenFiles = new Set<string>();
  const gitignores = new GitignoreStack();
  const add = (file: string) => {
    const real = realPath(file);
    if (seenFiles.has(real)) return;
    seenFiles.add(real);
    inputs.push({ path: file, from: 'file' });
  };
  const walkOptions = { ...options, gitignores };
  for (const arg of args) {
    if (arg === '-') {
      inputs.push({ path: STDIN_PATH, from: 'stdin' });
      continue;
    }
    let stats;
    try {
      stats = statSync(arg);
    } catch (error) {
      if (/[*?[]/.test(arg)) {
        const matches = expandGlob(arg, walkOptions);
        if (matches.length === 0) unmatched.push({ path: arg, error: 'no file matches this pattern' });
        matches.forEach(add);
      } else if (
        (error as NodeJS.ErrnoException).code === 'ENOENT' ||
        (error as NodeJS.ErrnoException).code === 'ENOTDIR'
      ) {
        unmatched.push({ path: arg, error: 'no such file or directory' });
      } else {
        inputs.push({ path: arg, error: describeError(error) });
      }
      continue;
    }
    if (stats.isDirectory()) {
      const found = walk(arg, walkOptions, new Set());
      if (found.length === 0)
        unmatched.push({
          path: arg,
          error: 'no YAML files (*.yaml, *.yml) in this folder, or all of them are ignored',
        });
      found.forEach(add);
    } else if (!options.isIgnored(path.resolve(arg), false)) {
      add(arg);
    }
  }
  return { inputs, unmatched };
}

/** The inputs of commands without ignore patterns (`describe`, `topology`): what names nothing is an unreadable input. */
export function readInputs(args: readonly string[], readStdin: () => string): Input[] {
  const collected = collectInputs(args, { readStdin, isIgnored: () => false, gitignore: true });
  return [...collected.unmatched, ...collected.inputs.map((source) => readSource(source, readStdin))];
}

/** Reads one input now: its text, or why it cannot be read. */
export function readSource(source: InputSource, readStdin: () => string): Input {
  if ('error' in source) return source;
  try {
    return { path: source.path, text: source.from === 'stdin' ? readStdin() : readTextFile(source.path) };
  } catch (error) {
    return { path: source.path, error: describeError(error) };
  }
}

/** Why a command that rewrites files leaves one alone that is not UTF-8. */
export const NOT_UTF8 =
  'the file is not valid UTF-8 (rewriting it would replace its non-UTF-8 characters); convert it to UTF-8 first';

/**
 * Bytes decoded as UTF-8 exactly (a byte order mark kept), or undefined when they are not UTF-8: a
 * Latin-1 `café` would decode as `caf\uFFFD`, and a command that rewrites the file would write that back.
 */
export function exactUtf8(bytes: Buffer): string | undefined {
  return isUtf8(bytes) ? bytes.toString('utf8') : undefined;
}

/** A file's text as UTF-8; throws, saying why, when it is not UTF-8 (`readSource` reports the file as unreadable). */
export function readTextFile(file: string): string {
  return utf8Text(readFileSync(file));
}

/**
 * Bytes as UTF-8 text, or an error that says why they are not: decoded leniently, UTF-16 becomes a
 * NUL between every two characters and Latin-1 gets U+FFFD, so the file would be "checked" with no
 * pod found in it and no word why. Most manifests are plain ASCII, which decodes faster as Latin-1
 * to the very same string (a third of the time `toString('utf8')` takes on a large file).
 */
export function utf8Text(bytes: Buffer): string {
  if (isAscii(bytes)) return bytes.toString('latin1');
  const text = exactUtf8(bytes);
  if (text === undefined) throw new Error(notUtf8Reason(bytes));
  return text;
}

/** Why bytes that are not UTF-8 are not checked: UTF-16 (what some Windows editors save as "Unicode") named by its byte order mark. */
function notUtf8Reason(bytes: Uint8Array): string {
  const byteOrderMark =
    bytes[0] === 0xff && bytes[1] === 0xfe ? 'FF FE' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'FE FF' : undefined;
  const encoding = byteOrderMark ? `UTF-16 text (byte order mark ${byteOrderMark}), not UTF-8` : 'not valid UTF-8 text';
  return `it is ${encoding}, so it was not checked; convert it to UTF-8`;
}

interface WalkOptions extends InputOptions {
  readonly gitignores: GitignoreStack;
}

/** YAML files below `folder`, sorted, skipping node_modules, .git and ignored paths; `visited` holds real folders. */
function walk(
  folder: string,
  options: WalkOptions,
  visited: Set<string>,
  keep: (file: string) => boolean = (file) => YAML_FILE.test(file),
): string[] {
  const real = realPath(folder);
  if (visited.has(real)) return [];
  visited.add(real);
  const out: string[] = [];
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return out;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = folder === '.' ? entry.name : path.join(folder, entry.name);
    let isFolder = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      try {
        const target = statSync(full);
        isFolder = target.isDirectory();
        isFile = target.isFile();
      } catch {
        continue; // A dangling link names nothing to lint.
      }
    }
    if (isFolder && SKIPPED_FOLDERS.has(entry.name)) continue;
    if (!isFolder && !isFile) continue;
    if (isFile && (entry.name === PROJECT_CONFIG_FILE || !keep(full))) continue;
    const absolute = path.resolve(full);
    if (options.isIgnored(absolute, isFolder)) continue;
    if (options.gitignore && options.gitignores.ignores(absolute, isFolder)) continue;
    if (isFolder) out.push(...walk(full, options, visited, keep));
    else out.push(full);
  }
  return out;
}

/**
 * The `.gitignore` files that govern a path: those in its folder and each folder above it up
 * to the repository's top (the folder holding `.git`), read once each.
 */
class GitignoreStack {
  private readonly byFolder = new Map<string, IgnorePatterns | null>();
  /** Per folder, the patterns that govern its entries, nearest first: a folder of many files is looked up once. */
  private readonly chains = new Map<string, readonly { folder: string; patterns: IgnorePatterns }[]>();

  ignores(absolutePath: string, isFolder: boolean): boolean {
    for (const { folder, patterns } of this.chainOf(path.dirname(absolutePath)))
      if (patterns.ignores(path.relative(folder, absolutePath).split(path.sep).join('/'), isFolder)) return true;
    return false;
  }

  private chainOf(folder: string): readonly { folder: string; patterns: IgnorePatterns }[] {
    let chain = this.chains.get(folder);
    if (chain === undefined) {
      const patterns = this.patternsIn(folder);
      const parent = path.dirname(folder);
      const atTop = parent === folder || existsSync(path.join(folder, '.git'));
      chain = [...(patterns ? [{ folder, patterns }] : []), ...(atTop ? [] : this.chainOf(parent))];
      this.chains.set(folder, chain);
    }
    return chain;
  }

  private patternsIn(folder: string): IgnorePatterns | null {
    let patterns = this.byFolder.get(folder);
    if (patterns === undefined) {
      let text: string | undefined;
      try {
        text = readFileSync(path.join(folder, '.gitignore'), 'utf8');
      } catch {
        text = undefined;
      }
      patterns = text === undefined ? null : IgnorePatterns.fromFile(folder, text);
      this.byFolder.set(folder, patterns);
    }
    return patterns;
  }
}

/** `*` matches within a path segment, `**` across segments, `?` one character. */
export function globToRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i]!;
    if (char === '*') {
      if (pattern[i + 1] === '*') {
        const slashAfter = pattern[i + 2] === '/';
        source += slashAfter ? '(?:.*/)?' : '.*';
        i += slashAfter ? 2 : 1;
      } else {
        source += '[^/]*';
      }
    } else if (char === '?') {
      source += '[^/]';
    } else {
      source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
  }
  return new RegExp(`^${source}$`);
}

function expandGlob(pattern: string, options: WalkOptions): string[] {
  const normalised = pattern.split(path.sep).join('/');
  const firstWild = normalised.search(/[*?[]/);
  const base = normalised.slice(0, normalised.lastIndexOf('/', firstWild) + 1) || './';
  const matcher = globToRegExp(normalised.startsWith('./') ? normalised.slice(2) : normalised);
  const matches = (file: string) => matcher.test(file.split(path.sep).join('/').replace(/^\.\//, ''));
  return walk(base === './' ? '.' : base.replace(/\/$/, ''), options, new Set(), matches);
}

function realPath(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return path.resolve(file);
  }
}

function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return error instanceof Error ? error.message : String(error);
}
