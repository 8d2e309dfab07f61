/**
 * The topology preview page. It receives a graph from the extension, lays it out and
 * draws it with the same pure functions the CLI uses, and sends back clicks. User text
 * only ever reaches the page through `textContent`; nothing is parsed as HTML.
 */
import type {
  FromTopologyWebview,
  ToTopologyWebview,
  TopologyViewState,
} from '../../server/src/shared/topologyWebview';
import { TOPOLOGY_AUTHORING_COMMANDS, type TopologyAuthoringCommand } from '../../server/src/shared/topologyWebview';
import { renderLifecycleScene } from '../../server/src/shared/lifecycle/scene';
import { layoutTopology } from '../../server/src/shared/topology/layout';
import { renderTopologyScene, type SvgElement } from '../../server/src/shared/topology/scene';
import { themeKindOfBodyClasses, topologyStylesheet, vscodePalette } from '../../server/src/shared/topology/styles';

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
type Tab = 'topology' | 'lifecycle';
let tab: Tab = vscode.getState()?.tab ?? 'topology';
/** Null: the picture fits the panel's width; else a scale of its natural size. */
let zoom: number | null = null;
const ZOOM_STEPS = [0.5, 0.67, 0.8, 1, 1.25, 1.5, 2, 3];
/** A press that moves further than this (px) pans the picture instead of clicking. */
const PAN_THRESHOLD = 4;
/** The pointer moved the picture since it was pressed: its release is no click on a node. */
let panned = false;
/** Closes the "Add container" menu, if open (set up with the toolbar); true gives the focus back to its button. */
let closeAddMenu: (returnFocus: boolean) => void = () => {};

installTopologyStyles();
const toolbar = element('div', { id: 'toolbar', role: 'toolbar', 'aria-label': 'Topology actions' });
const heading = element('h1', { id: 'heading' });
const tabs = element('div', { id: 'tabs', role: 'tablist', 'aria-label': 'View' });
const canvas = element('main', { id: 'canvas', role: 'tabpanel', 'aria-label': 'Pod topology' });
const status = element('p', { id: 'status', role: 'status' });
// The file's name and the tabs share one line: every line above the picture is room the picture does not get.
const titleBar = element('div', { id: 'titlebar' });
titleBar.append(heading, tabs);
document.body.prepend(toolbar, titleBar, status, canvas);
buildToolbar();
buildTabs();
handleNodeClicks();
handleZoomAndPan();
followPanelSize();
status.textContent = 'Waiting for a pod…';

window.addEventListener('message', (event: MessageEvent<ToTopologyWebview>) => {
  const message = event.data;
  if (!message || typeof message !== 'object') return;
  switch (message.type) {
    case 'topology':
      // Answers can cross: never let an older version of the same file replace a newer one.
      if (
        current &&
        current.uri === message.uri &&
        message.version !== null &&
        current.version !== null &&
        message.version < current.version
      )
        return;
      // The answer to the page's "ready" repeats the one sent while it loaded: redrawing it would only replace the nodes under the pointer.
      if (current && JSON.stringify(current) === JSON.stringify(message)) return;
      current = message;
      saveState();
      render();
      break;
    case 'highlight':
      highlight(message.nodeId);
      break;
    case 'showTab':
      selectTab(message.tab);
      break;
    case 'locked':
      if (current) current = { ...current, locked: message.locked };
      updateToolbar();
      break;
  }
});
vscode.postMessage({ type: 'ready' });

/** The room the topology was last laid out for; a resize of the panel lays it out again. */
let laidOutFor = 0;
let laidOutForHeight = 0;

function fitWidth(): number {
  return Math.max(320, Math.floor(canvas.clientWidth));
}

/** The panel's height below the toolbar, tabs and status line, less the page's bottom padding. */
function fitHeight(): number {
  const bottomPadding = parseFloat(getComputedStyle(document.body).paddingBottom) || 0;
  return Math.max(240, Math.floor(window.innerHeight - canvas.offsetTop - bottomPadding));
}

function followPanelSize(): void {
  let pending = false;
  const relayout = () => {
    if (pending || !current?.graph) return;
    if (Math.abs(fitWidth() - laidOutFor) < 8 && Math.abs(fitHeight() - laidOutForHeight) < 8) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      render();
    });
  };
  new ResizeObserver(relayout).observe(canvas);
  window.addEventListener('resize', relayout);
}

