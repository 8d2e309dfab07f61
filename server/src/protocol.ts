/**
 * Custom messages between the extension client, the language server and the webview.
 * Shared by both sides so a renamed field fails to compile on both.
 */

/** Server → client, after each validation: lets the client show a status item and set context keys. */
export const DocumentSummaryNotification = 'podPatterns/documentSummary';

export interface DocumentSummary {
  readonly uri: string;
  readonly version: number | null;
  readonly podCount: number;
  readonly errors: number;
  readonly warnings: number;
}

/** Settings the client passes at start-up and on change (section `podPatterns`). */
export interface PodPatternsSettings {
  readonly validate?: { readonly enable?: boolean };
  readonly kubernetesVersion?: string;
  readonly schemaValidation?: boolean;
  readonly rules?: Record<string, string>;
  readonly maxFileSize?: number;
}

/** A zero-based line and UTF-16 character, as in LSP. */
export interface ProtocolPosition {
  readonly line: number;
  readonly character: number;
}

export interface ProtocolRange {
  readonly start: ProtocolPosition;
  readonly end: ProtocolPosition;
}

/**
 * Client → server: plan the insertion of a pattern container (init, sidecar, native
 * sidecar, adapter, ambassador) into the pod at `position`. The client applies the
 * edits and selects `selection`, the value to fill in.
 */
export const InsertPatternRequest = 'podPatterns/insertPattern';

export interface InsertPatternParams {
  readonly uri: string;
  readonly position: ProtocolPosition;
  /** `init` | `sidecar` | `native-sidecar` | `adapter` | `ambassador`. */
  readonly kind: string;
  /** A template id from the pattern catalog; the pattern's default when absent. */
  readonly template?: string;
}

export type InsertPatternResponse =
  | {
      readonly ok: true;
      readonly title: string;
      readonly edits: readonly { readonly range: ProtocolRange; readonly newText: string }[];
      /** In the document as it is once the edits are applied. */
      readonly selection?: ProtocolRange;
    }
  | { readonly ok: false; readonly reason: string };

/** `workspace/executeCommand` id for editors without the custom request: applies the edit itself. */
export const INSERT_PATTERN_COMMAND = 'podPatterns.server.insertPattern';
