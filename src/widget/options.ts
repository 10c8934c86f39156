/** Settings read from the embedding `<script>` tag's data- attributes. */
export interface WidgetOptions {
  /** Origin of the server that served widget.js; the API is called there. */
  apiBase: string;
  title: string;
  accent: string;
  position: 'left' | 'right';
  open: boolean;
}

const DEFAULT_ACCENT = '#0a7a5a';

function validColor(value: string): boolean {
  if (value.length > 40 || !/^[#\w(),.%\s-]+$/.test(value)) return false;
  return typeof CSS === 'undefined' || typeof CSS.supports !== 'function' || CSS.supports('color', value);
}

/**
 * Reads `data-title`, `data-accent`, `data-position` (`left`|`right`) and `data-open` from the
 * script element; the API base is the origin of the script's own `src`.
 */
export function readOptions(script: HTMLScriptElement | null, fallbackOrigin: string): WidgetOptions {
  const data = script?.dataset ?? {};
  let apiBase = fallbackOrigin;
  try {
    if (script?.src) apiBase = new URL(script.src).origin;
  } catch {
    // keep the page's origin
  }
  const title = (data.title ?? '').trim().slice(0, 80) || 'Ask the documents';
  const accent = (data.accent ?? '').trim();
  return {
    apiBase,
    title,
    accent: accent && validColor(accent) ? accent : DEFAULT_ACCENT,
    position: data.position === 'left' ? 'left' : 'right',
    open: data.open === 'true' || data.open === '',
  };
}
