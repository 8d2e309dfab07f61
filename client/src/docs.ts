import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';
import { docsPathOf } from '../../server/src/shared/docs';

export const OPEN_DOC_COMMAND = 'podPatterns.openDoc';

/** A `command:` link that opens a page of the documentation shipped in the extension. */
function openDocLink(path: string): string {
  return `command:${OPEN_DOC_COMMAND}?${encodeURIComponent(JSON.stringify([path]))}`;
}

/** Markdown with its documentation links turned into links to the shipped pages. */
export function linksToShippedDocs(markdown: string): string {
  return markdown.replace(/\]\((https:\/\/[^)\s]+)\)/g, (whole, url: string) => {
    const path = docsPathOf(url);
    return path ? `](${openDocLink(path)})` : whole;
  });
}

/**
 * The rule and pattern pages ship in the extension (`docs/`) and open in a Markdown preview, so
 * their links work offline and point nowhere outside. Hovers and the code links of diagnostics
 * are rewritten to open them.
 */
export function registerDocs(context: vscode.ExtensionContext): Middleware {
  context.subscriptions.push(
    vscode.commands.registerCommand(OPEN_DOC_COMMAND, async (path: unknown) => {
      if (typeof path !== 'string' || !/^(?:(?:rules|patterns)\/)?[a-zA-Z0-9-]+\.md$/.test(path)) return;
      const page = vscode.Uri.joinPath(context.extensionUri, 'docs', ...path.split('/'));
      await vscode.commands.executeCommand('markdown.showPreview', page);
    }),
  );
  return {
    async provideHover(document, position, token, next) {
      const hover = await next(document, position, token);
      if (!hover) return hover;
      const contents = hover.contents.map((content) => {
        const text = typeof content === 'string' ? content : content.value;
        const rewritten = linksToShippedDocs(text);
        if (rewritten === text && typeof content !== 'string') return content;
        const markdown = new vscode.MarkdownString(rewritten);
        markdown.isTrusted = { enabledCommands: [OPEN_DOC_COMMAND] };
        return markdown;
      });
      return new vscode.Hover(contents, hover.range);
    },
    handleDiagnostics(uri, diagnostics, next) {
      for (const diagnostic of diagnostics) {
        const code = diagnostic.code;
        if (typeof code !== 'object' || !code) continue;
        const path = docsPathOf(code.target.toString(true));
        if (path) diagnostic.code = { value: code.value, target: vscode.Uri.parse(openDocLink(path)) };
      }
      next(uri, diagnostics);
    },
  };
}
