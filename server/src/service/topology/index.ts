/** The pod topology: graph from the model and analysis, layout and picture, all pure. */
export * from '../../shared/topology/types';
export { attachFindings, buildTopologyGraph, resolveTarget, shortImage, targetAt, topologyTargets } from './buildTopology';
export { nodeAtOffset } from '../../shared/topology/nodeAtOffset';
export { layoutTopology, orderContainers, type Box, type EdgeRoute, type Point, type TopologyLayout } from '../../shared/topology/layout';
export { describeNode, renderTopologyScene, resourceSummary, type SvgElement } from '../../shared/topology/scene';
export { escapeXmlAttribute, escapeXmlText, sceneToSvgString, type SvgTheme } from '../../shared/topology/svgString';
export { DARK_PALETTE, LIGHT_PALETTE, VSCODE_PALETTE, topologyStylesheet, type Palette } from '../../shared/topology/styles';
