import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TopologyResult } from '../../../server/src/shared/protocol';
import { renderLifecycleScene } from '../../../server/src/shared/lifecycle/scene';
import { layoutTopology } from '../../../server/src/shared/topology/layout';
import { renderTopologyScene } from '../../../server/src/shared/topology/scene';
import { sceneToSvgString } from '../../../server/src/shared/topology/svgString';

/** Saves the picture the preview shows (topology or lifecycle), in the light or dark palette that matches the editor theme. */
export async function exportTopologySvg(
  result: TopologyResult,
  tab: 'topology' | 'lifecycle',
  resource: vscode.Uri,
  room: { readonly width?: number | undefined; readonly height?: number | undefined } = {},
): Promise<void> {
  const fit = room.width !== undefined && room.width > 0 ? { maxWidth: room.width } : {};
  const fitHeight = room.height !== undefined && room.height > 0 ? { maxHeight: room.height } : {};
  const scene =
    tab === 'lifecycle' && result.lifecycle
      ? renderLifecycleScene(result.lifecycle, fit)
      : result.graph
        ? renderTopologyScene(result.graph, layoutTopology(result.graph, { ...fit, ...fitHeight }))
        : undefined;
  if (!scene) return;
  const kind = vscode.window.activeColorTheme.kind;
  const theme = kind === vscode.ColorThemeKind.Dark || kind === vscode.ColorThemeKind.HighContrast ? 'dark' : 'light';
  const base = path.posix.basename(resource.path).replace(/\.ya?ml$/i, '');
  const what = tab === 'lifecycle' && result.lifecycle ? 'lifecycle' : 'topology';
  const defaultUri = vscode.Uri.joinPath(
    resource.with({ path: path.posix.dirname(resource.path) }),
    `${base}-${what}.svg`,
  );
  const target = await vscode.window.showSaveDialog({
    defaultUri,
    filters: { SVG: ['svg'] },
    title: what === 'lifecycle' ? 'Export Pod Lifecycle' : 'Export Pod Topology',
  });
  if (!target) return;
  await vscode.workspace.fs.writeFile(target, Buffer.from(sceneToSvgString(scene, theme), 'utf8'));
  void vscode.window.showInformationMessage(`Saved the ${what} to ${target.fsPath}.`);
}
