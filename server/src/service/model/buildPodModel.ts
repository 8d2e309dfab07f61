import {
  get,
  getIn,
  getMap,
  getPair,
  isMap,
  isScalar,
  isSeq,
  scalarText,
  type YMap,
  type YNode,
  type YPair,
  type YScalar,
  type YSeq,
} from '../yaml/nodes';
import type {
  ContainerGroup,
  ContainerModel,
  EnvVarModel,
  PodModel,
  PortModel,
  ProbeKind,
  ProbeModel,
  ResourceListModel,
  ResourcesModel,
  ResourceModel,
  StringMapModel,
  VolumeModel,
  VolumeMountModel,
} from './podModel';
import { workloadShape, type WorkloadShape } from './workloads';

/** The objects a document holds: itself, or the items of a `List` (`kind: List` or `*List`). */
export function findResources(root: YNode | null): ResourceModel[] {
  if (!isMap(root)) return [];
  const kind = scalarText(getPair(root, 'kind')?.value);
  const items = getPair(root, 'items')?.value;
  if (kind !== undefined && kind.endsWith('List') && isSeq(items)) {
    const resources: ResourceModel[] = [];
    items.items.forEach((item, index) => {
      if (isMap(item)) resources.push(resourceAt(item, ['items', index]));
    });
    return resources;
  }
  return [resourceAt(root, [])];
}

function resourceAt(root: YMap, pathPrefix: (string | number)[]): ResourceModel {
  const apiVersion = scalarText(getPair(root, 'apiVersion')?.value);
  const kind = scalarText(getPair(root, 'kind')?.value);
  const shape = workloadShape(kind);
  const pod =
    shape && apiVersion && shape.apiVersions.includes(apiVersion) ? buildPodModel(root, shape, apiVersion) : undefined;
  return { root, apiVersion, kind, pathPrefix, pod };
}

const PROBE_KINDS: readonly ProbeKind[] = ['livenessProbe', 'readinessProbe', 'startupProbe'];

/** Per shape, the spec path as text and the path to the spec's parent: the same for every pod of a kind. */
const SPEC_PATHS = new WeakMap<WorkloadShape, { readonly text: string; readonly parent: readonly string[] }>();

function specPathsOf(shape: WorkloadShape): { readonly text: string; readonly parent: readonly string[] } {
  let paths = SPEC_PATHS.get(shape);
  if (!paths) {
    paths = { text: shape.specPath.join('.'), parent: shape.specPath.slice(0, -1) };
    SPEC_PATHS.set(shape, paths);
  }
  return paths;
}

export function buildPodModel(root: YMap, shape: WorkloadShape, apiVersion: string): PodModel {
  const { text: specPathText, parent: specParentPath } = specPathsOf(shape);
  const specParent = shape.specPath.length > 1 ? getIn(root, specParentPath) : root;
  const specPair = isMap(specParent) ? getPair(specParent, shape.specPath[shape.specPath.length - 1]!) : undefined;
  const spec = isMap(specPair?.value) ? specPair.value : undefined;
  const metadata = getIn(root, shape.podMetadataPath);
  const podMetadata = isMap(metadata) ? metadata : undefined;

  const initContainersPair = getPair(spec, 'initContainers');
  const containersPair = getPair(spec, 'containers');
  const containers: ContainerModel[] = [
    ...containerList(initContainersPair, 'initContainers', specPathText),
    ...containerList(containersPair, 'containers', specPathText),
  ];

  const volumesPair = getPair(spec, 'volumes');
  const volumes: VolumeModel[] = seqItems(volumesPair).map((node, index) => {
    const map = isMap(node) ? node : undefined;
    const nameNode = scalarAt(map, 'name');
    const sources = map ? map.pairs.filter((pair) => pair.key.value !== 'name') : [];
    return {
      index,
      path: `${specPathText}.volumes[${index}]`,
      node,
      name: scalarText(nameNode),
      nameNode,
      sources,
      type: sources[0] ? String(sources[0].key.value) : undefined,
    };
  });

  const restartPolicyPair = getPair(spec, 'restartPolicy');
  return {
    kind: shape.kind,
    shape,
    apiVersion,
    name: scalarText(get(getMap(root, 'metadata'), 'name')),
    root,
    specPath: specPathText,
    kindPair: getPair(root, 'kind')!,
    specPair,
    spec,
    podMetadata,
    labels: stringMap(getPair(podMetadata, 'labels')),
    annotations: stringMap(getPair(podMetadata, 'annotations')),
    containers,
    initContainersPair,
    containersPair,
    volumes,
    volumesPair,
    restartPolicy: scalarText(restartPolicyPair?.value),
    restartPolicyPair,
  };
}

