/** The pod topology: graph from the model and analysis, layout and picture, all pure. */
export * from '../../shared/topology/types';
export {
  attachFindings,
  buildTopologyGraph,
  resolveTarget,
  shortImage,
  targetAt,
  topologyTargets,
} from './buildTopology';
export { nodeAtOffset } from '../../shared/topology/nodeAtOffset';
export {
  layoutTopology,
  orderContainers,
  type Box,
  type EdgeRoute,
  type LayoutOptions,
  type Point,
  type TopologyLayout,
} from '../../shared/topology/layout';
export { edgeLabelBox, edgeLabelText } from '../../shared/topology/labels';
export { describeNode, renderTopologyScene, type SvgElement } from '../../shared/topology/scene';
export { resourceSummary } from '../../shared/topology/labels';
export { escapeXmlAttribute, escapeXmlText, sceneToSvgString, type SvgTheme } from '../../shared/topology/svgString';
export {
  DARK_PALETTE,
  KIND_COLOURS,
  LIGHT_PALETTE,
  themeKindOfBodyClasses,
  topologyStylesheet,
  vscodePalette,
  type Palette,
  type ThemeKind,
} from '../../shared/topology/styles';
