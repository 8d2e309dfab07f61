import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';

/** A file to lint: its display path and text, or why it could not be read. */
export type Input = { readonly path: string; readonly text: string } | { readonly path: string; readonly error: string };

const YAML_FILE = /\.ya?ml$/i;
const SKIPPED_DIRS = new Set(['node_modules', '.git']);

/** Expands files, directories (recursively, *.yaml and *.yml) and glob patterns; `-` reads stdin. */
export function collectInputs(args: readonly string[], readStdin: () => string): Input[] {
  const inputs: Input[] = [];
  const seen = new Set<string>();
  const add = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    try {
      inputs.push({ path: file, text: readFileSync(file, 'utf8') });
    } catch (error) {
      inputs.push({ path: file, error: describeError(error) });
    }
  };
  for (const arg of args) {
    if (arg === '-') {
      try {
        inputs.push({ path: '<stdin>', text: readStdin() });
      } catch (error) {
        inputs.push({ path: '<stdin>', error: describeError(error) });
      }
      continue;
    }
    let stats;
    try {
      stats = statSync(arg);
    } catch {
      if (/[*?[]/.test(arg)) {
        const matches = expandGlob(arg);
        if (matches.length === 0) inputs.push({ path: arg, error: 'no file matches this pattern' });
        matches.forEach(add);
      } else {
        inputs.push({ path: arg, error: 'no such file or directory' });
      }
      continue;
    }
    if (stats.isDirectory()) walk(arg, (name) => YAML_FILE.test(name)).forEach(add);
    else add(arg);
  }
  return inputs;
}

/** Files below `dir` (sorted, skipping node_modules and .git) that pass `keep`. */
function walk(dir: string, keep: (name: string) => boolean = () => true): string[] {
  const out: string[] = [];
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = dir === '.' ? entry.name : path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) out.push(...walk(full, keep));
    } else if (entry.isFile() && keep(entry.name)) {
      out.push(full);
    }
  }
  return out;
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

function expandGlob(pattern: string): string[] {
  const normalised = pattern.split(path.sep).join('/');
  const firstWild = normalised.search(/[*?[]/);
  const base = normalised.slice(0, normalised.lastIndexOf('/', firstWild) + 1) || './';
  const matcher = globToRegExp(normalised.startsWith('./') ? normalised.slice(2) : normalised);
  const files = walk(base === './' ? '.' : base.replace(/\/$/, ''));
  return files.filter((file) => matcher.test(file.split(path.sep).join('/').replace(/^\.\//, '')));
}

function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return error instanceof Error ? error.message : String(error);
}
