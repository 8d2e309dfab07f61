import type { SvgElement } from './scene';
import { DARK_PALETTE, LIGHT_PALETTE, topologyStylesheet } from './styles';

export type SvgTheme = 'light' | 'dark';

// XML 1.0 forbids most control characters even as references; they would make the file unreadable.
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeXmlText(text: string): string {
  return text.replace(INVALID_XML, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeXmlAttribute(text: string): string {
  return escapeXmlText(text).replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

const ATTRIBUTE_NAME = /^[A-Za-z_][A-Za-z0-9_.:-]*$/;

/** Writes a scene as a standalone SVG document with a fixed light or dark palette. */
export function sceneToSvgString(scene: SvgElement, theme: SvgTheme): string {
  const style: SvgElement = {
    tag: 'style',
    attrs: {},
    children: [topologyStylesheet(theme === 'dark' ? DARK_PALETTE : LIGHT_PALETTE)],
  };
  const withStyle: SvgElement = { ...scene, children: [style, ...scene.children] };
  return `<?xml version="1.0" encoding="UTF-8"?>\n${write(withStyle)}\n`;
}

function write(element: SvgElement): string {
  if (!ATTRIBUTE_NAME.test(element.tag)) throw new Error(`invalid element name ${element.tag}`);
  let out = `<${element.tag}`;
  for (const [name, value] of Object.entries(element.attrs)) {
    if (!ATTRIBUTE_NAME.test(name)) throw new Error(`invalid attribute name ${name}`);
    out += ` ${name}="${escapeXmlAttribute(String(value))}"`;
  }
  if (element.children.length === 0) return `${out}/>`;
  out += '>';
  const nested = element.children.some((child) => typeof child !== 'string');
  for (const child of element.children)
    out += typeof child === 'string' ? escapeXmlText(child) : `${nested ? '\n' : ''}${write(child)}`;
  return `${out}${nested ? '\n' : ''}</${element.tag}>`;
}
