import { changeBefore } from '../../language/direction-words.js';
import { type LabelledFigure, labelTerms, periodTerms } from '../grounding/figure-labels.js';
import type { EvidenceSentence } from './evidence.js';

/** Wording that asks how something changed, or for a rate, share or comparison, which a change figure can answer. */
const ASKS_CHANGE_RE =
  /\b(?:chang\w*|increas\w*|decreas\w*|grow\w*|grew|growth|ris(?:e|es|en|ing)|rose|fall\w*|fell|drop\w*|declin\w*|gain\w*|los[st]\w*|jump\w*|climb\w*|up|down|cut|rais\w*|higher|lower|more|less|compared?|than|differ\w*|percent\w*|rate|proportion|share|ratio|margin|yield|return|by how much)\b|%|％/iu;

/**
 * For a question asking what a figure is ("how much is the premium"), with no change wording: the best sentence gives
 * only by how much it changed ("the premium went up by 22%"). The figure whose label words best match the question is
 * a percentage written after a rise or fall word, and no figure of another kind is labelled with the question's words.
 * A change is not the level asked for, so this is a near miss (a different measure).
 */
export function changeOnly(question: string, best: EvidenceSentence): boolean {
  if (ASKS_CHANGE_RE.test(question) || !best.figures.length) return false;
  const figures: LabelledFigure[] = best.figures
    .filter((f) => f.unit !== 'year' && f.unit !== 'label')
    .map((f) => ({ ...f, sentenceText: best.text, sentenceStart: best.start, rank: 0 }));
  const asked = new Set(periodTerms(question));
  const overlap = (f: LabelledFigure) => [...labelTerms(f, figures)].filter((t) => asked.has(t)).length;
  const ranked = figures.map((f) => ({ f, n: overlap(f) })).sort((a, b) => b.n - a.n);
  const top = ranked[0];
  if (!top || top.n === 0 || top.f.unit !== '%') return false;
  if (ranked.some(({ f, n }) => n > 0 && f.unit !== '%')) return false;
  return changeBefore(best.text, top.f.start - best.start);
}