function saveState(): void {
  vscode.setState({
    ...(current ? { uri: current.uri, locked: current.locked } : {}),
    ...(current?.graph
      ? { documentIndex: current.graph.target.documentIndex, podIndex: current.graph.target.podIndex }
      : {}),
    tab,
  });
}

function buildTabs(): void {
  const names: readonly [Tab, string][] = [
    ['topology', 'Topology'],
    ['lifecycle', 'Lifecycle'],
  ];
  for (const [name, label] of names) {
    const button = element(
      'button',
      { type: 'button', role: 'tab', id: `tab-${name}`, 'aria-controls': 'canvas' },
      label,
    );
    button.addEventListener('click', () => selectTab(name));
    button.addEventListener('keydown', (event) => {
      if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
      event.preventDefault();
      const next = names[(names.findIndex(([candidate]) => candidate === name) + 1) % names.length]![0];
      selectTab(next);
      document.getElementById(`tab-${next}`)?.focus();
    });
    tabs.append(button);
  }
  updateTabs();
}

function selectTab(name: Tab): void {
  if (tab === name) return;
  tab = name;
  saveState();
  render();
}

function updateTabs(): void {
  for (const button of tabs.querySelectorAll<HTMLButtonElement>('[role="tab"]')) {
    const selected = button.id === `tab-${tab}`;
    button.setAttribute('aria-selected', String(selected));
    button.tabIndex = selected ? 0 : -1;
  }
  canvas.setAttribute('aria-labelledby', `tab-${tab}`);
  canvas.setAttribute('aria-label', tab === 'topology' ? 'Pod topology' : 'Pod lifecycle');
}

/** Ctrl +/−/0 and Ctrl+wheel zoom (0 fits the width again); dragging the background pans. */
function handleZoomAndPan(): void {
  window.addEventListener('keydown', (event) => {
    if (!(event.ctrlKey || event.metaKey)) return;
    if (event.key === '+' || event.key === '=') setZoom(1);
    else if (event.key === '-') setZoom(-1);
    else if (event.key === '0') setZoom(0);
    else return;
    event.preventDefault();
  });
  canvas.addEventListener(
    'wheel',
    (event) => {
      if (!event.ctrlKey) return;
      event.preventDefault();
      setZoom(event.deltaY < 0 ? 1 : -1);
    },
    { passive: false },
  );
  // The pod's frame covers most of a zoomed picture: a drag pans from anywhere, nodes included, and the
  // click that ends a drag reveals nothing.
  let drag: { x: number; y: number; left: number; top: number } | undefined;
  canvas.addEventListener('pointerdown', (event) => {
    if (event.button !== 0) return;
    panned = false;
    drag = {
      x: event.clientX,
      y: event.clientY,
      left: canvas.scrollLeft,
      top: document.scrollingElement?.scrollTop ?? 0,
    };
  });
  window.addEventListener('pointermove', (event) => {
    if (!drag) return;
    const dx = event.clientX - drag.x;
    const dy = event.clientY - drag.y;
    if (!panned && Math.hypot(dx, dy) < PAN_THRESHOLD) return;
    panned = true;
    canvas.scrollLeft = drag.left - dx;
    if (document.scrollingElement) document.scrollingElement.scrollTop = drag.top - dy;
  });
  window.addEventListener('pointerup', () => (drag = undefined));
  canvas.addEventListener(
    'click',
    (event) => {
      if (!panned) return;
      panned = false;
      event.stopPropagation();
    },
    true,
  );
}

/** +1 / −1 steps from the current scale (the fitted one when fitting), 0 fits the width again. */
function setZoom(direction: -1 | 0 | 1): void {
  const svg = canvas.querySelector('svg');
  if (!svg) return;
  if (direction === 0) {
    zoom = null;
  } else {
    const natural = Number(svg.getAttribute('width'));
    const now = zoom ?? svg.getBoundingClientRect().width / natural;
    zoom =
      direction > 0
        ? (ZOOM_STEPS.find((step) => step > now + 0.01) ?? ZOOM_STEPS[ZOOM_STEPS.length - 1]!)
        : ([...ZOOM_STEPS].reverse().find((step) => step < now - 0.01) ?? ZOOM_STEPS[0]!);
  }
  applyZoom(svg);
}

function applyZoom(svg: SVGElement): void {
  const natural = Number(svg.getAttribute('width'));
  svg.classList.toggle('pp-zoomed', zoom !== null);
  svg.style.width = zoom === null ? '' : `${Math.round(natural * zoom)}px`;
  const label = document.getElementById('zoom-level');
  if (label) label.textContent = zoom === null ? 'Fit' : `${Math.round(zoom * 100)}%`;
}

