import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  KIND_COLOURS,
  themeKindOfBodyClasses,
  vscodePalette,
  type ThemeKind,
} from '../../../server/src/service/topology';

/**
 * The backgrounds role colours are drawn on in VS Code's built-in themes (editor.background,
 * textBlockQuote.background for the pod frame, editorWidget.background for boxes; alpha colours
 * composed over the editor background), as VS Code 1.9x's built-in themes set them (approximately).
 */
const BACKGROUNDS: Readonly<Record<ThemeKind, Readonly<Record<string, readonly string[]>>>> = {
  light: {
    'Light Modern': ['#ffffff', '#f8f8f8', '#f8f8f8'],
    'Light+ / Light (Visual Studio)': ['#ffffff', '#f2f2f2', '#f3f3f3'],
  },
  dark: {
    'Dark Modern': ['#1f1f1f', '#2b2b2b', '#202020'],
    'Dark+ / Dark (Visual Studio)': ['#1e1e1e', '#2a2a2a', '#252526'],
  },
  'high-contrast': { 'Dark High Contrast': ['#000000', '#000000', '#0c141f'] },
  'high-contrast-light': { 'Light High Contrast': ['#ffffff', '#ffffff', '#ffffff'] },
};

function luminance(hex: string): number {
  const channel = (index: number) => {
    const value = parseInt(hex.slice(1 + index * 2, 3 + index * 2), 16) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

test('every role and edge colour stands out at 3:1 or more on the backgrounds of its built-in themes', () => {
  const failures: string[] = [];
  for (const kind of Object.keys(KIND_COLOURS) as ThemeKind[]) {
    for (const [theme, backgrounds] of Object.entries(BACKGROUNDS[kind])) {
      for (const [name, colour] of Object.entries(KIND_COLOURS[kind])) {
        for (const background of backgrounds) {
          const ratio = contrast(colour, background);
          if (ratio < 3) failures.push(`${theme}: ${name} ${colour} on ${background} is ${ratio.toFixed(2)}:1`);
        }
      }
    }
  }
  assert.deepEqual(failures, []);
});

test('the webview palette uses solid colours for roles and edges, never the low-alpha chart tokens', () => {
  for (const kind of Object.keys(KIND_COLOURS) as ThemeKind[]) {
    const palette = vscodePalette(kind);
    for (const name of [
      'main',
      'sidecar',
      'adapter',
      'ambassador',
      'init',
      'native-sidecar',
      'link',
      'external',
      'error',
    ] as const) {
      assert.match(palette[name], /^#[0-9a-f]{6}$/, `${kind} ${name}`);
    }
    assert.ok(!Object.values(palette).some((value) => value.includes('--vscode-charts-')), kind);
  }
});

test('the theme kind comes from the body class VS Code sets', () => {
  const classes = (...names: string[]) => ({ contains: (name: string) => names.includes(name) });
  assert.equal(themeKindOfBodyClasses(classes('vscode-light')), 'light');
  assert.equal(themeKindOfBodyClasses(classes('vscode-dark')), 'dark');
  assert.equal(themeKindOfBodyClasses(classes('vscode-high-contrast')), 'high-contrast');
  assert.equal(
    themeKindOfBodyClasses(classes('vscode-high-contrast', 'vscode-high-contrast-light')),
    'high-contrast-light',
  );
  assert.equal(themeKindOfBodyClasses(classes()), 'light');
});
