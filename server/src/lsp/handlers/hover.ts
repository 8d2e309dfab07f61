import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver';
import { guardRequest } from './requestGuard';
import type { FeatureHandler, ServerState } from './types';

/** Hover: a container's role and sharing, a volume's users, a finding's rule. */
export const hoverHandler: FeatureHandler = {
  capabilities: { hoverProvider: true },
  register(state: ServerState): void {
    state.connection.onHover((params: HoverParams, token) =>
      guardRequest(state, token, async (): Promise<Hover | null> => {
        const file = await state.fileForRequest(params.textDocument.uri, token);
        if (!file || !file.isRelevant) return null;
        const hover = state.service.hover(
          file,
          state.positions.offsetAt(file, params.position),
          await state.settingsFor(params.textDocument.uri),
        );
        if (!hover) return null;
        return {
          contents: { kind: MarkupKind.Markdown, value: hover.markdown },
          range: state.positions.rangeAt(file, hover.range),
        };
      }),
    );
  },
};
