/**
 * The look of the topology, written once: class rules over `--pp-*` custom properties,
 * and palettes that give those properties values. The webview maps them to the editor
 * theme's `--vscode-*` variables; the CLI picks a fixed light or dark palette.
 */
export type PaletteName =
  | 'bg'
  | 'fg'
  | 'muted'
  | 'font'
  | 'frame-fill'
  | 'frame-stroke'
  | 'node-fill'
  | 'node-stroke'
  | 'focus'
  | KindColour
  | 'volume'
  | 'warning'
  | 'information'
  | 'hint'
  | 'badge-text';

export type Palette = Readonly<Record<PaletteName, string>>;

export const LIGHT_PALETTE: Palette = {
  bg: '#ffffff',
  fg: '#1f2328',
  muted: '#57606a',
  font: 'system-ui, -apple-system, "Segoe UI", Ubuntu, sans-serif',
  'frame-fill': '#f6f8fa',
  'frame-stroke': '#8c959f',
  'node-fill': '#ffffff',
  'node-stroke': '#8c959f',
  focus: '#0969da',
  main: '#0969da',
  sidecar: '#1a7f37',
  adapter: '#8250df',
  ambassador: '#bc4c00',
  init: '#9a6700',
  'native-sidecar': '#1b7c83',
  volume: '#57606a',
  config: '#1b7c83',
  secret: '#cf222e',
  claim: '#0969da',
  host: '#bc4c00',
  link: '#bc4c00',
  external: '#cf222e',
  service: '#0969da',
  error: '#cf222e',
  warning: '#9a6700',
  information: '#0969da',
  hint: '#57606a',
  'badge-text': '#ffffff',
};

export const DARK_PALETTE: Palette = {
  bg: '#1e1e1e',
  fg: '#d4d4d4',
  muted: '#9da5b4',
  font: 'system-ui, -apple-system, "Segoe UI", Ubuntu, sans-serif',
  'frame-fill': '#252526',
  'frame-stroke': '#6e7681',
  'node-fill': '#2d2d30',
  'node-stroke': '#6e7681',
  focus: '#4fa3ff',
  main: '#4fa3ff',
  sidecar: '#56d364',
  adapter: '#bc8cff',
  ambassador: '#ffa657',
  init: '#e3b341',
  'native-sidecar': '#39c5cf',
  volume: '#9da5b4',
  config: '#39c5cf',
  secret: '#ff7b72',
  claim: '#4fa3ff',
  host: '#ffa657',
  link: '#ffa657',
  external: '#ff7b72',
  service: '#4fa3ff',
  error: '#f85149',
  warning: '#d29922',
  information: '#4fa3ff',
  hint: '#9da5b4',
  'badge-text': '#000000',
};

/** The kind of editor theme, from the class VS Code puts on the webview's body. */
export type ThemeKind = 'light' | 'dark' | 'high-contrast' | 'high-contrast-light';

export function themeKindOfBodyClasses(classes: { contains(name: string): boolean }): ThemeKind {
  if (classes.contains('vscode-high-contrast-light')) return 'high-contrast-light';
  if (classes.contains('vscode-high-contrast')) return 'high-contrast';
  return classes.contains('vscode-dark') ? 'dark' : 'light';
}

type KindColour =
  | 'main'
  | 'sidecar'
  | 'adapter'
  | 'ambassador'
  | 'init'
  | 'native-sidecar'
  | 'config'
  | 'secret'
  | 'claim'
  | 'host'
  | 'link'
  | 'external'
  | 'service'
  | 'error';

/**
 * Solid role and edge colours per theme kind. The editor's chart tokens are not used: some
 * built-in themes define them with a low alpha (`--vscode-charts-orange` is rgba(234,92,0,0.33) in
 * Light and Dark Modern), which leaves an ambassador or a deadlock edge nearly invisible. Each
 * colour has a contrast of at least 3:1 (WCAG's minimum for lines and shapes) against the editor,
 * frame and box backgrounds of its kind's built-in themes (test/unit/topology/themeColours.test.ts).
 */