function seqItems(pair: YPair | undefined): readonly YNode[] {
  return isSeq(pair?.value) ? pair.value.items : [];
}

function scalarAt(map: YMap | undefined, key: string): YScalar | undefined {
  const value = getPair(map, key)?.value;
  return isScalar(value) && value.value !== null ? value : undefined;
}

function textItems(node: YNode | null | undefined): string[] {
  if (!isSeq(node)) return [];
  const out: string[] = [];
  for (const item of node.items) {
    const text = scalarText(item);
    if (text !== undefined) out.push(text);
  }
  return out;
}

export function stringMap(pair: YPair | undefined): StringMapModel {
  const values = new Map<string, string>();
  const pairs = new Map<string, YPair>();
  if (isMap(pair?.value)) {
    for (const entry of pair.value.pairs) {
      const key = scalarText(entry.key);
      if (key === undefined) continue;
      values.set(key, scalarText(entry.value) ?? '');
      pairs.set(key, entry);
    }
  }
  return { pair, values, pairs };
}

function containerList(
  listPair: YPair | undefined,
  listKey: 'initContainers' | 'containers',
  specPathText: string,
): ContainerModel[] {
  return seqItems(listPair).map((node, index) =>
    buildContainer(node, listKey, index, `${specPathText}.${listKey}[${index}]`),
  );
}

