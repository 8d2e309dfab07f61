/** The pod topology: graph from the model and analysis, layout and picture, all pure. */
export * from './types';
export { attachFindings, buildTopologyGraph, resolveTarget, shortImage, targetAt, topologyTargets } from './buildTopology';
export { nodeAtOffset } from './nodeAtOffset';
export { layoutTopology, orderContainers, type Box, type EdgeRoute, type Point, type TopologyLayout } from './layout';
export { describeNode, edgeLabelText, renderTopologyScene, resourceSummary, type SvgElement } from './scene';
export { escapeXmlAttribute, escapeXmlText, sceneToSvgString, type SvgTheme } from './svgString';
export { DARK_PALETTE, KIND_COLOURS, LIGHT_PALETTE, themeKindOfBodyClasses, topologyStylesheet, vscodePalette, type Palette, type ThemeKind } from './styles';
