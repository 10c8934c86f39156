import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectOp, withoutOpWording } from '../../src/answer/question/op-wording.js';
import { analyzeQuestion } from '../../src/answer/question/question.js';
import { type CalcOp, calculate } from '../../src/numbers/index.js';
import { askChat, makeTestApp, makeTmpDir, type TestApp } from '../helpers/app.js';

/** Fictional questions about made-up companies and figures, grouped by the operation they ask for. */
const WORDINGS: Partial<Record<CalcOp | 'none', string[]>> = {
  growth_rate: [
    'What was the percentage change in net sales from 2018 to 2019?',
    'What is the percentage change in the number of stores between 2018 and 2019?',
    'What was the % change in freight costs from 2017 to 2018?',
    'What is the % change in deferred revenue?',
    'What was the change in percentage?',
    'What was the change in percentage of total assets from 2018 to 2019?',
    'What was the percent increase in subscriber numbers from 2018 to 2019?',
    'What was the percent decrease in operating expenses between 2018 and 2019?',
    'What is the percentage decrease in inventory from 2018 to 2019?',
    'By what percentage did Fernvale Ltd’s order book grow from 2020 to 2021?',
    'How much did rental income increase by from 2018 to 2019, in percent?',
    'What percentage did freight revenue increase by between 2018 and 2019?',
    "what was fernvale's year-over-year revenue growth in q2 2025",
    'What was the year-on-year growth of subscribers in 2024?',
    'What percent has the order book declined since 2020?',
    'What is the growth rate of the parks budget?',
    'What was the growth in ferry passengers?',
  ],
  difference: [
    'By how many months did the new drug extend median survival?',
    'By how many votes was the motion rejected?',
    'What was the change in cash and cash equivalents between 2018 and 2019?',
    'What is the change in accrued liabilities from 2018 to 2019?',
    'What was the change in the operating margin from FY2018 to FY2019?',
    'What was the nominal difference in gross profit between 2018 and 2019?',
    'What is the difference in total debt between 2019 and 2018?',
    'What was the difference in staff costs from 2018 to 2019?',
    'How much did trade receivables increase by?',
    'How much did the provision for warranties decrease by between 2018 and 2019?',
    'How much has the order backlog grown by since 2017?',
    'What was the increase in research costs from 2018 to 2019?',
    'What was the decrease in goodwill from 2018 to 2019?',
    'What is the increase/ (decrease) in freight income from 2018 to 2019?',
    'What is the increase in the trade payables from 2018 and 2019?',
    'What was the increase / (decrease) in the office equipment from 2018 to 2019?',
    'What was the difference between the 2019 and 2018 capital expenditure?',
    'How many more members can a group have in version 3 than in version 2?',
    'By how much did the winning bid exceed the reserve price?',
    'By how many runs did the home side beat the visitors?',
    'By how much was the spring intake larger than the autumn intake?',
  ],
  share: [
    'What is the percentage of lease liabilities in the total liabilities?',
    'What is the percentage of audit fees in the total fees paid in 2019?',
    'What was the percentage of cash held in euro over the group total?',
    'What is the services revenue in 2019 as a percentage of total revenue?',
    'What was the Asia segment’s revenue as a percentage of the group total in 2019?',
    'What proportion of total expenses is marketing spend in 2019?',
    'What is the percentage constitution of leasehold improvements in total property, plant and equipment in 2019?',
    'What percentage of total revenue was subscription revenue in 2019?',
    'What was interest expense as a proportion of operating income in 2018?',
  ],
  ratio: [
    'What is the proportion of shares granted over shares outstanding?',
    'What is the ratio of current assets to current liabilities in 2019?',
    'What was the ratio of net debt to equity in 2018?',
    'What is the ratio of the 2019 dividend to the 2018 dividend?',
    'What is the ratio between the number of employees in 2019 and in 2018?',
    'On average, how many league goals per match did the club score in 2021?',
    'How much revenue per employee did Fernvale make in 2024?',
  ],
  average: [
    'What was the average cost of sales for 2019 and 2018?',
    'What is the average inventory for 2018 and 2019?',
    'What was the average?',
    'What was the average operating margin for 2019 and 2018?',
    'What was the average effective tax rate in 2018 and 2019?',
    'What is the average of the quarterly dividends paid in 2019?',
    'What is the mean of the three regional sales figures?',
    'What was the mean headcount across 2017, 2018 and 2019?',
    'Average net income for 2017 to 2019?',
  ],
  sum: [
    'What is the total deferred revenue across all 3 years?',
    'What is the sum of the cash and the short-term investments in 2019?',
    'What is the total of current and non-current lease liabilities in 2019?',
    'What was the combined revenue of the Orchard and Harbour divisions in 2019?',
    'What were the Orchard and Harbour divisions’ revenues in total in 2019?',
    'What was the sum of 2018 and 2019 capital expenditure?',
    'What were land and buildings combined in 2019?',
    'What’s the sum of the two grants?',
  ],
  product: [
    'What is the total rent for a standard room over the 40-week contract?',
    'How much will I pay in total for 3 nights?',
    'What would four weeks of holiday club cost?',
    'What is the total cost of 10 lessons?',
    'How much does the bursary come to over three years?',
  ],
  cagr: [
    'What was the average annual growth rate of Kestrel Mills’ revenue from 2015 to 2020?',
    'What was the compound annual growth rate of deposits between 2016 and 2021?',
  ],
  pp_change: ['By how many percentage points did the gross margin rise from 2018 to 2019?'],
  none: [
    'What was the revenue in 2019?',
    'How much were earnings per share in 2019?',
    'How many hours per week may staff work overtime?',
    'How much will the Team plan cost per user per month?',
    'How much is the fee per pupil?',
    'How much do members pay per session?',
    'What does the change in accounting policy relate to?',
    "What is the company's dividend policy?",
    'What was the average growth rate of licence income between 2011 and 2020?',
    'What drove the growth in ferry passengers?',
    'What is the outlook for growth of online sales?',
    'How fast did export orders grow on average over the decade?',
    'What is the global average share of online sales?',
    'What is the industry average for staff turnover?',
    'What was the combined ratio in 2019?',
    'How much was the group worth in total?',
    'Why did the decrease in other income from 2018 to 2019 happen?',
    'What caused the increase in freight costs from 2018 to 2019?',
    'What was the total revenue in 2019?',
    'What is the weighted-average exchange rate for the euro for 2018 and 2019, respectively?',
    'What percentage of revenue did the services segment contribute in 2019?',
    'What was the current ratio in 2019?',
    'What does the term adjusted EBITDA mean?',
    'What do the directors mean by underlying profit?',
    'How did the merger of the two units change the reporting?',
    'What is the difference?',
    'Which products and services are combined in the segment?',
    'How are the combined financial statements and notes prepared?',
    'What is the value of the total prepaid expenses and other for 2019 and 2018 respectively?',
    'How many tablets can I take for 3 days?',
  ],
};