function buildContainer(
  node: YNode,
  listKey: 'initContainers' | 'containers',
  index: number,
  path: string,
): ContainerModel {
  const map = isMap(node) ? node : undefined;
  const restartPolicyPair = getPair(map, 'restartPolicy');
  const restartPolicy = scalarText(restartPolicyPair?.value);
  const group: ContainerGroup =
    listKey === 'containers' ? 'app' : restartPolicy === 'Always' ? 'native-sidecar' : 'init';
  const nameNode = scalarAt(map, 'name');
  const imagePair = getPair(map, 'image');
  const imageNode = isScalar(imagePair?.value) && imagePair.value.value !== null ? imagePair.value : undefined;

  const portsPair = getPair(map, 'ports');
  const ports: PortModel[] = seqItems(portsPair).map((portNode, portIndex) => {
    const port = isMap(portNode) ? portNode : undefined;
    const containerPortNode = scalarAt(port, 'containerPort');
    const nameNodeOfPort = scalarAt(port, 'name');
    const hostPortNode = scalarAt(port, 'hostPort');
    const containerPort = containerPortNode?.value;
    const hostPort = hostPortNode?.value;
    return {
      index: portIndex,
      path: `${path}.ports[${portIndex}]`,
      node: portNode,
      containerPort: typeof containerPort === 'number' ? containerPort : undefined,
      containerPortNode,
      name: scalarText(nameNodeOfPort),
      nameNode: nameNodeOfPort,
      protocol: scalarText(scalarAt(port, 'protocol')) ?? 'TCP',
      hostPort: typeof hostPort === 'number' ? hostPort : undefined,
      hostPortNode,
      hostIP: scalarText(scalarAt(port, 'hostIP')),
    };
  });

  const volumeMountsPair = getPair(map, 'volumeMounts');
  const volumeMounts: VolumeMountModel[] = seqItems(volumeMountsPair).map((mountNode, mountIndex) => {
    const mount = isMap(mountNode) ? mountNode : undefined;
    const nameNodeOfMount = scalarAt(mount, 'name');
    const mountPathNode = scalarAt(mount, 'mountPath');
    return {
      index: mountIndex,
      path: `${path}.volumeMounts[${mountIndex}]`,
      node: mountNode,
      name: scalarText(nameNodeOfMount),
      nameNode: nameNodeOfMount,
      mountPath: scalarText(mountPathNode),
      mountPathNode,
      readOnly: scalarAt(mount, 'readOnly')?.value === true,
      subPath: scalarText(scalarAt(mount, 'subPath')),
    };
  });

  const envPair = getPair(map, 'env');
  const env: EnvVarModel[] = seqItems(envPair).map((envNode, envIndex) => {
    const entry = isMap(envNode) ? envNode : undefined;
    const nameNodeOfEnv = scalarAt(entry, 'name');
    const valuePair = getPair(entry, 'value');
    const valueFromPair = getPair(entry, 'valueFrom');
    return {
      index: envIndex,
      path: `${path}.env[${envIndex}]`,
      node: envNode,
      name: scalarText(nameNodeOfEnv),
      nameNode: nameNodeOfEnv,
      value: scalarText(valuePair?.value),
      valueNode: valuePair?.value ?? undefined,
      valueFrom: isMap(valueFromPair?.value) ? valueFromPair.value : undefined,
      valueFromPair,
    };
  });

  const probes: ProbeModel[] = [];
  for (const kind of PROBE_KINDS) {
    const pair = getPair(map, kind);
    if (pair && pair.value !== null && !(isScalar(pair.value) && pair.value.value === null)) {
      probes.push({ kind, pair, node: isMap(pair.value) ? pair.value : undefined, path: `${path}.${kind}` });
    }
  }
  const lifecyclePair = getPair(map, 'lifecycle');

  const commandNode = getPair(map, 'command')?.value;
  const argsNode = getPair(map, 'args')?.value;

  return {
    group,
    listKey,
    index,
    path,
    node,
    map,
    name: scalarText(nameNode),
    nameNode,
    image: scalarText(imageNode),
    imageNode,
    imagePair,
    restartPolicy,
    restartPolicyPair,
    ports,
    portsPair,
    volumeMounts,
    volumeMountsPair,
    env,
    envPair,
    command: textItems(commandNode),
    commandNode: isSeq(commandNode) ? (commandNode as YSeq) : undefined,
    args: textItems(argsNode),
    argsNode: isSeq(argsNode) ? (argsNode as YSeq) : undefined,
    probes,
    lifecyclePair:
      lifecyclePair &&
      lifecyclePair.value !== null &&
      !(isScalar(lifecyclePair.value) && lifecyclePair.value.value === null)
        ? lifecyclePair
        : undefined,
    resources: buildResources(getPair(map, 'resources')),
  };
}

function buildResources(pair: YPair | undefined): ResourcesModel {
  if (!pair || !isMap(pair.value)) return { pair };
  return {
    pair,
    requests: resourceList(getPair(pair.value, 'requests')),
    limits: resourceList(getPair(pair.value, 'limits')),
  };
}

function resourceList(pair: YPair | undefined): ResourceListModel | undefined {
  if (!pair) return undefined;
  const values = new Map<string, { text: string; pair: YPair }>();
  if (isMap(pair.value)) {
    for (const entry of pair.value.pairs) {
      const key = scalarText(entry.key);
      const text = scalarText(entry.value);
      if (key !== undefined && text !== undefined) values.set(key, { text, pair: entry });
    }
  }
  return { pair, node: isMap(pair.value) ? pair.value : undefined, values };
}
