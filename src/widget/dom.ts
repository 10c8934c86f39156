/** Attribute values for {@link el}; `false`/`undefined` leave the attribute out, `true` sets it empty. */
export type Attrs = Record<string, string | number | boolean | undefined>;
/** Children for {@link el}; strings become text nodes, never markup. */
export type Child = Node | string | null | undefined | false;

/**
 * Creates an element with attributes and children. Text is always inserted as text nodes, so
 * server or document text can never become markup; event-handler attributes are refused.
 */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (/^on/i.test(name)) throw new Error(`refusing to set ${name}`);
    if (name === 'class') node.className = String(value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  append(node, ...children);
  return node;
}

/** Appends children (strings as text nodes). */
export function append(parent: Node & ParentNode, ...children: Child[]): void {
  for (const c of children) if (c !== null && c !== undefined && c !== false) parent.append(c);
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** A 24×24 stroked icon from path data (constant strings in this bundle). */
export function icon(...paths: string[]): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  for (const d of paths) {
    const path = document.createElementNS(SVG_NS, 'path');
    path.setAttribute('d', d);
    svg.append(path);
  }
  return svg;
}

/** Icon path data. */
export const ICONS = {
  chat: 'M4 5h16v11H9l-5 4z',
  close: 'M6 6l12 12M18 6L6 18',
  send: 'M4 12l16-8-6 16-2-7z',
  stop: 'M7 7h10v10H7z',
  plus: 'M12 5v14M5 12h14',
  back: 'M15 5l-7 7 7 7',
  up: 'M7 11v9H4v-9zM7 11l4-8c1.5 0 2.5 1 2.5 2.5V9h5c1 0 2 1 1.8 2l-1.5 7c-.2 1-1 2-2 2H7',
  down: 'M7 13V4H4v9zM7 13l4 8c1.5 0 2.5-1 2.5-2.5V15h5c1 0 2-1 1.8-2l-1.5-7c-.2-1-1-2-2-2H7',
} as const;
