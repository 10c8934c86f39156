import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askChat, makeCorpusApp, type TestApp } from '../helpers/app.js';

/** A fictional Chinese statistics release, written for this test. */
const ZH = `---
title: "沧屿市2024年农业生产情况"
language: zh
---
本文为测试而编写的虚构新闻，所有名称和数据均为虚构。

2024年，沧屿市粮食总产量412.6万吨，同比增长1.8%。稻谷产量236.4万吨，玉米产量121.5万吨，小麦产量38.2万吨。

全年农产品出口额56.3亿元，进口额21.9亿元。
`;

describe('calculations asked in Chinese', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await makeCorpusApp({ 'cangyu-farming-zh.md': ZH });
  });
  afterAll(() => t?.cleanup());

  const computed = (r: Awaited<ReturnType<typeof askChat>>) => r.checks.find((c) => c.status === 'computed');

  it('reads "A比B多多少" as A minus B, shown in the 亿元 the figures are written in', async () => {
    const r = await askChat(t.app, '2024年沧屿市农产品出口额比进口额多多少？');
    expect(computed(r)).toMatchObject({ op: 'difference', display: '34.4亿元', formula: '56.3 - 21.9' });
    expect(r.answer).toContain('34.4亿元');
  });

  it('reads "A是B的多少倍" as A over B', async () => {
    const r = await askChat(t.app, '2024年沧屿市农产品出口额是进口额的多少倍？');
    expect(computed(r)).toMatchObject({ op: 'ratio', formula: '56.3 / 21.9' });
  });

  it('adds up figures a question lists with 、, in the 万 they are written in', async () => {
    const r = await askChat(t.app, '2024年沧屿市稻谷、玉米和小麦产量合计多少万吨？');
    expect(r.abstained).toBe(false);
    expect(computed(r)).toMatchObject({ op: 'sum', display: '396.1万' });
  });
});
