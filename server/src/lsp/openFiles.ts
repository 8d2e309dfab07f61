import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LanguageService, ParsedFile } from '../service';

/** The parsed form of each open document, brought up to date on demand from its previous parse. */
export class OpenFiles {
  private readonly parsed = new Map<string, ParsedFile>();

  constructor(
    private readonly documents: TextDocuments<TextDocument>,
    private readonly service: LanguageService,
  ) {}

  /** The parse of a document's current text, reusing the models of its unchanged YAML documents. */
  get(uri: string): ParsedFile | undefined {
    const document = this.documents.get(uri);
    if (!document) return undefined;
    const previous = this.parsed.get(uri);
    const text = document.getText();
    if (previous && previous.text === text) return previous;
    const file = this.service.parseFile(text, previous);
    this.parsed.set(uri, file);
    return file;
  }

  /** Whether the document has been parsed since it was opened. */
  has(uri: string): boolean {
    return this.parsed.has(uri);
  }

  forget(uri: string): void {
    this.parsed.delete(uri);
  }
}
