import { analyzePod } from '../../analysis/analyzePod';
import { podLevelResources } from '../../analysis/effectiveResources';
import type { ParsedFile, LocatedPod } from '../../parsedFile';
import { detectIndentStyle, type IndentStyle } from '../../edits/indentStyle';
import { addPair, appendToSequence, orderInsertions, UnsupportedLayout, type PlannedEdit } from '../../edits/insertion';
import { sharesText, SHARED_TEXT_REASON } from '../fixSafety';
import { lineBreakOf } from '../../edits/lines';
import { freePort, uniqueEnvName, uniqueName, uniquePath } from '../../edits/names';
import type { YamlValue } from '../../edits/renderYaml';
import { rangeAfterEdits, shiftEdits, type OffsetEdit, type OffsetRange } from '../../edits/textEdits';
import type { ContainerModel, PodModel } from '../../model/podModel';
import { firstSyntaxError } from '../../model/documentModel';
import { minorOf, type ServiceSettings } from '../../settings';
import type { YMap, YPair } from '../../yaml/nodes';
import { addAdapter } from './addAdapter';
import { addAmbassador } from './addAmbassador';
import { addInitContainer } from './addInitContainer';
import { addNativeSidecar } from './addNativeSidecar';
import { addSidecar } from './addSidecar';
import { patternInfo, type PatternKind } from '../../../shared/patternCatalog';
import type { PatternAction } from './patternAction';
import type { ContainerPlan, ContainerValue, TemplateContext } from './template';

export const PATTERN_ACTIONS: Readonly<Record<PatternKind, PatternAction>> = {
  init: addInitContainer,
  sidecar: addSidecar,
  'native-sidecar': addNativeSidecar,
  adapter: addAdapter,
  ambassador: addAmbassador,
};

/** Native sidecars are on by default from Kubernetes 1.29 (beta), GA in 1.33. */
import { NATIVE_SIDECAR_MINOR } from '../../versions/apiVersions';

export { NATIVE_SIDECAR_MINOR };

export interface InsertPatternRequest {
  readonly kind: PatternKind;
  /** A template id of the pattern; its default when absent. */
  readonly template?: string;
  /**
   * A file offset (the cursor, a topology node): when it lies in an app container, the
   * helper serves that container instead of the pod's main one.
   */
  readonly at?: number;
}

export type InsertPatternResult =
  | {
      readonly ok: true;
      readonly title: string;
      readonly containerName: string;
      readonly templateId: string;
      /** File offsets in the current text. */
      readonly edits: readonly OffsetEdit[];
      /** The value to fill in, in the text the edits produce. */
      readonly selection?: OffsetRange;
    }
  | { readonly ok: false; readonly reason: string };

/** The pod whose resource contains a file offset, or the only pod of that document. */
export function podAt(analysis: ParsedFile, offset: number): LocatedPod | undefined {
  const document = analysis.documentAt(offset);
  if (!document) return undefined;
  const local = offset - document.offset;
  const pods = document.model.pods;
  const containing = pods.find((pod) => pod.root.range.start <= local && local <= pod.root.range.end);
  const pod = containing ?? (pods.length === 1 ? pods[0] : undefined);
  return pod && { document, pod };
}