/** Chinese questions about fictional figures, by the operation they ask for. */
const HAN_WORDINGS: [string, CalcOp | null][] = [
  ['民营企业进出口占比比上年提高了多少个百分点？', 'pp_change'],
  ['2019年至2023年营业收入年均增长多少？', 'cagr'],
  ['三年研发投入平均每年多少亿元？', 'average'],
  ['稻谷、玉米和小麦产量合计多少万吨？', 'sum'],
  ['出口额是进口额的多少倍？', 'ratio'],
  ['稻谷产量占粮食总产量的比重是多少？', 'share'],
  ['出口额比进口额多多少？', 'difference'],
  ['两个城市的产量相差多少万吨？', 'difference'],
  ['净利润增长了百分之几？', 'growth_rate'],
  ['2023年出口额同比增长多少？', null],
  ['出口额是多少亿元？', null],
];

describe('detectOp: Chinese wordings', () => {
  it.each(HAN_WORDINGS)('%s -> %s', (question, op) => {
    expect(detectOp(question)).toBe(op);
  });

  it('drops the Chinese wording of the calculation from the question', () => {
    expect(withoutOpWording('出口额比进口额多多少？', 'difference')).not.toMatch(/多多少/u);
    expect(withoutOpWording('出口额是进口额的多少倍？', 'ratio')).not.toMatch(/多少倍/u);
  });
});

