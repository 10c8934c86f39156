import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askChat, makeCorpusApp, type TestApp } from '../helpers/app.js';

/** A fictional Chinese news item, written for this test. */
const ZH = `---
title: "青岩县召开茶产业发展大会"
language: zh
---
本文为测试而编写的虚构新闻，所有名称和数据均为虚构。

3月9日，青岩县召开茶产业发展大会。2024年，青岩县茶叶产量达到3.6万吨，同比增长4.2%，茶叶出口额12.7亿元。

大会由副县长周明远主持。青岩县茶叶协会会长林若溪在会上表示，协会将在2025年新建两个茶叶加工中心，并继续开拓东南亚市场。
`;

describe('Chinese questions for a person', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await makeCorpusApp({ 'qingyan-tea-meeting-zh.md': ZH });
  });
  afterAll(() => t?.cleanup());

  it('lead with the name written after the asked role, from the sentence that has it', async () => {
    const r = await askChat(t.app, '青岩县茶叶协会的会长是谁？');
    expect(r.abstained).toBe(false);
    expect(r.short?.text).toBe('林若溪');
    const doc = t.kb.current()!.docs[0]!;
    expect(doc.text.slice(r.short!.start, r.short!.end)).toBe('林若溪');
    expect(r.citations[0]?.quote).toContain('会长林若溪');
  });

  it('answer "谁是" questions the same way', async () => {
    const r = await askChat(t.app, '谁是主持大会的副县长？');
    expect(r.short?.text).toBe('周明远');
  });
});
