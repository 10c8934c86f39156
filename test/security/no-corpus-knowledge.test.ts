import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * citecheck answers questions about anyone's documents, so nothing in `src/` or `prompts/` may
 * know the bundled example corpus (corpus/digital-trade-interview.md): not its people, its
 * publication, its places, its figures or its topic words. Only the demo page's sample questions
 * (src/http/demo-page.ts) may name them. Handling interview STRUCTURE (speaker labels, an
 * interviewer's questions as sections) is general and allowed.
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CORPUS_FILE = path.join(ROOT, 'corpus/digital-trade-interview.md');
const SCANNED = ['src', 'prompts'];
const EXEMPT = new Set(['src/http/demo-page.ts']);
/** General language knowledge that happens to contain a corpus word: the table of nationalities (chinese -> china, like american -> united states). */
const GENERAL = [/^src\/answer\/question\/vocabulary\.ts:\d+: place: China — .*chinese: 'china'/];
const TEXT_FILE = /\.(?:ts|tsx|js|mjs|cjs|json|md|ya?ml|html|css|txt)$/;

/** A term the code must not contain, with why it is corpus knowledge. */
interface Term {
  label: string;
  pattern: RegExp;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const phrase = (label: string, why: string): Term => ({
  label: `${why}: ${label}`,
  pattern: new RegExp(
    String.raw`(?<![\p{L}\p{N}])${escapeRegExp(label).replace(/ /g, String.raw`\s+`)}(?![\p{L}\p{N}])`,
    'iu',
  ),
});
const figure = (label: string): Term => ({
  label: `figure: ${label}`,
  pattern: new RegExp(String.raw`(?<![\d.,])${escapeRegExp(label)}(?![\d])`),
});

/** Read by hand from the corpus: its speakers, publication, places, named events and topic words. */
const FIXED_TERMS: Term[] = [
  ...['Li Jun', 'Chen Jin', 'Wei Hao', 'Chen Hongna'].map((n) => phrase(n, 'speaker')),
  phrase('Hongna', 'speaker'),
  phrase('China Economic Times', 'publication'),
  ...['China', 'Beijing', 'China Customs', 'my country', 'our country'].map((n) => phrase(n, 'place')),
  ...[
    'Services Fair',
    'Service Trade Fair',
    'China International Fair for Trade in Services',
    'Digital Trade Development and Cooperation Report',
    'dual circulation',
  ].map((n) => phrase(n, 'named event or report')),
  ...[
    'digital trade',
    'digital service trade',
    'digital economy',
    'digital trade demonstration zone',
    'experts',
    'expert',
    'interviewees',
    'interviewee',
    'epidemic',
    'pneumonia',
    'digitalization',
    '数字贸易',
  ].map((n) => phrase(n, 'topic or genre word')),
  // Distinctive figures: amounts and one-decimal rates as written in the interview.
  ...[
    '294.76',
    '164.84',
    '54.56',
    '1.69 trillion',
    '1.69万亿',
    '44.5',
    '47.4',
    '30.6',
    '36.7',
    '62.8',
    '31.7',
    '19.6',
    '17.4',
    '28.6',
    '44.1',
    '31.1',
  ].map(figure),
];

/** Read from the corpus file itself, so the list follows the corpus: speaker labels, front matter, decimal figures. */
function corpusTerms(corpus: string): Term[] {
  const terms: Term[] = [];
  const front = /^---\n([\s\S]*?)\n---\n/.exec(corpus)?.[1] ?? '';
  for (const m of front.matchAll(/^(?:source|interviewer):\s*"?([^"\n]+)"?$/gm))
    terms.push(phrase(m[1]!.trim(), 'publication'));
  for (const m of corpus.matchAll(/^([A-Z][a-z]+(?: [A-Z][a-z]+){1,2}):\s/gm)) {
    if (!front.includes(m[1]!)) terms.push(phrase(m[1]!, 'speaker'));
  }
  for (const m of corpus.matchAll(/(?<![\d.,])\d+\.\d{2}(?![\d])/g)) terms.push(figure(m[0]));
  return terms;
}

/** Every text file under `dir` (relative to the repository root), sorted. */
function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) out.push(...filesUnder(rel));
    else if (TEXT_FILE.test(entry.name)) out.push(rel);
  }
  return out.sort();
}

/** `file:line: term — line text` for every occurrence of a term in the given files' text. */
function findCorpusReferences(files: { path: string; text: string }[], terms: Term[]): string[] {
  const hits: string[] = [];
  for (const file of files) {
    file.text.split('\n').forEach((line, i) => {
      const found = [...new Set(terms.filter((t) => t.pattern.test(line)).map((t) => t.label))];
      if (found.length) hits.push(`${file.path}:${i + 1}: ${found.join(', ')} — ${line.trim().slice(0, 160)}`);
    });
  }
  return hits;
}

function dedupe(terms: Term[]): Term[] {
  const seen = new Map<string, Term>();
  for (const t of terms) seen.set(t.pattern.source.toLowerCase(), t);
  return [...seen.values()];
}

const TERMS = dedupe([...FIXED_TERMS, ...corpusTerms(readFileSync(CORPUS_FILE, 'utf8'))]);

describe('no knowledge of the bundled corpus in src/ and prompts/', () => {
  it('derives speakers, publication and figures from the corpus file', () => {
    const labels = corpusTerms(readFileSync(CORPUS_FILE, 'utf8')).map((t) => t.label);
    expect(labels).toEqual(
      expect.arrayContaining([
        'speaker: Li Jun',
        'speaker: Chen Hongna',
        'publication: China Economic Times',
        'figure: 294.76',
      ]),
    );
    expect(labels).not.toContain('speaker: China Economic Times');
  });

  it('detects a planted name, place or figure and names file:line', () => {
    const files = [
      { path: 'src/x.ts', text: 'const ok = 1;\n// e.g. what Wei   Hao said\nconst n = "US$294.76 billion";' },
      {
        path: 'prompts/p.md',
        text: 'Answer about my Country.\nGrowth of 12.5% is fine; 144.56 and 294.761 are not the figure.',
      },
    ];
    expect(findCorpusReferences(files, TERMS)).toEqual([
      expect.stringMatching(/^src\/x\.ts:2: speaker: Wei Hao/),
      expect.stringMatching(/^src\/x\.ts:3: figure: 294\.76/),
      expect.stringMatching(/^prompts\/p\.md:1: place: my country/),
    ]);
  });

  it('finds none outside the demo page', () => {
    const files = SCANNED.flatMap(filesUnder)
      .filter((f) => !EXEMPT.has(f))
      .map((f) => ({ path: f, text: readFileSync(path.join(ROOT, f), 'utf8') }));
    expect(files.length).toBeGreaterThan(50);
    const hits = findCorpusReferences(files, TERMS).filter((h) => !GENERAL.some((re) => re.test(h)));
    expect(
      hits,
      `corpus knowledge in code (move it to corpus/, eval/ or tests, or make it general):\n${hits.join('\n')}`,
    ).toEqual([]);
  });
});