/** Plans the insertion of a pattern container into a pod: every edit at model ranges. */
export function insertPattern(
  located: LocatedPod,
  request: InsertPatternRequest,
  settings: ServiceSettings,
): InsertPatternResult {
  const action = PATTERN_ACTIONS[request.kind];
  const info = patternInfo(request.kind)!;
  const { pod, document } = located;
  const text = document.model.text;
  const syntaxError = firstSyntaxError(document.model);
  // Writing into a tree the parser had to guess could land anywhere (inside an unclosed quote, say).
  if (syntaxError) return { ok: false, reason: `the YAML has a syntax error (${syntaxError.message}) — fix it first` };
  if (!pod.spec) return { ok: false, reason: 'the pod has no spec to add a container to' };
  const nativeSupported = minorOf(settings.kubernetesVersion) >= NATIVE_SIDECAR_MINOR;
  const native =
    action.placement === 'native-sidecar' ||
    (action.placement === 'started-first' && nativeSupported) ||
    (action.placement === 'helper' && pod.shape.family === 'job' && nativeSupported);
  if (native && !nativeSupported) {
    return {
      ok: false,
      reason: `native sidecars need Kubernetes 1.${NATIVE_SIDECAR_MINOR} or newer (target: ${settings.kubernetesVersion})`,
    };
  }
  const context = templateContext(pod, servedContainer(located, request.at));
  const templateId = request.template ?? action.defaultTemplate?.(context) ?? action.templates[0]!.id;
  const template = action.templates.find((candidate) => candidate.id === templateId);
  if (!template)
    return {
      ok: false,
      reason: `unknown template "${templateId}" (choose one of ${action.templates.map((t) => t.id).join(', ')})`,
    };
  const plan = template.build(context);
  // A Guaranteed pod stays Guaranteed only if every container, helpers included, requests its limits.
  // With pod-level resources the new container shares the pod's budget: its own requests could
  // push the containers' aggregate above the pod-level requests, which the API server refuses.
  const sized = podLevelResources(pod)
    ? withoutResources(plan.container)
    : analyzePod(pod).qosClass === 'Guaranteed'
      ? requestingLimits(plan.container)
      : plan.container;
  const container = native ? withRestartPolicyAlways(sized) : sized;
  const containerName = String(container.name);
  const style = detectIndentStyle(text, pod.root, lineBreakOf(text));
  try {
    const edits = orderInsertions(
      planEdits(text, pod, context.main, plan, container, native || action.placement === 'init', style),
    );
    if (sharesText(document.model, edits)) return { ok: false, reason: SHARED_TEXT_REASON };
    const focused = edits.find((edit) => edit.focus);
    const fileEdits = shiftEdits(edits, document.offset);
    const selection = focused?.focus && rangeAfterEdits(fileEdits, fileEdits[edits.indexOf(focused)]!, focused.focus);
    const templateLabel = info.templates.find((candidate) => candidate.id === templateId)?.label ?? templateId;
    const where = native && action.placement !== 'native-sidecar' ? ' as a native sidecar' : '';
    const serving =
      context.main && context.main !== analyzePod(pod).main ? ` for "${context.main.name ?? 'container'}"` : '';
    return {
      ok: true,
      title: `${sentenceCase(info.title)}${where}: ${templateLabel}${serving}`,
      containerName,
      templateId,
      edits: fileEdits,
      selection,
    };
  } catch (error) {
    if (error instanceof UnsupportedLayout) return { ok: false, reason: error.message };
    throw error;
  }
}

function requestingLimits(container: ContainerValue): ContainerValue {
  const resources = container.resources as { limits?: ContainerValue } | undefined;
  if (!resources?.limits) return container;
  return { ...container, resources: { requests: resources.limits, limits: resources.limits } };
}

function withoutResources(container: ContainerValue): ContainerValue {
  const rest = { ...container };
  delete rest.resources;
  return rest;
}

function withRestartPolicyAlways(container: ContainerValue): ContainerValue {
  const { name, image, ...rest } = container;
  return { name: name!, image: image!, restartPolicy: 'Always', ...rest };
}

/** The app container around a file offset, if any. */
function servedContainer(located: LocatedPod, at: number | undefined): ContainerModel | undefined {
  if (at === undefined) return undefined;
  const local = at - located.document.offset;
  return located.pod.containers.find(
    (container) =>
      container.group === 'app' && container.node.range.start <= local && local <= container.node.range.end,
  );
}

