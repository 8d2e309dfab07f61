/**
 * Custom LSP messages between the extension client and the language server, typed once here:
 * both sides use these objects, so a renamed field or method fails to compile on both.
 */
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { Lifecycle } from './lifecycle/types';
import type { TopologyGraph, TopologyTarget } from './topology/types';

export interface DocumentSummary {
  readonly uri: string;
  readonly version: number | null;
  readonly podCount: number;
  readonly errors: number;
  readonly warnings: number;
}

/** Server → client, after each validation: lets the client show a status item and set context keys. */
export const DocumentSummaryNotification = new NotificationType<DocumentSummary>('podPatterns/documentSummary');

/** Settings the client passes at start-up and on change (section `podPatterns`). */
export interface PodPatternsSettings {
  readonly validate?: { readonly enable?: boolean };
  readonly kubernetesVersion?: string;
  readonly schemaValidation?: boolean;
  readonly rules?: Record<string, string>;
  readonly preset?: string;
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

/**
 * Client → server: plan the insertion of a pattern container (init, sidecar, native
 * sidecar, adapter, ambassador) into the pod at `position`. The client applies the
 * edits and selects `selection`, the value to fill in.
 */
export const InsertPatternRequest = new RequestType<InsertPatternParams, InsertPatternResponse, void>(
  'podPatterns/insertPattern',
);

/**
 * Key in a refactoring code action's `data`: the range (in the document once the action's
 * edit is applied) of the value to fill in. Our client selects it after applying the edit.
 */
export const SELECTION_DATA_KEY = 'podPatternsSelection';

/** `workspace/executeCommand` id for editors without the custom request: applies the edit itself. */
export const INSERT_PATTERN_COMMAND = 'podPatterns.server.insertPattern';

// ---- Topology preview ----

export interface TopologyParams {
  readonly uri: string;
  /** The pod to draw; when absent, the pod under `offset`, else the first of the file. */
  readonly target?: { readonly documentIndex: number; readonly podIndex: number };
  /** A file offset (the editor's cursor) to choose the pod by. */
  readonly offset?: number;
}

export interface TopologyResult {
  readonly uri: string;
  /** The document version the graph was computed from: older answers are dropped. */
  readonly version: number | null;
  /** Every pod of the file, for the document selector. */
  readonly targets: readonly TopologyTarget[];
  /** Null when the file holds no pod (or is not open in the server). */
  readonly graph: TopologyGraph | null;
  /** The same pod's simulated startup and shutdown, for the preview's Lifecycle tab. */
  readonly lifecycle: Lifecycle | null;
  /** The file holds no pod but a template expression (`{{ … }}`): it must be rendered first. */
  readonly template: boolean;
  /** The chosen pod's document has a YAML syntax error: why nothing is drawn (graph and lifecycle are null). */
  readonly syntaxError?: string | null;
}

/** Client → server: the topology of one pod of an open document. */
export const TopologyRequest = new RequestType<TopologyParams, TopologyResult, void>('podPatterns/topology');