describe('detectOp: the wordings report readers use', () => {
  for (const [op, questions] of Object.entries(WORDINGS)) {
    const expected = op === 'none' ? null : op;
    it.each(questions)(`${op}: %s`, (question) => {
      expect(detectOp(question)).toBe(expected);
    });
  }

  it('keeps the precedence between overlapping wordings', () => {
    // A percentage change is a growth rate, not a difference; an average growth rate per year is a CAGR.
    expect(detectOp('What was the percentage change in revenue between 2018 and 2019?')).toBe('growth_rate');
    expect(detectOp('What was the change in revenue between 2018 and 2019?')).toBe('difference');
    expect(detectOp('What was the average annual growth rate of revenue from 2015 to 2020?')).toBe('cagr');
    // The mean of a percentage series is still an average.
    expect(detectOp('What was the average gross margin % for 2019 and 2018?')).toBe('average');
    // "How much did it grow" stays a growth rate; "grow by" without a percent asks for the amount.
    expect(detectOp('How much did deposits grow from 2018 to 2019?')).toBe('growth_rate');
    expect(detectOp('How much did deposits grow by from 2018 to 2019?')).toBe('difference');
    // "A year" as a rate is a CAGR; "a year earlier" or "a year ago" names a period, not a rate.
    expect(detectOp('By how much did exports grow a year between 2015 and 2020?')).toBe('cagr');
    expect(detectOp('What was the gross margin a year ago?')).not.toBe('cagr');
    expect(detectOp('What was the churn rate a year earlier?')).not.toBe('cagr');
  });

  it('reads the end of a fiscal year ("2025–26") as part of the year, not as a number the question gives', () => {
    expect(analyzeQuestion('Which councillor proposed the 2025–26 budget?')).toMatchObject({
      years: [2025],
      numbers: [],
    });
    expect(analyzeQuestion('What was spent in 2024/25 on roads?').numbers).toEqual([]);
    expect(analyzeQuestion('How many of the 26 councillors voted in 2025?').numbers).toEqual([26]);
  });

  it('reads no number in the digits of a name or code ("K2", "CO2", "Q3"), only in figures the question states', () => {
    expect(analyzeQuestion('What is the power of the Ostrel K2?').numbers).toEqual([]);
    expect(analyzeQuestion('How much CO2 did the A380 emit in Q3?').numbers).toEqual([]);
    expect(analyzeQuestion('Which model draws 2,200 W?').numbers).toEqual([2200]);
  });

  it('does not ask for a calculation in a "who" question', () => {
    expect(analyzeQuestion('Who explained the change in revenue between 2018 and 2019?').op).toBeNull();
  });

  it('strips only the wording of the operation from the question', () => {
    const average = withoutOpWording('What was the average cost of sales for 2019 and 2018?', 'average');
    expect(average).toContain('cost of sales for 2019 and 2018');
    expect(average).not.toMatch(/average/i);
    const ratio = withoutOpWording('What is the ratio of current assets to current liabilities in 2019?', 'ratio');
    expect(ratio).toContain('current assets to current liabilities in 2019');
    const sum = withoutOpWording('What was the combined revenue of the Orchard and Harbour divisions in 2019?', 'sum');
    expect(sum).toContain('revenue of the Orchard and Harbour divisions in 2019');
    expect(sum).not.toMatch(/combined/i);
    const total = withoutOpWording('What were the Orchard and Harbour divisions’ revenues in total in 2019?', 'sum');
    expect(total).toContain('Orchard and Harbour divisions’ revenues');
    expect(total).not.toMatch(/in total/i);
  });
});

/** A fictional annual report: figures per year and per division. */
const REPORT = `---
title: Harrowgate Tools annual report 2019
---
# Harrowgate Tools annual report 2019

Harrowgate Tools makes hand tools and garden equipment in three factories.

Group revenue was £412.5 million in 2019 and £388.0 million in 2018.

The operating margin was 11.2% in 2019 and 10.4% in 2018.

In 2019 the Workshop division had sales of £250.0 million and the Garden division had sales of £162.5 million.

The board proposes a final dividend and keeps its policy of paying out about half of earnings.
`;

describe('average and sum questions are computed from the figures in the sentences', () => {
  let t: TestApp;
  let dir: string;

  beforeAll(async () => {
    dir = await makeTmpDir('citecheck-ops-corpus-');
    await fs.writeFile(path.join(dir, 'harrowgate-2019.md'), REPORT);
    t = await makeTestApp({ corpusDir: dir });
  });
  afterAll(async () => {
    await t?.cleanup();
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  const ask = (question: string) => askChat(t.app, question);

  it.each<[string, CalcOp, string[]]>([
    ['What was the average group revenue for 2019 and 2018?', 'average', ['£388.0 million', '£412.5 million']],
    ['What was the average operating margin for 2018 and 2019?', 'average', ['10.4%', '11.2%']],
    [
      'What is the sum of the Workshop division and Garden division sales in 2019?',
      'sum',
      ['£250.0 million', '£162.5 million'],
    ],
    ['What were the Workshop and Garden divisions’ sales in total?', 'sum', ['£250.0 million', '£162.5 million']],
  ])('%s', async (question, op, values) => {
    const expected = calculate(op, { values });
    const r = await ask(question);
    expect(r.abstained, r.answer).toBe(false);
    const check = r.checks.find((c) => c.status === 'computed');
    expect(check, JSON.stringify(r.checks)).toMatchObject({ op, display: expected.display, formula: expected.formula });
    expect(r.answer).toContain(expected.display);
    for (const v of values) expect(r.citations.map((c) => c.quote).join(' ')).toContain(v);
  });

  it('quotes a stated figure instead of computing one', async () => {
    const r = await ask('What was the revenue in 2019?');
    expect(r.checks.some((c) => c.status === 'computed')).toBe(false);
    expect(r.answer).toContain('£412.5 million');
  });
});
