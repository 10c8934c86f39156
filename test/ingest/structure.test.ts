import { beforeAll, describe, expect, it } from 'vitest';
import { matchSpeakerLabel } from '../../src/ingest/speaker-label.js';
import { type Paragraph, parseStructure } from '../../src/ingest/structure.js';
import type { SourceDocument } from '../../src/types.js';
import { loadInterview, QUESTIONS } from './corpus-doc.js';

const doc = (text: string, extra: Partial<SourceDocument> = {}): SourceDocument => ({
  docId: 'd',
  title: 'Doc',
  path: 'd.md',
  format: 'md',
  text,
  ...extra,
});

describe('matchSpeakerLabel', () => {
  it('accepts names of one to four capitalised words with ASCII or full-width colon', () => {
    expect(matchSpeakerLabel('Li Jun: Digital trade')).toEqual({ name: 'Li Jun', script: 'latin', contentStart: 8 });
    expect(matchSpeakerLabel('Chen Hongna：The country')?.name).toBe('Chen Hongna');
    expect(matchSpeakerLabel('China Economic Times: Why?')?.name).toBe('China Economic Times');
    expect(matchSpeakerLabel('**Wei Hao:** From the')?.name).toBe('Wei Hao');
    expect(matchSpeakerLabel('Mr. Li: yes')?.name).toBe('Mr. Li');
    expect(matchSpeakerLabel('李军：数字贸易')).toEqual({ name: '李军', script: 'cjk', contentStart: 3 });
  });

  it('rejects sentences, headings and long phrases', () => {
    expect(matchSpeakerLabel('Note that: the data')).toBeNull();
    expect(matchSpeakerLabel('Note: the data')).toBeNull();
    expect(matchSpeakerLabel('First: we grew')).toBeNull();
    expect(matchSpeakerLabel('The Five Main Reasons Are These: x')).toBeNull();
    expect(matchSpeakerLabel('Specifically, the characteristics include: First')).toBeNull();
    expect(matchSpeakerLabel('Step 1: install')).toBeNull();
    expect(matchSpeakerLabel('See https://example.com')).toBeNull();
    expect(matchSpeakerLabel('At 10:30 we met')).toBeNull();
    expect(matchSpeakerLabel('Aaaaaaaaaa Bbbbbbbbbb Cccccccccc Dddddddddd: x')).toBeNull();
    expect(matchSpeakerLabel('例如：跨境电商')).toBeNull();
  });
});

describe('parseStructure on the interview', () => {
  let paragraphs: Paragraph[];
  const find = (prefix: string) => {
    const p = paragraphs.find((x) => x.text.startsWith(prefix));
    if (!p) throw new Error(`no paragraph starting with ${prefix}`);
    return p;
  };
  beforeAll(async () => {
    const interview = await loadInterview();
    paragraphs = parseStructure(interview);
    for (const p of paragraphs) expect(interview.text.slice(p.start, p.end)).toBe(p.text);
  });

  it('marks the title line and the lead paragraph', () => {
    expect(paragraphs[0]!.kind).toBe('title');
    expect(paragraphs[1]).toMatchObject({ kind: 'body', speaker: null, section: null });
    expect(paragraphs[1]!.text.startsWith('Digital trade is a major focus')).toBe(true);
  });

  it('turns interviewer questions into sections, never speakers', () => {
    const questions = paragraphs.filter((p) => p.kind === 'question');
    expect(questions.map((q) => q.section)).toEqual(QUESTIONS);
    expect(paragraphs.some((p) => p.speaker === 'China Economic Times')).toBe(false);
    expect(new Set(paragraphs.filter((p) => p.kind === 'body').map((p) => p.section))).toEqual(
      new Set([null, ...QUESTIONS]),
    );
  });

  it('carries the speaker over unlabelled paragraphs and blank lines', () => {
    expect(find('The central government proposes to support Beijing')).toMatchObject({
      speaker: 'Wei Hao',
      section: QUESTIONS[0],
    });
    expect(find('The central government proposed to create')).toMatchObject({ speaker: 'Li Jun' });
    expect(find('The third is to seize')).toMatchObject({ speaker: 'Chen Hongna', section: QUESTIONS[0] });
    expect(find('First of all, cross-border e-commerce is thriving')).toMatchObject({
      speaker: 'Chen Hongna',
      section: QUESTIONS[1],
    });
    expect(find('From the perspective of the development environment')).toMatchObject({ speaker: 'Li Jun' });
    expect(find('Finally, the scale and proportion')).toMatchObject({ speaker: 'Chen Hongna' });
  });

  it('finds exactly the four interviewees', () => {
    const speakers = new Set(paragraphs.map((p) => p.speaker).filter((s) => s !== null));
    expect(speakers).toEqual(new Set(['Li Jun', 'Chen Jin', 'Wei Hao', 'Chen Hongna']));
  });
});

