import fs from 'node:fs/promises';
import path from 'node:path';
import { mulberry32 } from '../../src/prng.js';

const WORDS = (
  'trade digital export import service growth market platform logistics payment customs data border policy ' +
  'network cloud retail supply chain factory harbour freight tariff invoice ledger currency yuan dollar share ' +
  'region province city zone pilot reform rule standard privacy security audit report quarter annual forecast ' +
  'energy grid solar battery vehicle steel textile grain fishery tourism software chip telecom satellite'
).split(' ');

const rng = mulberry32;

/** One paragraph of about `words` words with a figure and a year in it. */
function paragraph(next: () => number, words: number): string {
  const pick = () => WORDS[Math.floor(next() * WORDS.length)]!;
  const sentences: string[] = [];
  let count = 0;
  while (count < words) {
    const n = 8 + Math.floor(next() * 10);
    const body = Array.from({ length: n }, pick).join(' ');
    const figure = `${(next() * 900 + 10).toFixed(1)} billion yuan in ${2000 + Math.floor(next() * 22)}`;
    sentences.push(`${body[0]!.toUpperCase()}${body.slice(1)} reached ${figure}.`);
    count += n + 5;
  }
  return sentences.join(' ');
}

/**
 * Writes `docs` generated Markdown documents of `paragraphs` paragraphs each (about one chunk per
 * paragraph) into `dir`; deterministic for a given `seed`. Returns the file names.
 */
export async function writeGeneratedCorpus(dir: string, docs: number, paragraphs: number, seed = 7): Promise<string[]> {
  const next = rng(seed);
  await fs.mkdir(dir, { recursive: true });
  const names: string[] = [];
  for (let d = 0; d < docs; d++) {
    const name = `generated-${String(d).padStart(4, '0')}.md`;
    const body = Array.from({ length: paragraphs }, () => paragraph(next, 90)).join('\n\n');
    await fs.writeFile(
      path.join(dir, name),
      `---\ntitle: "Generated report ${d}"\nsource: "Fixture"\n---\n\n${body}\n`,
    );
    names.push(name);
  }
  return names;
}