export const KIND_COLOURS: Readonly<Record<ThemeKind, Readonly<Record<KindColour, string>>>> = {
  light: {
    main: '#0969da',
    sidecar: '#1a7f37',
    adapter: '#8250df',
    ambassador: '#bc4c00',
    init: '#8a5c00',
    'native-sidecar': '#1b7c83',
    config: '#1b7c83',
    secret: '#cf222e',
    claim: '#0969da',
    host: '#bc4c00',
    link: '#bc4c00',
    external: '#cf222e',
    service: '#0969da',
    error: '#cf222e',
  },
  dark: {
    main: '#4fa3ff',
    sidecar: '#56d364',
    adapter: '#bc8cff',
    ambassador: '#ffa657',
    init: '#e3b341',
    'native-sidecar': '#39c5cf',
    config: '#39c5cf',
    secret: '#ff7b72',
    claim: '#4fa3ff',
    host: '#ffa657',
    link: '#ffa657',
    external: '#ff7b72',
    service: '#4fa3ff',
    error: '#ff6b6b',
  },
  'high-contrast': {
    main: '#6fc3ff',
    sidecar: '#89e089',
    adapter: '#d6a8ff',
    ambassador: '#ffb86c',
    init: '#ffd866',
    'native-sidecar': '#4fe3ea',
    config: '#4fe3ea',
    secret: '#ff8080',
    claim: '#6fc3ff',
    host: '#ffb86c',
    link: '#ffb86c',
    external: '#ff8080',
    service: '#6fc3ff',
    error: '#ff8080',
  },
  'high-contrast-light': {
    main: '#0f4a85',
    sidecar: '#116329',
    adapter: '#5a2ca0',
    ambassador: '#8a3800',
    init: '#6b4a00',
    'native-sidecar': '#0b5a60',
    config: '#0b5a60',
    secret: '#b5200d',
    claim: '#0f4a85',
    host: '#8a3800',
    link: '#8a3800',
    external: '#b5200d',
    service: '#0f4a85',
    error: '#b5200d',
  },
};

/** The editor theme's surfaces and text, with solid colours of the theme's kind for roles and edges. */
export function vscodePalette(kind: ThemeKind): Palette {
  const colours = KIND_COLOURS[kind];
  return {
    bg: 'var(--vscode-editor-background, #ffffff)',
    fg: 'var(--vscode-editor-foreground, #1f2328)',
    muted: 'var(--vscode-descriptionForeground, #57606a)',
    font: 'var(--vscode-font-family, system-ui, sans-serif)',
    'frame-fill': 'var(--vscode-textBlockQuote-background, var(--vscode-editor-background, #f6f8fa))',
    'frame-stroke': 'var(--vscode-contrastBorder, var(--vscode-panel-border, #8c959f))',
    'node-fill': 'var(--vscode-editorWidget-background, #ffffff)',
    'node-stroke': 'var(--vscode-contrastBorder, var(--vscode-widget-border, #8c959f))',
    focus: 'var(--vscode-focusBorder, #0969da)',
    ...colours,
    volume: 'var(--vscode-descriptionForeground, #57606a)',
    warning: 'var(--vscode-editorWarning-foreground, #9a6700)',
    information: colours.main,
    hint: 'var(--vscode-descriptionForeground, #57606a)',
    'badge-text': 'var(--vscode-editor-background, #ffffff)',
  };
}

