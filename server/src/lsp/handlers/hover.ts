import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver';
import type { FeatureHandler, ServerState } from './types';

/** Hover: a container's role and sharing, a volume's users, a finding's rule. */
export const hoverHandler: FeatureHandler = {
  capabilities: { hoverProvider: true },
  register(state: ServerState): void {
    state.connection.onHover(async (params: HoverParams): Promise<Hover | null> => {
      const file = state.files.get(params.textDocument.uri);
      if (!file || !file.isRelevant) return null;
      const lines = file.lineIndex;
      const hover = state.service.hover(file, lines.offsetAt(params.position), await state.settingsFor(params.textDocument.uri));
      if (!hover) return null;
      return {
        contents: { kind: MarkupKind.Markdown, value: hover.markdown },
        range: { start: lines.positionAt(hover.range.start), end: lines.positionAt(hover.range.end) },
      };
    });
  },
};
