import * as path from 'node:path';
import * as vscode from 'vscode';
import { renderTopologyScene } from '../../../server/src/shared/topology/scene';
import { sceneToSvgString } from '../../../server/src/shared/topology/svgString';
import type { TopologyGraph } from '../../../server/src/shared/topology/types';

/** Saves the picture the preview shows, in the light or dark palette that matches the editor theme. */
export async function exportTopologySvg(graph: TopologyGraph, resource: vscode.Uri): Promise<void> {
  const kind = vscode.window.activeColorTheme.kind;
  const theme = kind === vscode.ColorThemeKind.Dark || kind === vscode.ColorThemeKind.HighContrast ? 'dark' : 'light';
  const base = path.posix.basename(resource.path).replace(/\.ya?ml$/i, '');
  const defaultUri = vscode.Uri.joinPath(resource.with({ path: path.posix.dirname(resource.path) }), `${base}-topology.svg`);
  const target = await vscode.window.showSaveDialog({ defaultUri, filters: { SVG: ['svg'] }, title: 'Export Pod Topology' });
  if (!target) return;
  const svg = sceneToSvgString(renderTopologyScene(graph), theme);
  await vscode.workspace.fs.writeFile(target, Buffer.from(svg, 'utf8'));
  void vscode.window.showInformationMessage(`Saved the topology to ${target.fsPath}.`);
}
