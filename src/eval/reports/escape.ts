const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

// Characters XML 1.0 cannot carry at all: C0 controls except tab/newline/return, U+FFFE/U+FFFF and lone surrogates.
const NOT_XML_CHAR = new RegExp(
  [
    String.raw`[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]`,
    String.raw`[\uD800-\uDBFF](?![\uDC00-\uDFFF])`,
    String.raw`(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]`,
  ].join('|'),
  'g',
);

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** Escapes text for XML content and attributes, replacing characters XML 1.0 forbids with U+FFFD. */
export function escapeXml(text: string): string {
  return escapeHtml(text.replace(NOT_XML_CHAR, '\uFFFD'));
}
