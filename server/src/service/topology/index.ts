/** The pod topology: graph from the model and analysis, layout and picture, all pure. */
export * from './types';
export { attachFindings, buildTopologyGraph, resolveTarget, shortImage, targetAt, topologyTargets } from './buildTopology';
export { nodeAtOffset } from './nodeAtOffset';
export { layoutTopology, orderContainers, type Box, type EdgeRoute, type Point, type TopologyLayout } from './layout';
export { describeNode, renderTopologyScene, resourceSummary, type SvgElement } from './scene';
export { escapeXmlAttribute, escapeXmlText, sceneToSvgString, type SvgTheme } from './svgString';
export { DARK_PALETTE, LIGHT_PALETTE, VSCODE_PALETTE, topologyStylesheet, type Palette } from './styles';
