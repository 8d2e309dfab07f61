/**
 * The topology preview page. It receives a graph from the extension, lays it out and
 * draws it with the same pure functions the CLI uses, and sends back clicks. User text
 * only ever reaches the page through `textContent`; nothing is parsed as HTML.
 */
import type { FromTopologyWebview, ToTopologyWebview, TopologyViewState } from '../../server/src/shared/topologyWebview';
import { TOPOLOGY_AUTHORING_COMMANDS } from '../../server/src/shared/topologyWebview';
import { renderTopologyScene, type SvgElement } from '../../server/src/shared/topology/scene';
import { topologyStylesheet, VSCODE_PALETTE } from '../../server/src/shared/topology/styles';

interface VsCodeApi {
  postMessage(message: FromTopologyWebview): void;
  getState(): TopologyViewState | undefined;
  setState(state: TopologyViewState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const SVG_NS = 'http://www.w3.org/2000/svg';
const vscode = acquireVsCodeApi();
let current: Extract<ToTopologyWebview, { type: 'topology' }> | undefined;
let highlighted: string | null = null;

installTopologyStyles();
const toolbar = element('div', { id: 'toolbar', role: 'toolbar', 'aria-label': 'Topology actions' });
const heading = element('h1', { id: 'heading' });
const canvas = element('main', { id: 'canvas', 'aria-label': 'Pod topology' });
const status = element('p', { id: 'status', role: 'status' });
document.body.prepend(toolbar, heading, status, canvas);
buildToolbar();
handleNodeClicks();
status.textContent = 'Waiting for a pod…';

window.addEventListener('message', (event: MessageEvent<ToTopologyWebview>) => {
  const message = event.data;
  if (!message || typeof message !== 'object') return;
  switch (message.type) {
    case 'topology':
      // Answers can cross: never let an older version of the same file replace a newer one.
      if (current && current.uri === message.uri && message.version !== null && current.version !== null && message.version < current.version) return;
      // The answer to the page's "ready" repeats the one sent while it loaded: redrawing it would only replace the nodes under the pointer.
      if (current && JSON.stringify(current) === JSON.stringify(message)) return;
      current = message;
      vscode.setState({
        uri: message.uri,
        ...(message.graph ? { documentIndex: message.graph.target.documentIndex, podIndex: message.graph.target.podIndex } : {}),
        locked: message.locked,
      });
      render();
      break;
    case 'highlight':
      highlight(message.nodeId);
      break;
    case 'locked':
      if (current) current = { ...current, locked: message.locked };
      updateToolbar();
      break;
  }
});
vscode.postMessage({ type: 'ready' });

/** The class rules come from the shared stylesheet text; a constructed sheet needs no inline style under the CSP. */
function installTopologyStyles(): void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(topologyStylesheet(VSCODE_PALETTE));
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

function buildToolbar(): void {
  const select = element('select', { id: 'target', 'aria-label': 'Pod to show' });
  select.addEventListener('change', () => {
    const [documentIndex, podIndex] = select.value.split(':').map(Number);
    vscode.postMessage({ type: 'selectTarget', documentIndex: documentIndex!, podIndex: podIndex! });
  });
  toolbar.append(select);
  for (const entry of TOPOLOGY_AUTHORING_COMMANDS) {
    const button = element('button', { type: 'button', 'data-command': entry.command, title: `${entry.title} to this pod` }, entry.title);
    button.addEventListener('click', () => vscode.postMessage({ type: 'runCommand', command: entry.command }));
    toolbar.append(button);
  }
  const exportButton = element('button', { type: 'button', id: 'export', title: 'Save the picture as an SVG file' }, 'Export SVG');
  exportButton.addEventListener('click', () => vscode.postMessage({ type: 'exportSvg' }));
  const lockButton = element('button', { type: 'button', id: 'lock', 'aria-pressed': 'false', title: 'Keep showing this file when another editor becomes active' }, 'Lock');
  lockButton.addEventListener('click', () => vscode.postMessage({ type: 'toggleLock' }));
  toolbar.append(exportButton, lockButton);
}

function updateToolbar(): void {
  const select = document.getElementById('target') as HTMLSelectElement;
  const targets = current?.targets ?? [];
  select.replaceChildren(
    ...targets.map((target) => {
      const option = element('option', { value: `${target.documentIndex}:${target.podIndex}` }, target.label);
      const shown = current?.graph?.target;
      option.selected = !!shown && shown.documentIndex === target.documentIndex && shown.podIndex === target.podIndex;
      return option;
    }),
  );
  select.hidden = targets.length < 2;
  const hasPod = !!current?.graph;
  for (const button of toolbar.querySelectorAll<HTMLButtonElement>('button[data-command], #export')) button.disabled = !hasPod;
  const lock = document.getElementById('lock')!;
  lock.setAttribute('aria-pressed', String(!!current?.locked));
  lock.textContent = current?.locked ? 'Locked' : 'Lock';
}

function render(): void {
  updateToolbar();
  heading.textContent = current ? `Topology · ${current.fileName}` : 'Topology';
  if (!current?.graph) {
    canvas.replaceChildren();
    status.textContent = current ? 'This file holds no Pod, Deployment, Job or other pod-bearing object.' : 'Waiting for a pod…';
    return;
  }
  status.textContent = '';
  const focusedId = document.activeElement?.getAttribute('data-node-id');
  const svg = toDom(renderTopologyScene(current.graph));
  // It shrinks to the panel's width (CSS), but not below 70 %: smaller text is no longer readable.
  svg.style.minWidth = `${Math.round(Number(svg.getAttribute('width')) * 0.7)}px`;
  canvas.replaceChildren(svg);
  // VS Code's webview context menu reads these: the authoring commands, told which node was right-clicked.
  svg.setAttribute('data-vscode-context', JSON.stringify({ webviewSection: 'pod', preventDefaultContextMenuItems: true }));
  for (const node of svg.querySelectorAll<SVGGElement>('[data-node-id]')) {
    node.setAttribute('data-vscode-context', JSON.stringify({ nodeId: node.getAttribute('data-node-id') }));
    node.addEventListener('click', () => reveal(node));
    node.addEventListener('keydown', (event) => onNodeKey(event, node));
  }
  if (highlighted) highlight(highlighted);
  if (focusedId) svg.querySelector<SVGGElement>(`[data-node-id="${CSS.escape(focusedId)}"]`)?.focus();
}

/** Builds the DOM for a scene: elements by name, attributes by `setAttribute`, text by `textContent`. */
function toDom(scene: SvgElement): SVGElement {
  const node = document.createElementNS(SVG_NS, scene.tag) as SVGElement;
  for (const [name, value] of Object.entries(scene.attrs)) {
    if (name === 'xmlns') continue;
    node.setAttribute(name, String(value));
  }
  for (const child of scene.children) {
    if (typeof child === 'string') node.append(document.createTextNode(child));
    else node.append(toDom(child));
  }
  return node;
}

/**
 * Makes a click on a node reliably reveal it in the editor:
 * - The press does not take the focus into the preview. The reveal gives it to the editor, and VS Code
 *   learns that a webview got the focus only by polling (every 250 ms): a report arriving after the
 *   reveal made the preview the active editor again, with the editor's cursor and selection gone from
 *   the status bar and the editor commands pointed at no editor.
 * - A redraw (an edit, a newer answer) replaces the SVG. When it lands between the press and the
 *   release, Chromium sends the click to no node and the click would be lost: a release on the node
 *   with the pressed node's id is then taken as the click.
 */
function handleNodeClicks(): void {
  let pressed: Element | undefined;
  canvas.addEventListener('pointerdown', (event) => {
    pressed = event.button === 0 ? nodeOf(event.target) : undefined;
  });
  canvas.addEventListener('mousedown', (event) => {
    if (event.button === 0 && nodeOf(event.target)) event.preventDefault();
  });
  canvas.addEventListener('pointerup', (event) => {
    const pressedNode = pressed;
    pressed = undefined;
    // Still in the page: no redraw came between, and the browser's own click follows.
    if (event.button !== 0 || !pressedNode || pressedNode.isConnected) return;
    const released = nodeOf(event.target);
    if (released && released.getAttribute('data-node-id') === pressedNode.getAttribute('data-node-id')) reveal(released);
  });
}

function nodeOf(target: EventTarget | null): Element | undefined {
  return target instanceof Element ? (target.closest('[data-node-id]') ?? undefined) : undefined;
}

function reveal(node: Element): void {
  const nodeId = node.getAttribute('data-node-id');
  if (nodeId) vscode.postMessage({ type: 'reveal', nodeId });
}

function highlight(nodeId: string | null): void {
  highlighted = nodeId;
  for (const node of canvas.querySelectorAll('.pp-highlight')) node.classList.remove('pp-highlight');
  if (!nodeId) return;
  const target = canvas.querySelector(`[data-node-id="${CSS.escape(nodeId)}"]`);
  target?.classList.add('pp-highlight');
  if (target && nodeId !== 'pod') target.scrollIntoView({ block: 'nearest', inline: 'nearest' });
}

const DIRECTIONS: Record<string, [number, number]> = { ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowDown: [0, 1], ArrowUp: [0, -1] };

/** Enter or Space reveals the node; arrow keys move to the nearest node in that direction. */
function onNodeKey(event: KeyboardEvent, node: SVGGElement): void {
  if (event.key === 'Enter' || event.key === ' ') {
    event.preventDefault();
    reveal(node);
    return;
  }
  const direction = DIRECTIONS[event.key];
  if (!direction) return;
  event.preventDefault();
  const from = centre(node);
  let best: { node: SVGGElement; score: number } | undefined;
  for (const other of canvas.querySelectorAll<SVGGElement>('[data-node-id]')) {
    if (other === node || other.getAttribute('data-node-id') === 'pod') continue;
    const to = centre(other);
    const along = (to.x - from.x) * direction[0] + (to.y - from.y) * direction[1];
    if (along <= 1) continue;
    const across = Math.abs((to.x - from.x) * direction[1]) + Math.abs((to.y - from.y) * direction[0]);
    const score = along + 2 * across;
    if (!best || score < best.score) best = { node: other, score };
  }
  best?.node.focus();
}

function centre(node: SVGGElement): { x: number; y: number } {
  const box = node.getBBox();
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}
