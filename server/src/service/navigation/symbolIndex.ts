import type { AnalyzedDocument, ParsedFile } from '../parsedFile';
import { setSlot, slotOf } from '../slots';
import type { YScalar } from '../yaml/nodes';

/** The kinds of names navigation links inside a file. */
export type LinkKind =
  | 'volume'
  | 'port'
  | 'env'
  | 'container'
  | 'resourceClaim'
  | 'label'
  | 'configMap'
  | 'secret'
  | 'configMapKey'
  | 'secretKey';

/** One place a name is written, in file offsets (the name's own characters, quotes left out). */
export interface Occurrence {
  readonly start: number;
  readonly end: number;
  readonly role: 'definition' | 'reference';
  /**
   * Why this place cannot be rewritten by a rename, if it cannot: the source text differs from
   * the name (an escape in a quoted string) or the node is shared through a YAML alias.
   */
  readonly unwritable?: string;
  /** How a rename writes the new name here: alone in a scalar (quoted as needed) or inside a longer string. */
  readonly writeAs: 'scalar' | 'double' | 'single' | 'embedded';
}

/** A name and every place of the file linked to it. */
export interface LinkedSymbol {
  readonly kind: LinkKind;
  readonly name: string;
  /** Where the name is unique: symbols of one kind and scope may not share a name after a rename. */
  readonly scope: string;
  readonly occurrences: readonly Occurrence[];
}

/** Every linked name of a file; built once per parse, on first use. */
export class SymbolIndex {
  /** Sorted by start, one entry per distinct start. */
  private readonly places: { readonly occurrence: Occurrence; readonly symbol: LinkedSymbol }[];

  constructor(readonly symbols: readonly LinkedSymbol[]) {
    const byStart = new Map<number, { occurrence: Occurrence; symbol: LinkedSymbol }>();
    for (const symbol of symbols) {
      for (const occurrence of symbol.occurrences) byStart.set(occurrence.start, { occurrence, symbol });
    }
    this.places = [...byStart.values()].sort((a, b) => a.occurrence.start - b.occurrence.start);
  }

  /** The symbol whose occurrence touches `offset` (a cursor right after a name still counts). */
  symbolAt(offset: number): { readonly symbol: LinkedSymbol; readonly occurrence: Occurrence } | undefined {
    let low = 0;
    let high = this.places.length - 1;
    let found = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (this.places[mid]!.occurrence.start <= offset) {
        found = mid;
        low = mid + 1;
      } else high = mid - 1;
    }
    const place = found >= 0 ? this.places[found] : undefined;
    return place && offset <= place.occurrence.end ? place : undefined;
  }

  /** Symbols of a kind in a scope, for name clashes. */
  symbolsIn(kind: LinkKind, scope: string): LinkedSymbol[] {
    return this.symbols.filter((symbol) => symbol.kind === kind && symbol.scope === scope);
  }
}

/** Where link finders put what they find: a name of a kind in a scope, at one place. */
export interface LinkSink {
  add(kind: LinkKind, scope: string, name: string, occurrence: Occurrence | undefined): void;
}

interface RecordedLink {
  readonly kind: LinkKind;
  readonly scope: string;
  readonly name: string;
  readonly occurrence: Occurrence;
}

/**
 * The links found in one document, in offsets of the document's text: kept on its model, so
 * an edit elsewhere in the file costs only a replay of them at the document's new offset.
 */
export class RecordedLinks implements LinkSink {
  private readonly links: RecordedLink[] = [];

  add(kind: LinkKind, scope: string, name: string, occurrence: Occurrence | undefined): void {
    if (occurrence) this.links.push({ kind, scope, name, occurrence });
  }

  replayInto(sink: LinkSink, offset: number): void {
    for (const { kind, scope, name, occurrence } of this.links)
      sink.add(kind, scope, name, {
        ...occurrence,
        start: occurrence.start + offset,
        end: occurrence.end + offset,
      });
  }
}

/**
 * Collects occurrences under group keys, then merges groups that share a place: a Service
 * targetPort links to the ports of every pod it selects, so those become one symbol.
 */
export class SymbolCollector implements LinkSink {
  private readonly groups = new Map<
    string,
    { kind: LinkKind; name: string; scope: string; occurrences: Occurrence[] }
  >();

