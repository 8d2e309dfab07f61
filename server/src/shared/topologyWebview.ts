/**
 * Messages between the extension and the topology webview. Kept apart from `protocol.ts`,
 * which needs the LSP library, so the webview's bundle holds nothing but its own code.
 */
import type { Lifecycle } from './lifecycle/types';
import type { TopologyGraph, TopologyTarget } from './topology/types';

/** The authoring commands the preview's toolbar offers. */
export const TOPOLOGY_AUTHORING_COMMANDS = [
  { command: 'podPatterns.addInitContainer', title: 'Add init container' },
  { command: 'podPatterns.addSidecar', title: 'Add sidecar' },
  { command: 'podPatterns.addNativeSidecar', title: 'Add native sidecar' },
  { command: 'podPatterns.addAdapter', title: 'Add adapter' },
  { command: 'podPatterns.addAmbassador', title: 'Add ambassador' },
] as const;

export type TopologyAuthoringCommand = (typeof TOPOLOGY_AUTHORING_COMMANDS)[number]['command'];

/** Extension → webview. */
export type ToTopologyWebview =
  | {
      readonly type: 'topology';
      readonly uri: string;
      /** The file's base name, for the heading. */
      readonly fileName: string;
      readonly version: number | null;
      readonly targets: readonly TopologyTarget[];
      readonly graph: TopologyGraph | null;
      readonly lifecycle: Lifecycle | null;
      readonly template: boolean;
      /** Why the pod is not drawn: its document's YAML syntax error. */
      readonly syntaxError?: string | null;
      readonly locked: boolean;
    }
  | { readonly type: 'highlight'; readonly nodeId: string | null }
  | { readonly type: 'locked'; readonly locked: boolean }
  | { readonly type: 'showTab'; readonly tab: 'topology' | 'lifecycle' };

/** Webview → extension. */
export type FromTopologyWebview =
  | { readonly type: 'ready' }
  | { readonly type: 'reveal'; readonly nodeId: string }
  | { readonly type: 'selectTarget'; readonly documentIndex: number; readonly podIndex: number }
  | { readonly type: 'toggleLock' }
  /** `width`, `height`: the room the page laid the topology out for, so the file holds the picture shown. */
  | {
      readonly type: 'exportSvg';
      readonly tab?: 'topology' | 'lifecycle';
      readonly width?: number;
      readonly height?: number;
    }
  | { readonly type: 'runCommand'; readonly command: TopologyAuthoringCommand };

/** What the webview keeps with `setState`, and the serializer gets back after a reload. */
export interface TopologyViewState {
  readonly uri?: string;
  readonly documentIndex?: number;
  readonly podIndex?: number;
  readonly locked?: boolean;
  /** The tab shown: the topology (default) or the lifecycle timeline. */
  readonly tab?: 'topology' | 'lifecycle';
}
