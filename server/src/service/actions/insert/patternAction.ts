import type { PatternKind } from '../../../shared/patternCatalog';
import type { PatternTemplate, TemplateContext } from './template';

/**
 * Where an inserted container goes: `init` runs to completion in `initContainers`,
 * `native-sidecar` is an init container with `restartPolicy: Always`, `helper` is a
 * long-running container next to the app (a native sidecar in Jobs, so the Job can end).
 */
export type Placement = 'init' | 'native-sidecar' | 'helper';

export interface PatternAction {
  readonly kind: PatternKind;
  readonly placement: Placement;
  readonly templates: readonly PatternTemplate[];
  /** The template a code action uses when no one is chosen; the first one otherwise. */
  defaultTemplate?(context: TemplateContext): string;
}
