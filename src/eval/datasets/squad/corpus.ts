import fs from 'node:fs/promises';
import path from 'node:path';
import { slugify, uniqueId } from '../../../ingest/slug.js';
import type { SquadArticle } from './dataset.js';

/** One Markdown file of the generated corpus. */
export interface CorpusDocument {
  /** File name inside the corpus directory (`<slug>.md`). */
  file: string;
  /** Display title: the article title with underscores as spaces. */
  title: string;
  text: string;
}

/** An article title as shown to people: `Steam_engine` → `Steam engine`. */
export function articleTitle(title: string): string {
  return title.replace(/_/g, ' ').trim();
}

/**
 * The Markdown document of one article: YAML front matter with its title (as a double-quoted
 * scalar, so any character is safe), then every paragraph, trimmed and separated by a blank line.
 */
export function articleMarkdown(article: SquadArticle): string {
  const paragraphs = article.paragraphs.map((p) => p.trim()).filter(Boolean);
  return `---\ntitle: ${JSON.stringify(articleTitle(article.title))}\n---\n\n${paragraphs.join('\n\n')}\n`;
}

/** One document per article, with unique file names derived from the titles. */
export function corpusDocuments(articles: readonly SquadArticle[]): CorpusDocument[] {
  const taken = new Set<string>();
  return articles.map((a) => ({
    file: `${uniqueId(slugify(articleTitle(a.title)), taken)}.md`,
    title: articleTitle(a.title),
    text: articleMarkdown(a),
  }));
}

/** Writes the corpus into `dir` (created if needed); returns the paths written. */
export async function writeCorpus(articles: readonly SquadArticle[], dir: string): Promise<string[]> {
  await fs.mkdir(dir, { recursive: true });
  const docs = corpusDocuments(articles);
  await Promise.all(docs.map((d) => fs.writeFile(path.join(dir, d.file), d.text, 'utf8')));
  return docs.map((d) => path.join(dir, d.file));
}
