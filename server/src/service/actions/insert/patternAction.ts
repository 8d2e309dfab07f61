import type { PatternKind } from '../../../shared/patternCatalog';
import type { PatternTemplate, TemplateContext } from './template';

/**
 * Where an inserted container goes: `init` runs to completion in `initContainers`,
 * `native-sidecar` is an init container with `restartPolicy: Always`, `helper` is a
 * long-running container next to the app (a native sidecar in Jobs, so the Job can end),
 * `started-first` is a helper the main container calls as it starts (an ambassador): a native
 * sidecar wherever the version has them, so that its startupProbe passes before the app
 * containers start, and a container next to the app before that.
 */
export type Placement = 'init' | 'native-sidecar' | 'helper' | 'started-first';

export interface PatternAction {
  readonly kind: PatternKind;
  readonly placement: Placement;
  readonly templates: readonly PatternTemplate[];
  /** The template a code action uses when no one is chosen; the first one otherwise. */
  defaultTemplate?(context: TemplateContext): string;
}
