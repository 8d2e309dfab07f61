import type { FileAnalysis } from '../fileAnalysis';
import type { ServiceSettings } from '../settings';
import type { TopologyTarget } from '../topology/types';
import { simulateLifecycle } from './simulate';
import type { Lifecycle } from './types';

/** The lifecycle of one pod of a file, with its document's findings under these settings (cached per document). */
export function lifecycleOf(file: FileAnalysis, target: Pick<TopologyTarget, 'documentIndex' | 'podIndex'>, settings: ServiceSettings): Lifecycle | undefined {
  const document = file.documents[target.documentIndex];
  const pod = document?.model.pods[target.podIndex];
  if (!document || !pod) return undefined;
  const findings = file.documentFindings(settings).find((entry) => entry.document === document)?.findings ?? [];
  return simulateLifecycle(pod, findings);
}
