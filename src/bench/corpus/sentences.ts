import type { Rng } from '../../prng.js';
import {
  ADJECTIVES,
  CHINESE_SENTENCES,
  METRICS,
  NOUNS,
  REGIONS,
  SCALES,
  SECTORS,
  VERBS,
  WHOLES,
} from './vocabulary.js';

/** What a document is about, shared by its sentences so documents stay on topic. */
export interface Topic {
  region: string;
  sector: string;
  /** Capitalised long-tail names (companies, projects) the document mentions. */
  entities: string[];
  /** Lower-case long-tail terms. */
  terms: string[];
  /** Noun phrases of this topic (a term with a policy noun), used by most sentences. */
  nouns: string[];
}

/** Upper-cases the first letter. */
export function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** A dollar amount such as `US$312.07 billion`. */
export function amount(rng: Rng): string {
  return `US$${(1 + rng.next() * 998).toFixed(2)} ${rng.pick(SCALES)}`;
}

/** A percentage such as `12.5%`. */
export function percent(rng: Rng): string {
  return `${(0.5 + rng.next() * 60).toFixed(1)}%`;
}

/** A year between 2005 and 2024. */
export function year(rng: Rng): number {
  return rng.int(2005, 2024);
}

type Template = (rng: Rng, t: Topic) => string;

const region = (rng: Rng, t: Topic) => (rng.chance(0.7) ? t.region : rng.pick(REGIONS));
const sector = (rng: Rng, t: Topic) => (rng.chance(0.7) ? t.sector : rng.pick(SECTORS));
const noun = (rng: Rng, t: Topic) => (rng.chance(0.6) ? rng.pick(t.nouns) : rng.pick(NOUNS));

const TEMPLATES: readonly Template[] = [
  (r, t) =>
    `In ${year(r)}, ${region(r, t)}'s ${sector(r, t)} ${r.pick(METRICS)} reached ${amount(r)}, up ${percent(r)} year on year.`,
  (r, t) => {
    const from = year(r);
    return `From ${from} to ${from + r.int(3, 10)}, ${sector(r, t)} ${r.pick(METRICS)} grew from ${amount(r)} to ${amount(r)}, an average annual increase of ${percent(r)}.`;
  },
  (r, t) =>
    `According to statistics, ${sector(r, t)} accounts for nearly ${percent(r)} of ${r.pick(WHOLES)} in ${region(r, t)}.`,
  (r, t) =>
    `We must ${r.pick(VERBS)} ${r.pick(ADJECTIVES)} ${noun(r, t)} and ${r.pick(VERBS)} ${noun(r, t)} in ${sector(r, t)}.`,
  (r, t) =>
    `${r.zipf(t.entities)}, a ${sector(r, t)} company based in ${region(r, t)}, has invested ${amount(r)} in ${noun(r, t)} since ${year(r)}.`,
  (r, t) =>
    `The number of ${sector(r, t)} enterprises in ${region(r, t)} exceeded ${r.int(2, 900) * 100} by the end of ${year(r)}.`,
  (r, t) =>
    `At present, ${r.pick(ADJECTIVES)} ${noun(r, t)} has become the main force driving ${sector(r, t)} in ${region(r, t)}.`,
  (r, t) =>
    `It is hoped that ${noun(r, t)} and ${noun(r, t)} will be further developed together with partners in ${r.pick(REGIONS)}.`,
  (r, t) =>
    `This reflects the trend of ${r.pick(ADJECTIVES)} development, the foresight of policy making and the importance of ${noun(r, t)}.`,
  (r, t) =>
    `Over the past ${r.int(3, 12)} years, ${sector(r, t)} ${r.pick(METRICS)} in ${region(r, t)} has grown ${r.int(2, 9)} times.`,
  (r, t) =>
    `The ${r.zipf(t.entities)} ${r.zipf(t.terms)} project and the ${r.zipf(t.terms)} pilot show how ${sector(r, t)} can ${r.pick(VERBS)} ${noun(r, t)}.`,
  (r, t) =>
    `${capitalize(sector(r, t))} is closely linked to ${noun(r, t)}, ${noun(r, t)} and ${r.zipf(t.terms)} ${noun(r, t)}.`,
  (r, t) =>
    `In ${year(r)} its share of ${r.pick(WHOLES)} rose from ${percent(r)} to ${percent(r)}, according to the ${r.zipf(t.entities)} Institute.`,
  (r, t) =>
    `Companies such as ${r.zipf(t.entities)} and ${r.zipf(t.entities)} still face barriers in ${noun(r, t)} and ${noun(r, t)}.`,
];

/** One sentence about `topic`; about one in twenty is Chinese. */
export function sentence(rng: Rng, topic: Topic): string {
  if (rng.chance(0.05)) {
    return rng
      .pick(CHINESE_SENTENCES)
      .replace('{n}', String(rng.int(10, 9999)))
      .replace('{p}', (1 + rng.next() * 40).toFixed(1))
      .replace('{y}', String(year(rng)));
  }
  return rng.pick(TEMPLATES)(rng, topic);
}

/** A paragraph of `min`..`max` sentences. */
export function paragraph(rng: Rng, topic: Topic, min = 3, max = 7): string {
  const n = rng.int(min, max);
  const parts: string[] = [];
  for (let i = 0; i < n; i++) parts.push(sentence(rng, topic));
  return parts.join(' ');
}

const QUESTIONS: readonly Template[] = [
  (r, t) => `How should ${t.region} ${r.pick(VERBS)} ${noun(r, t)} in ${t.sector}?`,
  (r, t) => `What role does ${t.sector} play in ${r.pick(ADJECTIVES)} ${noun(r, t)}?`,
  (r, t) => `How big is the ${t.sector} market, and what is its share of ${r.pick(WHOLES)}?`,
  (r, t) => `What are the main obstacles for ${noun(r, t)} in ${t.region}?`,
  (r, t) => `How fast has ${t.sector} grown since ${year(r)}?`,
  (r, t) => `What does the ${r.zipf(t.entities)} case tell us about ${noun(r, t)}?`,
];

/** An interviewer's section question about `topic`. */
export function question(rng: Rng, topic: Topic): string {
  return rng.pick(QUESTIONS)(rng, topic);
}
