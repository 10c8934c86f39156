import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askChat, makeCorpusApp, type TestApp } from '../helpers/app.js';

/** A fictional Chinese news item and a fictional English note, written for this test. */
const ZH = `---
title: "青岩县2024年茶叶产量"
language: zh
---
本文为测试而编写的虚构新闻，所有名称和数据均为虚构。

2024年，青岩县茶叶产量达到3.6万吨，同比增长4.2%。全县茶园面积28.5万亩，茶叶出口额12.7亿元。

从贸易看，茶叶进出口中，出口9.4亿元，进口1.2亿元。
`;
const EN = `---
title: "Orrin Valley orchard note"
---
Fictional document written for testing; all names and figures are invented.

In 2024 the Orrin Valley orchards harvested 41,000 tonnes of apples, 6% more than in 2023.
`;

describe('coverage of a Chinese question', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await makeCorpusApp({ 'qingyan-tea-zh.md': ZH, 'orrin-orchards.md': EN });
  });
  afterAll(() => t?.cleanup());

  it('answers, led by the figure asked for, when the documents write every word of it', async () => {
    const r = await askChat(t.app, '青岩县茶叶出口额是多少亿元？');
    expect(r.abstained).toBe(false);
    expect(r.short?.text).toBe('12.7亿元');
    const doc = t.kb.current()!.docs.find((d) => d.text.includes('12.7亿元'))!;
    expect(doc.text.slice(r.short!.start, r.short!.end)).toBe('12.7亿元');
  });

  it('computes a trade surplus the documents do not state as exports minus imports', async () => {
    const r = await askChat(t.app, '2024年青岩县茶叶贸易顺差是多少？');
    expect(r.abstained).toBe(false);
    expect(r.checks.find((c) => c.status === 'computed')).toMatchObject({ op: 'difference', value: 820 });
  });

  it('abstains, naming the word, when one of its words is in no document', async () => {
    const r = await askChat(t.app, '2024年青岩县咖啡出口额是多少亿元？');
    expect(r.abstained).toBe(true);
    expect(r.answer).toContain('咖啡');
  });

  it('does not refuse, word by word, a question most of whose words no document writes', async () => {
    const r = await askChat(t.app, '苹果园的收成是多少吨？');
    expect(r.answer).not.toMatch(/do not mention [^.]*苹果/u);
  });
});
