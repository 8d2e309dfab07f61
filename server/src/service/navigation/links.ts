import type { ParsedFile } from '../parsedFile';
import { buildSymbolIndex } from './fileLinks';
import { symbolIndexOf, type SymbolIndex } from './symbolIndex';

/** The linked names of a file, computed once per parse. */
export function linksOf(file: ParsedFile): SymbolIndex {
  return symbolIndexOf(file, buildSymbolIndex);
}