describe('parseStructure rules', () => {
  it('infers the interviewer from labels whose turns are all questions', () => {
    const text = 'Reporter: What happened?\nAnn Lee: Trade grew.\nIt grew a lot.\nReporter: Why?\nBo Chen: Demand.';
    const ps = parseStructure(doc(text, { format: 'txt', title: 'Talk' }));
    expect(ps.map((p) => [p.kind, p.speaker, p.section])).toEqual([
      ['question', null, 'What happened?'],
      ['body', 'Ann Lee', 'What happened?'],
      ['body', 'Ann Lee', 'What happened?'],
      ['question', null, 'Why?'],
      ['body', 'Bo Chen', 'Why?'],
    ]);
  });

  it('uses a declared interviewer even when its name looks like a heading', () => {
    const text = 'The Economist: Is trade growing?\nAnn Lee: Yes.';
    const ps = parseStructure(doc(text, { interviewer: 'The Economist' }));
    expect(ps.map((p) => [p.kind, p.speaker, p.section])).toEqual([
      ['question', null, 'Is trade growing?'],
      ['body', 'Ann Lee', 'Is trade growing?'],
    ]);
  });

  it('uses markdown headings as sections and resets the speaker', () => {
    const text =
      '# Doc\n\nIntro.\n\n## Background\n\nAnn Lee: One.\nTwo.\n\n## Outlook ##\n\nThree.\n\n```\n# not a heading\n```';
    const ps = parseStructure(doc(text));
    expect(ps.map((p) => [p.kind, p.speaker, p.section])).toEqual([
      ['title', null, null],
      ['body', null, null],
      ['heading', null, 'Background'],
      ['body', null, 'Background'],
      ['body', null, 'Background'],
      ['heading', null, 'Outlook'],
      ['body', null, 'Outlook'],
      ['body', null, 'Outlook'],
      ['body', null, 'Outlook'],
      ['body', null, 'Outlook'],
    ]);
  });

  it('puts a nested heading after the headings above it, from the second level down', () => {
    const text =
      '# Notes\n\n## Version 2.1 (3 March)\n\n### Fixed bugs\n\nA fix.\n\n#### Printing\n\nB fix.\n\n### New\n\nC.\n\n## Version 2.0\n\nD.';
    const body = parseStructure(doc(text)).filter((p) => p.kind === 'body');
    expect(body.map((p) => [p.text, p.section])).toEqual([
      ['A fix.', 'Version 2.1 (3 March) › Fixed bugs'],
      ['B fix.', 'Version 2.1 (3 March) › Fixed bugs › Printing'],
      ['C.', 'Version 2.1 (3 March) › New'],
      ['D.', 'Version 2.0'],
    ]);
  });

  it('attributes speakers in a dialogue without an interviewer', () => {
    const text = 'Ann Lee: One.\nMore from Ann.\nBo Chen: Two.\n## Next\nAnn Lee: Three.\nBo Chen: Four.';
    const ps = parseStructure(doc(text));
    expect(ps.map((p) => [p.speaker, p.section])).toEqual([
      ['Ann Lee', null],
      ['Ann Lee', null],
      ['Bo Chen', null],
      [null, 'Next'],
      ['Ann Lee', 'Next'],
      ['Bo Chen', 'Next'],
    ]);
  });

  it('ignores labels outside an interview or dialogue', () => {
    const text = 'Beijing: The city will open a zone.\nIt is large.\nShanghai: The port grows.';
    expect(parseStructure(doc(text, { format: 'txt' })).map((p) => p.speaker)).toEqual([null, null, null]);
  });

  it('ignores headings outside markdown and false labels', () => {
    const ps = parseStructure(doc('# Not a heading\nNote that: this is text.', { format: 'txt' }));
    expect(ps.map((p) => [p.kind, p.speaker, p.section])).toEqual([
      ['body', null, null],
      ['body', null, null],
    ]);
  });

  it('handles a Chinese interview with full-width colons', () => {
    const text = '记者：数字贸易的前景如何？\n李军：前景很好。\n这是第二段。\n记者：有什么挑战？\n陈红娜：挑战很多。';
    const ps = parseStructure(doc(text, { interviewer: '记者', language: 'zh' }));
    expect(ps.map((p) => [p.kind, p.speaker, p.section])).toEqual([
      ['question', null, '数字贸易的前景如何？'],
      ['body', '李军', '数字贸易的前景如何？'],
      ['body', '李军', '数字贸易的前景如何？'],
      ['question', null, '有什么挑战？'],
      ['body', '陈红娜', '有什么挑战？'],
    ]);
  });

  it('takes the question from the next line when the interviewer label stands alone', () => {
    const ps = parseStructure(doc('Host:\nWhat next?\nAnn Lee: More trade.', { interviewer: 'Host' }));
    expect(ps.map((p) => [p.kind, p.speaker, p.section])).toEqual([
      ['question', null, null],
      ['question', null, 'What next?'],
      ['body', 'Ann Lee', 'What next?'],
    ]);
  });
});

describe('title lines', () => {
  it('keeps a first line that reads like a sentence even when it is the title', () => {
    const ps = parseStructure(
      doc('Trade grew fast in 2020.\nExports rose.', { title: 'Trade grew fast in 2020.', format: 'txt' }),
    );
    expect(ps.map((p) => p.kind)).toEqual(['body', 'body']);
  });

  it('skips a first line that is the title', () => {
    const ps = parseStructure(doc('Trade Report 2020\nExports rose.', { title: 'Trade Report 2020', format: 'txt' }));
    expect(ps.map((p) => p.kind)).toEqual(['title', 'body']);
  });
});