const RULES = `
.pp-topology { font-family: var(--pp-font); font-size: 12px; }
.pp-background { fill: var(--pp-bg); }
.pp-frame { fill: var(--pp-frame-fill); stroke: var(--pp-frame-stroke); stroke-width: 1.5; }
.pp-frame-title { fill: var(--pp-fg); font-size: 14px; font-weight: 600; }
.pp-frame-sub, .pp-node-sub, .pp-legend-label { fill: var(--pp-muted); }
.pp-lane-label { fill: var(--pp-muted); font-size: 11px; font-weight: 600; paint-order: stroke; stroke: var(--pp-frame-fill); stroke-width: 4px; stroke-linejoin: round; }
.pp-lane-outside { stroke: var(--pp-bg); }
.pp-node { cursor: pointer; outline: none; }
.pp-node-box { fill: var(--pp-node-fill); stroke: var(--pp-kind-colour, var(--pp-node-stroke)); stroke-width: 1.5; }
.pp-node-title { fill: var(--pp-fg); font-size: 13px; font-weight: 600; }
.pp-role-main { --pp-kind-colour: var(--pp-main); }
.pp-role-sidecar { --pp-kind-colour: var(--pp-sidecar); }
.pp-role-adapter { --pp-kind-colour: var(--pp-adapter); }
.pp-role-ambassador { --pp-kind-colour: var(--pp-ambassador); }
.pp-role-init { --pp-kind-colour: var(--pp-init); }
.pp-role-native-sidecar { --pp-kind-colour: var(--pp-native-sidecar); }
.pp-role-strip, .pp-legend-swatch { fill: var(--pp-kind-colour); stroke: none; }
.pp-role-native-sidecar .pp-node-box { stroke-dasharray: 8 3; }
.pp-volume { --pp-kind-colour: var(--pp-volume); }
.pp-volume-configMap, .pp-volume-downwardAPI, .pp-volume-projected { --pp-kind-colour: var(--pp-config); }
.pp-volume-secret { --pp-kind-colour: var(--pp-secret); }
.pp-volume-persistentVolumeClaim, .pp-volume-ephemeral { --pp-kind-colour: var(--pp-claim); }
.pp-volume-hostPath { --pp-kind-colour: var(--pp-host); }
.pp-volume-emptyDir .pp-node-box { stroke-dasharray: 6 3; }
.pp-volume-undeclared { --pp-kind-colour: var(--pp-error); }
.pp-volume-undeclared .pp-node-box { stroke-dasharray: 2 3; }
.pp-endpoint { --pp-kind-colour: var(--pp-external); }
.pp-endpoint .pp-node-box { stroke-dasharray: 4 3; }
.pp-service { --pp-kind-colour: var(--pp-service); }
.pp-service .pp-node-box { stroke-width: 2.5; }
.pp-edge-line { fill: none; stroke: var(--pp-edge-colour); stroke-width: 1.6; }
.pp-edge-sequence { --pp-edge-colour: var(--pp-init); }
.pp-edge-mount { --pp-edge-colour: var(--pp-volume); }
.pp-edge-readonly .pp-edge-line { stroke-dasharray: 6 4; }
.pp-edge-localhost { --pp-edge-colour: var(--pp-link); }
.pp-edge-localhost .pp-edge-line { stroke-width: 2; }
.pp-edge-external { --pp-edge-colour: var(--pp-external); }
.pp-edge-external .pp-edge-line { stroke-dasharray: 2 3; }
.pp-edge-service { --pp-edge-colour: var(--pp-service); }
.pp-edge-service .pp-edge-line { stroke-width: 2.5; }
.pp-edge-deadlock { --pp-edge-colour: var(--pp-error); }
.pp-edge-deadlock .pp-edge-line { stroke-width: 2.5; stroke-dasharray: 9 5; }
.pp-edge-deadlock .pp-edge-label { fill: var(--pp-error); font-weight: 700; }
.pp-arrowhead-deadlock { fill: var(--pp-error); }
.pp-arrowhead-sequence { fill: var(--pp-init); }
.pp-arrowhead-mount { fill: var(--pp-volume); }
.pp-arrowhead-localhost { fill: var(--pp-link); }
.pp-arrowhead-external { fill: var(--pp-external); }
.pp-arrowhead-service { fill: var(--pp-service); }
.pp-edge-label { fill: var(--pp-fg); font-size: 11px; paint-order: stroke; stroke: var(--pp-frame-fill); stroke-width: 4px; stroke-linejoin: round; }
.pp-badge circle { fill: var(--pp-severity-colour); }
.pp-badge text { fill: var(--pp-badge-text); font-size: 11px; font-weight: 700; }
.pp-severity-error { --pp-severity-colour: var(--pp-error); }
.pp-severity-warning { --pp-severity-colour: var(--pp-warning); }
.pp-severity-information { --pp-severity-colour: var(--pp-information); }
.pp-severity-hint { --pp-severity-colour: var(--pp-hint); }
.pp-node:focus .pp-node-box, .pp-node:focus .pp-frame, .pp-highlight .pp-node-box, .pp-highlight.pp-pod .pp-frame { stroke: var(--pp-focus); stroke-width: 3; }
.pp-node:focus .pp-node-box, .pp-node:focus .pp-frame { stroke-dasharray: none; }
.pp-lc-tick { stroke: var(--pp-node-stroke); stroke-width: 1; stroke-dasharray: 2 4; }
.pp-lc-tick-label, .pp-lc-label { fill: var(--pp-fg); font-size: 12px; }
.pp-lc-role, .pp-lc-gap-label { fill: var(--pp-muted); font-size: 11px; }
.pp-lc-bar { stroke: none; }
.pp-lc-starting { fill: var(--pp-kind-colour); opacity: 0.45; }
.pp-lc-up { fill: var(--pp-kind-colour); }
.pp-lc-stopping { fill: var(--pp-muted); }
.pp-lc-within { stroke: var(--pp-muted); stroke-width: 2; stroke-dasharray: 3 3; }
.pp-lc-event { fill: var(--pp-bg); stroke: var(--pp-fg); stroke-width: 1.5; }
.pp-lc-never { fill: var(--pp-error); font-size: 12px; font-weight: 600; }
.pp-lc-flag { fill: var(--pp-severity-colour, var(--pp-fg)); font-size: 12px; font-weight: 600; }
.pp-lc-never-starts .pp-lc-label { fill: var(--pp-muted); }
.pp-lc-shutdown-line { stroke: var(--pp-error); stroke-width: 2; stroke-dasharray: 6 3; }
.pp-lc-shutdown-label { fill: var(--pp-fg); font-size: 12px; font-weight: 600; }
.pp-lc-row:focus { outline: 2px solid var(--pp-focus); }
`;

/** A stylesheet for the topology SVG with this palette. Contains no `<` or `&`, so it embeds as-is. */
export function topologyStylesheet(palette: Palette): string {
  const properties = (Object.keys(palette) as PaletteName[]).map((name) => `--pp-${name}: ${palette[name]};`).join(' ');
  return `.pp-topology { ${properties} }${RULES}`;
}