  add(kind: LinkKind, scope: string, name: string, occurrence: Occurrence | undefined): void {
    if (!occurrence) return;
    const key = `${kind}\u0000${scope}\u0000${name}`;
    let group = this.groups.get(key);
    if (!group) this.groups.set(key, (group = { kind, name, scope, occurrences: [] }));
    group.occurrences.push(occurrence);
  }

  build(): SymbolIndex {
    const groups = [...this.groups.values()];
    const parent = groups.map((_, index) => index);
    const root = (index: number): number => {
      while (parent[index] !== index) index = parent[index] = parent[parent[index]!]!;
      return index;
    };
    const ownerOfStart = new Map<number, number>();
    groups.forEach((group, index) => {
      for (const occurrence of group.occurrences) {
        const owner = ownerOfStart.get(occurrence.start);
        if (owner === undefined) ownerOfStart.set(occurrence.start, index);
        else parent[root(index)] = root(owner);
      }
    });
    const merged = new Map<
      number,
      { kind: LinkKind; name: string; scope: string; occurrences: Map<number, Occurrence> }
    >();
    groups.forEach((group, index) => {
      const top = root(index);
      let symbol = merged.get(top);
      if (!symbol) merged.set(top, (symbol = { ...groups[top]!, occurrences: new Map() }));
      for (const occurrence of group.occurrences) {
        const known = symbol.occurrences.get(occurrence.start);
        if (!known) {
          symbol.occurrences.set(occurrence.start, occurrence);
          continue;
        }
        // One place reached twice is an anchor and its alias: it stays a definition if either
        // says so, and a rename there would change every use of the anchor, so it is refused.
        const unwritable = known.unwritable ?? occurrence.unwritable;
        symbol.occurrences.set(occurrence.start, {
          ...known,
          role: known.role === 'definition' || occurrence.role === 'definition' ? 'definition' : 'reference',
          ...(unwritable ? { unwritable } : {}),
        });
      }
    });
    return new SymbolIndex(
      [...merged.values()].map((symbol) => ({
        kind: symbol.kind,
        name: symbol.name,
        scope: symbol.scope,
        occurrences: [...symbol.occurrences.values()].sort((a, b) => a.start - b.start),
      })),
    );
  }
}

/** The place of a scalar that holds a whole name, quotes left out. */
export function scalarOccurrence(
  document: AnalyzedDocument,
  node: YScalar | undefined | null,
  role: Occurrence['role'],
): Occurrence | undefined {
  if (!node || node.value === null || node.style === 'block') return undefined;
  const quoted = node.style === 'single' || node.style === 'double';
  const start = node.range.start + (quoted ? 1 : 0);
  const end = node.range.end - (quoted ? 1 : 0);
  if (end < start) return undefined;
  const written = document.model.text.slice(start, end);
  const unwritable = node.viaAlias
    ? 'it is reached through a YAML alias'
    : written !== String(node.value)
      ? 'it is written with escapes'
      : undefined;
  return {
    start: document.offset + start,
    end: document.offset + end,
    role,
    writeAs: node.style === 'single' ? 'single' : node.style === 'double' ? 'double' : 'scalar',
    ...(unwritable ? { unwritable } : {}),
  };
}

/** The place of a name written inside a longer scalar (`$(VAR)`, `name=role`), in document offsets. */
export function embeddedOccurrence(
  document: AnalyzedDocument,
  node: YScalar,
  start: number,
  end: number,
  role: Occurrence['role'],
): Occurrence {
  return {
    start: document.offset + start,
    end: document.offset + end,
    role,
    writeAs: 'embedded',
    ...(node.viaAlias ? { unwritable: 'it is reached through a YAML alias' } : {}),
  };
}

const INDEX = Symbol('symbol index');

/** The file's symbol index, built on first use and kept with the parse. */
export function symbolIndexOf(file: ParsedFile, build: (file: ParsedFile) => SymbolIndex): SymbolIndex {
  return slotOf<SymbolIndex>(file, INDEX) ?? setSlot(file, INDEX, build(file));
}

const MODEL_ID = Symbol('model id');
let nextModelId = 0;

/** A number that names a document model for as long as it lives, wherever its document moves in the file. */
export function modelIdOf(model: object): number {
  return slotOf<number>(model, MODEL_ID) ?? setSlot(model, MODEL_ID, nextModelId++);
}
