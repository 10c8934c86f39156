/**
 * Classifies a TAT-QA arithmetic `derivation` (e.g. `(12.3-15.6)/15.6`) by its form. Pure: it parses the
 * expression (numbers may carry `$`, thousands separators and `%`; whitespace and redundant parentheses
 * are ignored; a factor `* 100` is dropped) and looks at the shape of the tree.
 */

/** The forms of arithmetic derivations, in report order. */
export const DERIVATION_FORMS = ['difference', 'change-ratio', 'average', 'division', 'sum', 'other'] as const;
export type DerivationForm = (typeof DERIVATION_FORMS)[number];

/** The forms with a single operation, over which the headline one-operation accuracy is taken. */
export const ONE_OPERATION_FORMS: readonly DerivationForm[] = [
  'difference',
  'change-ratio',
  'average',
  'division',
  'sum',
];

/** How the forms read in reports. */
export const FORM_LABELS: Record<DerivationForm, string> = {
  difference: 'difference a - b',
  'change-ratio': 'change ratio (a - b) / b',
  average: 'average (a + b + …) / n',
  division: 'division a / b',
  sum: 'sum a + b + …',
  other: 'other (several steps)',
};

type Node =
  | { kind: 'num'; value: number }
  | { kind: 'neg'; arg: Node }
  | { kind: 'op'; op: '+' | '-' | '*' | '/'; left: Node; right: Node };

type Token = { kind: 'num'; value: number } | { kind: 'sym'; sym: string };

const NUMBER = /^(?:US\$|\$|€|£|¥)?\s*(\d{1,3}(?:,\d{3})+(?!\d)|\d+)(\.\d+)?|^(?:US\$|\$|€|£|¥)?\s*\.(\d+)/;

function tokenize(text: string): Token[] | null {
  const tokens: Token[] = [];
  let s = text
    .normalize('NFKC')
    .replace(/[−–]/g, '-')
    .replace(/[×x](?=\s*[\d(.$])/g, '*')
    .replace(/÷/g, '/');
  for (s = s.trimStart(); s; s = s.trimStart()) {
    const m = NUMBER.exec(s);
    if (m) {
      const digits = m[3] !== undefined ? `0.${m[3]}` : `${(m[1] ?? '').replace(/,/g, '')}${m[2] ?? ''}`;
      tokens.push({ kind: 'num', value: Number(digits) });
      s = s.slice(m[0].length).replace(/^\s*%/, '');
      continue;
    }
    const c = s[0] as string;
    if (!'+-*/()'.includes(c)) return null;
    tokens.push({ kind: 'sym', sym: c });
    s = s.slice(1);
  }
  return tokens;
}

/** Parses an arithmetic expression with the usual precedence; null when it is not one. */
export function parseDerivation(text: string): Node | null {
  const tokens = tokenize(text);
  if (!tokens?.length) return null;
  let i = 0;
  const peek = (): string | undefined => {
    const t = tokens[i];
    return t?.kind === 'sym' ? t.sym : undefined;
  };
  const expr = (): Node | null => {
    let left = term();
    while (left && (peek() === '+' || peek() === '-')) {
      const op = peek() as '+' | '-';
      i += 1;
      const right = term();
      left = right ? { kind: 'op', op, left, right } : null;
    }
    return left;
  };
  const term = (): Node | null => {
    let left = unary();
    while (left && (peek() === '*' || peek() === '/')) {
      const op = peek() as '*' | '/';
      i += 1;
      const right = unary();
      left = right ? { kind: 'op', op, left, right } : null;
    }
    return left;
  };
  const unary = (): Node | null => {
    if (peek() === '-') {
      i += 1;
      const arg = unary();
      if (!arg) return null;
      return arg.kind === 'num' ? { kind: 'num', value: -arg.value } : { kind: 'neg', arg };
    }
    if (peek() === '+') {
      i += 1;
      return unary();
    }
    return primary();
  };
  const primary = (): Node | null => {
    const t = tokens[i];
    if (!t) return null;
    if (t.kind === 'num') {
      i += 1;
      return { kind: 'num', value: t.value };
    }
    if (t.sym !== '(') return null;
    i += 1;
    const inner = expr();
    if (!inner || peek() !== ')') return null;
    i += 1;
    return inner;
  };
  const tree = expr();
  return tree && i === tokens.length ? tree : null;
}

/** The terms of a chain of `+` (all plus: `sum`) or null when the node is not such a chain of numbers. */
function sumTerms(node: Node): number[] | null {
  if (node.kind === 'num') return [node.value];
  if (node.kind !== 'op' || node.op !== '+') return null;
  const left = sumTerms(node.left);
  const right = sumTerms(node.right);
  return left && right ? [...left, ...right] : null;
}

const isNum = (n: Node): n is { kind: 'num'; value: number } => n.kind === 'num';
const same = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/** Drops a factor `* 100` (`x * 100`, `100 * x`, `100 * (a - b) / b`) that turns a ratio into a percentage. */
function withoutPercentFactor(node: Node): Node {
  const factors: Array<{ op: '*' | '/'; node: Node }> = [];
  let n = node;
  while (n.kind === 'op' && (n.op === '*' || n.op === '/')) {
    factors.unshift({ op: n.op, node: n.right });
    n = n.left;
  }
  factors.unshift({ op: '*', node: n });
  const hundred = factors.findIndex(
    (f, i) => f.op === '*' && isNum(f.node) && f.node.value === 100 && (i > 0 || factors[1]?.op === '*'),
  );
  if (hundred < 0 || factors.length < 2) return node;
  const kept = factors.filter((_, i) => i !== hundred);
  return kept
    .slice(1)
    .reduce<Node>((left, f) => ({ kind: 'op', op: f.op, left, right: f.node }), (kept[0] as { node: Node }).node);
}

/**
 * The form of a derivation: `a - b` difference; `(a - b) / b` change ratio (the divisor one of the two
 * operands); `(a + b + …) / n` average (n the number of terms); `a / b` division; `a + b + …` sum; anything
 * else (several steps, a product, a negated average, text) is `other`. Operands are numbers (signed, with
 * `$`, `,` or `%` allowed).
 */
export function classifyDerivation(derivation: string): DerivationForm {
  const parsed = parseDerivation(derivation);
  if (!parsed) return 'other';
  const node = withoutPercentFactor(parsed);
  if (node.kind !== 'op') return 'other';
  const { op, left, right } = node;
  if (op === '-') return isNum(left) && isNum(right) ? 'difference' : 'other';
  if (op === '+') return (sumTerms(node)?.length ?? 0) >= 2 ? 'sum' : 'other';
  if (op !== '/' || !isNum(right)) return 'other';
  if (isNum(left)) return 'division';
  if (left.kind === 'op' && left.op === '-' && isNum(left.left) && isNum(left.right)) {
    return same(right.value, left.right.value) || same(right.value, left.left.value) ? 'change-ratio' : 'other';
  }
  const terms = sumTerms(left);
  return terms && terms.length >= 2 && same(right.value, terms.length) ? 'average' : 'other';
}