/** The class rules come from the shared stylesheet text; a constructed sheet needs no inline style under the CSP. */
function installTopologyStyles(): void {
  const sheet = new CSSStyleSheet();
  const apply = () =>
    sheet.replaceSync(topologyStylesheet(vscodePalette(themeKindOfBodyClasses(document.body.classList))));
  apply();
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  // VS Code switches the body's theme class when the user changes the colour theme.
  new MutationObserver(apply).observe(document.body, { attributes: true, attributeFilter: ['class'] });
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  text?: string,
): HTMLElementTagNameMap[K] {
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
  toolbar.append(select, addContainerMenu());
  const exportButton = element(
    'button',
    { type: 'button', id: 'export', title: 'Save the picture as an SVG file' },
    'Export SVG',
  );
  exportButton.addEventListener('click', () =>
    vscode.postMessage({ type: 'exportSvg', tab, width: laidOutFor, height: laidOutForHeight }),
  );
  const zoomOut = element(
    'button',
    { type: 'button', id: 'zoom-out', title: 'Zoom out (Ctrl −)', 'aria-label': 'Zoom out' },
    '−',
  );
  const zoomLevel = element(
    'button',
    { type: 'button', id: 'zoom-level', title: 'Fit to the width (Ctrl 0)', 'aria-label': 'Fit to the width' },
    'Fit',
  );
  const zoomIn = element(
    'button',
    { type: 'button', id: 'zoom-in', title: 'Zoom in (Ctrl +)', 'aria-label': 'Zoom in' },
    '+',
  );
  zoomOut.addEventListener('click', () => setZoom(-1));
  zoomLevel.addEventListener('click', () => setZoom(0));
  zoomIn.addEventListener('click', () => setZoom(1));
  toolbar.append(zoomOut, zoomLevel, zoomIn);
  const lockButton = element(
    'button',
    {
      type: 'button',
      id: 'lock',
      'aria-pressed': 'false',
      title: 'Keep showing this file when another editor becomes active',
    },
    'Lock',
  );
  lockButton.addEventListener('click', () => vscode.postMessage({ type: 'toggleLock' }));
  toolbar.append(exportButton, lockButton);
}

/**
 * The authoring commands behind one menu button: five buttons wrapped the toolbar to a second row in a
 * 650 px side panel, and that row was height the picture did not get. A menu button as WAI-ARIA describes
 * it: Enter, Space or ArrowDown opens it on its first item (ArrowUp on its last), the arrows, Home and End
 * move, Enter or Space runs the item, Escape closes it and gives the focus back; a click outside, Tab or
 * the page losing the focus closes it too.
 */
