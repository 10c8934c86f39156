import { describe, expect, it } from 'vitest';
import { hanShortSpan } from '../../src/answer/grounding/han-span.js';
import { detectSpanType } from '../../src/answer/question/span-type.js';

/** Fictional sentences of a Chinese news item. */
const OPENING = '本报讯 3月9日，青岩县人民政府新闻办公室举行新闻发布会，通报了2024年全县茶叶生产情况。';
const OUTPUT = '2024年，青岩县茶叶产量3.6万吨，同比增长4.2%，茶叶出口额12.7亿元。';

describe('short answers to Chinese questions', () => {
  it('reads the asked-for kind from Chinese question words', () => {
    expect(detectSpanType('青岩县是哪天举行新闻发布会的？')).toBe('date');
    expect(detectSpanType('2024年青岩县茶叶产量是多少万吨？')).toBe('number');
    expect(detectSpanType('青岩县茶叶出口为什么增长？')).toBeNull();
  });

  it('takes the figure written right after the question’s words, with its scale and unit', () => {
    const span = hanShortSpan(OUTPUT, '2024年青岩县茶叶出口额是多少亿元？', 'number');
    expect(span?.text).toBe('12.7亿元');
    expect(OUTPUT.slice(span!.start, span!.end)).toBe(span!.text);
    expect(hanShortSpan(OUTPUT, '2024年青岩县茶叶产量是多少？', 'number')?.text).toBe('3.6万吨');
  });

  it('takes the day for "哪天", not the year the sentence also writes', () => {
    expect(hanShortSpan(OPENING, '青岩县是哪天举行新闻发布会的？', 'date')?.text).toBe('3月9日');
  });

  it('gives nothing for an English sentence or for other kinds', () => {
    expect(hanShortSpan('Tea output reached 36,000 tonnes in 2024.', '茶叶产量是多少？', 'number')).toBeNull();
    expect(hanShortSpan(OUTPUT, '谁通报了茶叶生产情况？', 'person')).toBeNull();
  });
});

describe('Chinese names for "谁"', () => {
  const BOARD = '公司董事长邵启岚、总经理顾砚秋、财务总监乔闻笙保证年度报告的真实、准确、完整。';

  it('reads "who" in a Chinese question as asking for a person', () => {
    expect(detectSpanType('岚泽智能的董事长是谁？')).toBe('person');
    expect(detectSpanType('谁是岚泽智能的总经理？')).toBe('person');
  });

  it('takes the name written right after the asked role, up to punctuation or the next word', () => {
    for (const [q, name] of [
      ['岚泽智能的董事长是谁？', '邵启岚'],
      ['谁是岚泽智能的总经理？', '顾砚秋'],
      ['公司的财务总监是谁？', '乔闻笙'],
    ] as const) {
      const span = hanShortSpan(BOARD, q, 'person');
      expect(span?.text).toBe(name);
      expect(BOARD.slice(span!.start, span!.end)).toBe(name);
    }
    expect(hanShortSpan('该桥由工程师李明设计。', '这座桥的工程师是谁？', 'person')?.text).toBe('李明');
    expect(hanShortSpan('研发中心主任林若溪表示，新产品将于明年上市。', '研发中心主任是谁？', 'person')?.text).toBe(
      '林若溪',
    );
  });

  it('takes no name where the sentence gives the role without one, or a count after it', () => {
    expect(hanShortSpan('公司在职员工共6842人，其中研发人员1596人。', '研发人员是谁？', 'person')).toBeNull();
    expect(hanShortSpan(BOARD, '公司的董事会秘书是谁？', 'person')).toBeNull();
  });
});
