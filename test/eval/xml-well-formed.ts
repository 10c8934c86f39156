const NAME = '[A-Za-z_][\\w.:-]*';
const ATTR = new RegExp(`\\s+(${NAME})="([^"<]*)"`, 'g');
const OPEN = new RegExp(`^<(${NAME})((?:\\s+${NAME}="[^"<]*")*)\\s*(/?)>$`);
const CLOSE = new RegExp(`^</(${NAME})\\s*>$`);
const ENTITY = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const BAD_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

/** Problems that make `xml` not well-formed (a strict subset check: elements, attributes, text, entities). */
export function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  if (BAD_CHAR.test(xml)) problems.push('contains a character XML 1.0 forbids');
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const stack: string[] = [];
  let roots = 0;
  for (const [token] of body.matchAll(/<[^<>]*>|[^<]+|</g)) {
    if (token === '<') {
      problems.push('raw "<" in text');
    } else if (token.startsWith('</')) {
      const m = CLOSE.exec(token);
      const open = stack.pop();
      if (!m || m[1] !== open) problems.push(`closing ${token} does not match <${open ?? ''}>`);
    } else if (token.startsWith('<')) {
      const m = OPEN.exec(token);
      if (!m) {
        problems.push(`malformed tag ${token}`);
        continue;
      }
      const names = [...(m[2] ?? '').matchAll(ATTR)].map((a) => a[1]);
      if (new Set(names).size !== names.length) problems.push(`duplicate attribute in ${token}`);
      for (const a of (m[2] ?? '').matchAll(ATTR))
        if (ENTITY.test(a[2] ?? '')) problems.push(`bad entity in attribute ${a[1]}`);
      if (!stack.length) roots += 1;
      if (m[3] !== '/') stack.push(m[1] ?? '');
    } else {
      if (!stack.length && token.trim()) problems.push('text outside the root element');
      if (ENTITY.test(token)) problems.push(`bad entity in text ${JSON.stringify(token.slice(0, 40))}`);
    }
  }
  if (stack.length) problems.push(`unclosed <${stack.join('>, <')}>`);
  if (roots !== 1) problems.push(`expected one root element, found ${roots}`);
  return problems;
}