function addContainerMenu(): HTMLElement {
  const wrapper = element('div', { id: 'add-menu-wrapper' });
  const trigger = element('button', {
    type: 'button',
    id: 'add-menu-button',
    'aria-haspopup': 'menu',
    'aria-expanded': 'false',
    'aria-controls': 'add-menu',
    title: 'Add a container to this pod',
  });
  trigger.append('Add container', element('span', { class: 'chevron', 'aria-hidden': 'true' }, '▾'));
  const menu = element('div', { id: 'add-menu', role: 'menu', 'aria-labelledby': 'add-menu-button' });
  menu.hidden = true;
  const items = TOPOLOGY_AUTHORING_COMMANDS.map((entry) => {
    const item = element(
      'div',
      { role: 'menuitem', tabindex: '-1', 'data-command': entry.command, title: `${entry.title} to this pod` },
      entry.title,
    );
    item.addEventListener('click', () => run(entry.command));
    return item;
  });
  menu.append(...items);
  wrapper.append(trigger, menu);

  const isOpen = () => !menu.hidden;
  const open = (focusIndex: number) => {
    menu.hidden = false;
    trigger.setAttribute('aria-expanded', 'true');
    items.at(focusIndex)?.focus();
  };
  const close = (returnFocus: boolean) => {
    if (!isOpen()) return;
    menu.hidden = true;
    trigger.setAttribute('aria-expanded', 'false');
    if (returnFocus) trigger.focus();
  };
  closeAddMenu = close;
  const run = (command: TopologyAuthoringCommand) => {
    close(true);
    vscode.postMessage({ type: 'runCommand', command });
  };

  // Enter and Space on a button are a click: one path for the keyboard and the mouse.
  trigger.addEventListener('click', () => (isOpen() ? close(true) : open(0)));
  trigger.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    open(event.key === 'ArrowDown' ? 0 : -1);
  });
  menu.addEventListener('keydown', (event) => {
    const index = items.indexOf(document.activeElement as HTMLDivElement);
    const moveTo = (next: number) => items[(next + items.length) % items.length]!.focus();
    switch (event.key) {
      case 'ArrowDown':
        moveTo(index + 1);
        break;
      case 'ArrowUp':
        moveTo(index - 1);
        break;
      case 'Home':
        moveTo(0);
        break;
      case 'End':
        moveTo(-1);
        break;
      case 'Enter':
      case ' ':
        if (index >= 0) run(TOPOLOGY_AUTHORING_COMMANDS[index]!.command);
        break;
      case 'Escape':
        close(true);
        break;
      case 'Tab':
        // The focus moves on from the button, as after any toolbar control.
        trigger.focus();
        close(false);
        return;
      default:
        return;
    }
    event.preventDefault();
    event.stopPropagation();
  });
  document.addEventListener('pointerdown', (event) => {
    if (!(event.target instanceof Node && wrapper.contains(event.target))) close(false);
  });
  // A click in the editor or elsewhere in VS Code is outside the page: it reaches no listener here but takes its focus.
  window.addEventListener('blur', () => close(false));
  return wrapper;
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
  // A long name is cut short in the narrow selector: the tooltip shows it whole.
  select.title = select.selectedOptions[0]?.textContent ?? '';
  const hasPod = !!current?.graph;
  for (const button of toolbar.querySelectorAll<HTMLButtonElement>('#add-menu-button, #export'))
    button.disabled = !hasPod;
  // The pod went away while the menu was open: its commands would have no pod to add to.
  if (!hasPod) closeAddMenu(false);
  const lock = document.getElementById('lock')!;
  lock.setAttribute('aria-pressed', String(!!current?.locked));
  lock.textContent = current?.locked ? 'Locked' : 'Lock';
}

function render(): void {
  updateToolbar();
  updateTabs();
  heading.textContent = current ? `${tab === 'topology' ? 'Topology' : 'Lifecycle'} · ${current.fileName}` : 'Topology';
  if (!current?.graph) {
    canvas.replaceChildren();
    status.textContent = !current
      ? 'Waiting for a pod…'
      : current.syntaxError
        ? `Not drawn: ${current.syntaxError}.`
        : current.template
          ? 'template: not rendered. This file holds template expressions ({{ … }}); render it (for example helm template) to see its pods.'
          : 'This file holds no Pod, Deployment, Job or other pod-bearing object.';
    return;
  }
  status.textContent = '';
  // Both pictures are drawn for the panel's width (the topology for its height too), so they fit it with their text at full size.
  laidOutFor = fitWidth();
  laidOutForHeight = fitHeight();
  if (tab === 'lifecycle') {
    const svg = current.lifecycle
      ? toDom(renderLifecycleScene(current.lifecycle, { maxWidth: laidOutFor }))
      : undefined;
    canvas.replaceChildren(...(svg ? [svg] : []));
    if (svg) applyZoom(svg);
    return;
  }
  const focusedId = document.activeElement?.getAttribute('data-node-id');
  // A pod too wide for one row is wrapped into phase lanes, drawn compact when they are taller than the panel.
  const svg = toDom(
    renderTopologyScene(
      current.graph,
      layoutTopology(current.graph, { maxWidth: laidOutFor, maxHeight: laidOutForHeight }),
    ),
  );
  canvas.replaceChildren(svg);
  applyZoom(svg);
  // VS Code's webview context menu reads these: the authoring commands, told which node was right-clicked.
  svg.setAttribute(
    'data-vscode-context',
    JSON.stringify({ webviewSection: 'pod', preventDefaultContextMenuItems: true }),
  );
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
    if (event.button !== 0 || !pressedNode || pressedNode.isConnected || panned) return;
    const released = nodeOf(event.target);
    if (released && released.getAttribute('data-node-id') === pressedNode.getAttribute('data-node-id'))
      reveal(released);
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

const DIRECTIONS: Record<string, [number, number]> = {
  ArrowRight: [1, 0],
  ArrowLeft: [-1, 0],
  ArrowDown: [0, 1],
  ArrowUp: [0, -1],
};

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
