/**
 * The few words the service, the extension client and the webview all speak. They live here,
 * with no imports, so the client and the webview can use them without reaching into the service.
 */

/** How bad a finding is; also the LSP severities by name. */
export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** The part a container plays in its pod. */
export type ContainerRole = 'init' | 'native-sidecar' | 'main' | 'sidecar' | 'adapter' | 'ambassador';

/** The pod's quality-of-service class, as the kubelet derives it from requests and limits. */
export type QosClass = 'Guaranteed' | 'Burstable' | 'BestEffort';

/** Zero-based line and UTF-16 column, as LSP positions are. */
export interface Position {
  line: number;
  character: number;
}