function templateContext(pod: PodModel, served?: ContainerModel): TemplateContext {
  const main = served ?? analyzePod(pod).main;
  const containerNames = new Set(pod.containers.flatMap((container) => (container.name ? [container.name] : [])));
  const volumeNames = new Set(pod.volumes.flatMap((volume) => (volume.name ? [volume.name] : [])));
  for (const container of pod.containers)
    for (const mount of container.volumeMounts) if (mount.name) volumeNames.add(mount.name);
  const ports = new Set<number>();
  const portNames = new Set<string>();
  for (const container of pod.containers) {
    for (const port of container.ports) {
      if (port.containerPort !== undefined) ports.add(port.containerPort);
      if (port.name) portNames.add(port.name);
    }
  }
  const mainPaths = new Set(main?.volumeMounts.flatMap((mount) => (mount.mountPath ? [mount.mountPath] : [])) ?? []);
  const mainEnv = new Set(main?.env.flatMap((entry) => (entry.name ? [entry.name] : [])) ?? []);
  const claim = <T>(set: Set<T>, value: T): T => {
    set.add(value);
    return value;
  };
  return {
    pod,
    main,
    mainPort: main?.ports.find((port) => port.protocol === 'TCP' && port.containerPort !== undefined)?.containerPort,
    containerName: (base) => claim(containerNames, uniqueName(base, containerNames)),
    volumeName: (base) => claim(volumeNames, uniqueName(base, volumeNames)),
    port: (preferred) => claim(ports, freePort(preferred, ports)),
    portName: (base) => claim(portNames, uniqueName(base, portNames)),
    mainMountPath: (base) => claim(mainPaths, uniquePath(base, mainPaths)),
    envName: (base) => claim(mainEnv, uniqueEnvName(base, mainEnv)),
  };
}

/** The edits of an insertion; `orderInsertions` settles those that share an offset. */
function planEdits(
  text: string,
  pod: PodModel,
  main: ContainerModel | undefined,
  plan: ContainerPlan,
  container: ContainerValue,
  intoInit: boolean,
  style: IndentStyle,
): PlannedEdit[] {
  const spec = pod.spec!;
  const edits: PlannedEdit[] = [];
  const mainMap = main?.map;
  if (mainMap && !mainMap.flow) {
    if (plan.mainPort) edits.push(appendOrAdd(text, mainMap, main.portsPair, 'ports', plan.mainPort, style));
    if (plan.mainEnv) edits.push(appendOrAdd(text, mainMap, main.envPair, 'env', plan.mainEnv, style));
    if (plan.sharedVolume) {
      const mount: Record<string, YamlValue> = {
        name: plan.sharedVolume.name,
        mountPath: plan.sharedVolume.mainMountPath,
      };
      if (plan.sharedVolume.mainReadOnly) mount.readOnly = true;
      edits.push(appendOrAdd(text, mainMap, main.volumeMountsPair, 'volumeMounts', mount, style));
    }
  }
  const listPair = intoInit ? pod.initContainersPair : pod.containersPair;
  if (listPair) {
    edits.push(appendToSequence(text, listPair, [container], style));
  } else {
    // A new initContainers list goes above containers, as people write it.
    edits.push(
      addPair(
        text,
        spec,
        intoInit ? 'initContainers' : 'containers',
        [container],
        style,
        intoInit ? pod.containersPair : undefined,
      ),
    );
  }
  if (plan.sharedVolume) {
    edits.push(
      appendOrAdd(text, spec, pod.volumesPair, 'volumes', { name: plan.sharedVolume.name, emptyDir: {} }, style),
    );
  }
  return edits;
}

function appendOrAdd(
  text: string,
  map: YMap,
  pair: YPair | undefined,
  key: string,
  item: YamlValue,
  style: IndentStyle,
): PlannedEdit {
  return pair ? appendToSequence(text, pair, [item], style) : addPair(text, map, key, [item], style);
}

/** "Add Native Sidecar" → "Add native sidecar", as code action titles read. */
function sentenceCase(title: string): string {
  return title.charAt(0) + title.slice(1).toLowerCase();
}
