import type { ParsedFile } from '../parsedFile';
import type { ServiceSettings } from '../settings';
import type { Lifecycle } from '../../shared/lifecycle/types';
import type { TopologyTarget } from '../../shared/topology/types';
import { simulateLifecycle } from './simulate';

/** The lifecycle of one pod of a file, with its document's findings under these settings (cached per document). */
export function lifecycleOf(
  file: ParsedFile,
  target: Pick<TopologyTarget, 'documentIndex' | 'podIndex'>,
  settings: ServiceSettings,
): Lifecycle | undefined {
  const document = file.documents[target.documentIndex];
  const pod = document?.model.pods[target.podIndex];
  if (!document || !pod) return undefined;
  const findings = file.documentFindings(settings).find((entry) => entry.document === document)?.findings ?? [];
  return simulateLifecycle(pod, findings);
}

/** Whether a file holds no pod but a template expression (`{{ … }}`): it has to be rendered first. */
export function isUnrenderedTemplate(file: ParsedFile): boolean {
  return !file.hasPods && file.documents.some((document) => document.model.templateAt !== undefined);
}
