import type { SourceDocument } from '../types.js';
import { matchNamedLabel, matchSpeakerLabel, type SpeakerLabel } from './speaker-label.js';

/** What a paragraph is: the document title, a heading, an interviewer question or body text. */
export type ParagraphKind = 'title' | 'heading' | 'question' | 'body';

/** A non-empty line of a document with its place in the document's structure. */
export interface Paragraph {
  start: number;
  end: number;
  text: string;
  kind: ParagraphKind;
  /** Who is speaking (interviews); null outside a speaker's turn. */
  speaker: string | null;
  /** The heading or interviewer question the paragraph sits under. */
  section: string | null;
}

/** A trimmed, non-empty line with absolute offsets. */
export interface Line {
  start: number;
  end: number;
  text: string;
}

type StructureInput = Pick<SourceDocument, 'text' | 'title' | 'format' | 'interviewer'>;

const HEADING = /^#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/u;
const FENCE = /^(?:```|~~~)/u;
const QUESTION_END = /[?？][\s"'”’)\]」』）*_]*$/u;

/** Whether a text ends as a question does ("When will it open?", "**Q: How long can I keep a book?**", "是谁？"). */
export const endsAsQuestion = (text: string) => QUESTION_END.test(text);
const MAX_CJK_NAME_WITHOUT_REPEAT = 4;
const SENTENCE_END = /[.!?。！？]["'”’)\]」』）]*$/u;

/** Splits text into trimmed non-empty lines; each is a paragraph. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const re = /[^\n]+/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const lead = m[0].length - m[0].trimStart().length;
    const trimmed = m[0].trim();
    if (trimmed) lines.push({ start: m.index + lead, end: m.index + lead + trimmed.length, text: trimmed });
  }
  return lines;
}

/**
 * Parses a document into paragraphs with speaker and section.
 *
 * In an interview or dialogue (an interviewer is known, or two labels recur), a paragraph
 * starting with a speaker label sets the speaker until the next label. The interviewer (`doc.interviewer`, or else the only kind of label whose turns are all questions)
 * is never a speaker: its question becomes the section of what follows and clears the speaker.
 * Markdown headings also set the section. A first line equal to the title is marked `title`
 * (and left out of chunks) when it is a heading or does not end like a sentence.
 */
export function parseStructure(doc: StructureInput): Paragraph[] {
  const lines = splitLines(doc.text);
  const headings = markdownHeadings(doc, lines);
  const declared = doc.interviewer?.trim() || undefined;
  const labels = lines.map((line, i) =>
    headings[i] === undefined
      ? (declared && matchNamedLabel(line.text, declared)) || matchSpeakerLabel(line.text)
      : null,
  );
  const candidates = acceptedLabels(labels, declared);
  const interviewer = findInterviewer(lines, labels, candidates, declared);
  const accepted = interviewer !== null || isDialogue(labels, candidates) ? candidates : new Set<string>();

  const paragraphs: Paragraph[] = [];
  let section: string | null = null;
  let speaker: string | null = null;
  let awaitingQuestion = false;
  for (const [i, line] of lines.entries()) {
    const heading = headings[i];
    const label = labels[i];
    const push = (kind: ParagraphKind) => void paragraphs.push({ ...line, kind, speaker, section });
    if (i === 0 && isTitleLine(line.text, heading, doc.title)) {
      push('title');
      continue;
    }
    if (heading !== undefined) {
      section = heading;
      speaker = null;
      awaitingQuestion = false;
      push('heading');
      continue;
    }
    if (label && interviewer !== null && sameText(label.name, interviewer)) {
      const question = stripEmphasis(line.text.slice(label.contentStart));
      speaker = null;
      awaitingQuestion = question === '';
      if (question) section = question;
      push('question');
      continue;
    }
    if (awaitingQuestion && !(label && accepted.has(label.name))) {
      section = stripEmphasis(line.text);
      awaitingQuestion = false;
      push('question');
      continue;
    }
    awaitingQuestion = false;
    if (label && accepted.has(label.name)) speaker = label.name;
    push('body');
  }
  return paragraphs;
}

/** Between a heading and the one it sits under, in a section path ("Version 4.2 › Fixed bugs"). */
export const SECTION_PATH_SEPARATOR = ' › ';

/**
 * Each line's Markdown heading, as the section it opens: its text, after the headings of the levels above it from the
 * second level down ("Loomwright 4.2.0 (3 March 2025) › Fixed bugs" for a `###` under a `##`), since a nested heading
 * alone often names only a part of its parent ("Fixed bugs"). A first-level heading is the document's own title and
 * is no part of a path.
 */
function markdownHeadings(doc: StructureInput, lines: Line[]): (string | undefined)[] {
  if (doc.format !== 'md') return lines.map(() => undefined);
  let inFence = false;
  const open: (string | undefined)[] = [];
  return lines.map((line) => {
    if (FENCE.test(line.text)) {
      inFence = !inFence;
      return undefined;
    }
    if (inFence) return undefined;
    const m = HEADING.exec(line.text);
    if (!m) return undefined;
    const level = /^#+/u.exec(m[0])![0].length;
    const text = stripEmphasis(m[1]!);
    open.length = level;
    open[level - 1] = text;
    return level === 1 ? text : open.slice(1).filter(Boolean).join(SECTION_PATH_SEPARATOR);
  });
}

/** Latin labels are accepted as matched; short Han labels are too, longer ones only when repeated. */
function acceptedLabels(labels: (SpeakerLabel | null)[], interviewer: string | undefined): Set<string> {
  const counts = new Map<string, number>();
  for (const label of labels) if (label) counts.set(label.name, (counts.get(label.name) ?? 0) + 1);
  const accepted = new Set<string>();
  for (const label of labels) {
    if (!label) continue;
    const ok =
      label.script === 'latin' ||
      (interviewer !== undefined && sameText(label.name, interviewer)) ||
      (counts.get(label.name) ?? 0) >= 2 ||
      [...label.name].length <= MAX_CJK_NAME_WITHOUT_REPEAT;
    if (ok) accepted.add(label.name);
  }
  return accepted;
}

/** True when at least two different labels each introduce two or more paragraphs. */
function isDialogue(labels: (SpeakerLabel | null)[], accepted: Set<string>): boolean {
  const counts = new Map<string, number>();
  for (const label of labels) {
    if (label && accepted.has(label.name)) counts.set(label.name, (counts.get(label.name) ?? 0) + 1);
  }
  return [...counts.values()].filter((n) => n >= 2).length >= 2;
}

function findInterviewer(
  lines: Line[],
  labels: (SpeakerLabel | null)[],
  accepted: Set<string>,
  declared: string | undefined,
): string | null {
  if (declared) return declared;
  if (accepted.size < 2) return null;
  const questions = new Map<string, number>();
  const other = new Set<string>();
  labels.forEach((label, i) => {
    if (!label || !accepted.has(label.name)) return;
    if (QUESTION_END.test(lines[i]!.text)) questions.set(label.name, (questions.get(label.name) ?? 0) + 1);
    else other.add(label.name);
  });
  let best: string | null = null;
  let bestCount = 0;
  for (const [name, count] of questions) {
    if (!other.has(name) && count > bestCount) {
      best = name;
      bestCount = count;
    }
  }
  return best;
}

function isTitleLine(text: string, heading: string | undefined, title: string): boolean {
  if (heading !== undefined) return sameText(heading, title);
  return sameText(text, title) && !SENTENCE_END.test(text);
}

function stripEmphasis(text: string): string {
  return text.replace(/^(?:\*\*|__)(.*)(?:\*\*|__)$/u, '$1').trim();
}

function sameText(a: string, b: string): boolean {
  const norm = (s: string) => s.replace(/\s+/gu, ' ').trim().toLowerCase();
  return norm(a) === norm(b);
}
