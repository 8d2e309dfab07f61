import { parseArgs as parseArgTokens } from 'node:util';

/** A usage mistake: printed with the command's usage, exit code 2. */
export class UsageError extends Error {}

/** A config file that cannot be used: its problems (file:line:col: what) are printed, exit code 2. */
export class ConfigError extends Error {}

export interface ParsedArgs {
  readonly positionals: string[];
  /** Every value of each flag given, in order (`true` for a flag without a value). */
  readonly flags: Map<string, string[]>;
}

export interface FlagSpec {
  /** Flags that take a value (`--format json` or `--format=json`). */
  readonly valued: readonly string[];
  /** Flags that stand alone. */
  readonly boolean: readonly string[];
}

/**
 * Strict arguments: unknown flags are usage errors, never ignored. `node:util` splits the
 * arguments; its own strict mode is off so that each mistake gets our message (it is the
 * CLI's documented output), checked token by token in the order given.
 */
export function parseArgs(argv: readonly string[], spec: FlagSpec): ParsedArgs {
  const options: Record<string, { type: 'string' | 'boolean'; multiple: true }> = {};
  for (const name of spec.valued) options[name] = { type: 'string', multiple: true };
  for (const name of spec.boolean) options[name] = { type: 'boolean', multiple: true };
  const { tokens } = parseArgTokens({ args: [...argv], options, strict: false, allowPositionals: true, tokens: true });
  const positionals: string[] = [];
  const flags = new Map<string, string[]>();
  const push = (name: string, value: string) => flags.set(name, [...(flags.get(name) ?? []), value]);
  for (const token of tokens) {
    if (token.kind === 'positional') {
      positionals.push(token.value);
    } else if (token.kind === 'option') {
      // Named as written: a short option group whole (`-abc`), a long option without its `=value`.
      const raw = argv[token.index]!;
      const written = raw.startsWith('--') && raw.includes('=') ? raw.slice(0, raw.indexOf('=')) : raw;
      if (spec.valued.includes(token.name)) {
        if (token.value === undefined) throw new UsageError(`${written} needs a value`);
        push(token.name, token.value);
      } else if (spec.boolean.includes(token.name) && !token.inlineValue) {
        push(token.name, 'true');
      } else {
        throw new UsageError(`unknown option ${written}`);
      }
    }
  }
  return { positionals, flags };
}

export function lastFlag(args: ParsedArgs, name: string): string | undefined {
  const values = args.flags.get(name);
  return values?.[values.length - 1];
}

/** `--width PX` of the picture commands: the width to lay the picture out for, as the preview does for its panel. */
export function widthOption(args: ParsedArgs): { maxWidth?: number } {
  const width = pixelsOption(args, 'width');
  return width === undefined ? {} : { maxWidth: width };
}

/** `--height PX` of the topology: the panel's height, as the preview gives it (a pod too tall for it is drawn compact). */
export function heightOption(args: ParsedArgs): { maxHeight?: number } {
  const height = pixelsOption(args, 'height');
  return height === undefined ? {} : { maxHeight: height };
}

function pixelsOption(args: ParsedArgs, name: string): number | undefined {
  const value = lastFlag(args, name);
  if (value === undefined) return undefined;
  if (!/^[1-9]\d{2,4}$/.test(value))
    throw new UsageError(`--${name} takes a number of pixels from 100, not "${value}"`);
  return Number(value);
}
