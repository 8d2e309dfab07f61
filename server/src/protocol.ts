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
