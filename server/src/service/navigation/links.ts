import type { AnalyzedDocument, ParsedFile } from '../parsedFile';
import { setSlot, slotOf } from '../slots';
import { buildSymbolIndex, documentLinks } from './fileLinks';
import {
  SymbolCollector,
  symbolIndexOf,
  type LinkedSymbol,
  type LinkKind,
  type Occurrence,
  type SymbolIndex,
} from './symbolIndex';

/** The linked names of a whole file, computed once per parse. */
export function linksOf(file: ParsedFile): SymbolIndex {
  return symbolIndexOf(file, buildSymbolIndex);
}

/** The name at an offset, its places in file offsets, and the other names of its kind and scope (for clashes). */
export interface LinkedAt {
  readonly symbol: LinkedSymbol;
  readonly occurrence: Occurrence;
  symbolsIn(kind: LinkKind, scope: string): readonly LinkedSymbol[];
}

/** Kinds whose every place lies inside one pod, so inside one document. */
const POD_LOCAL_KINDS: ReadonlySet<LinkKind> = new Set(['volume', 'env', 'container', 'resourceClaim']);

/**
 * The linked name at a file offset. Names that stay inside a pod (and ports, when no Service
 * in the file can name them) are answered from the document's own index, kept on its model:
 * after an edit, asking about them (highlights follow the cursor) walks no other document.
 */
export function linkedAt(file: ParsedFile, offset: number): LinkedAt | undefined {
  const document = file.documentAt(offset);
  if (document) {
    const local = documentIndex(document);
    const found = local.symbolAt(offset - document.offset);
    if (found && (POD_LOCAL_KINDS.has(found.symbol.kind) || (found.symbol.kind === 'port' && !hasService(file)))) {
      return {
        symbol: shifted(found.symbol, document.offset),
        occurrence: shiftedOccurrence(found.occurrence, document.offset),
        symbolsIn: (kind, scope) => local.symbolsIn(kind, scope),
      };
    }
  }
  const index = linksOf(file);
  const found = index.symbolAt(offset);
  return found && { ...found, symbolsIn: (kind, scope) => index.symbolsIn(kind, scope) };
}

const DOCUMENT_INDEX = Symbol('document symbol index');

function documentIndex(document: AnalyzedDocument): SymbolIndex {
  const cached = slotOf<SymbolIndex>(document.model, DOCUMENT_INDEX);
  if (cached) return cached;
  const collector = new SymbolCollector();
  documentLinks(document).replayInto(collector, 0);
  return setSlot(document.model, DOCUMENT_INDEX, collector.build());
}

function hasService(file: ParsedFile): boolean {
  return file.serviceCount > 0;
}

function shiftedOccurrence(occurrence: Occurrence, offset: number): Occurrence {
  return { ...occurrence, start: occurrence.start + offset, end: occurrence.end + offset };
}

function shifted(symbol: LinkedSymbol, offset: number): LinkedSymbol {
  return { ...symbol, occurrences: symbol.occurrences.map((occurrence) => shiftedOccurrence(occurrence, offset)) };
}
