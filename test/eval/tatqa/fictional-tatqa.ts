/**
 * A tiny TAT-QA-format dataset for the tests. Everything in it is FICTIONAL: the companies, figures,
 * people and events were made up for these tests and are not taken from TAT-QA or any other dataset.
 */

/** The fictional dataset as parsed JSON: 2 documents, 5 paragraphs, 12 questions. */
export const FICTIONAL_TATQA = [
  {
    table: {
      uid: 'tbl-brassmoor',
      table: [
        ['', '2021', '2020'],
        ['', '£ thousand', '£ thousand'],
        ['Clock sales', '1,250', '1,000'],
        ['Repairs  and   servicing', '340', '410'],
        ['Gears | springs', '(36)', '(24)'],
        ['Total revenue', '1,554', '1,386'],
      ],
    },
    paragraphs: [
      { uid: 'p-b2', order: 2, text: 'Repairs fell because the Harrowgate workshop was closed for four months while its roof was rebuilt.' },
      { uid: 'p-b1', order: 1, text: 'Brassmoor Clockworks builds tower clocks and bracket clocks in the invented town of Kettleby.\nAll amounts are in thousands of pounds.' },
      { uid: 'p-b3', order: 3, text: 'The company is led by Ilsa Brandt, its chief executive, and Oswin Tarrel, its finance director.' },
    ],
    questions: [
      {
        uid: 'bm-span', order: 1, question: 'Why did repairs fall?', answer: ['the Harrowgate workshop was closed for four months while its roof was rebuilt'],
        derivation: '', answer_type: 'span', answer_from: 'text', rel_paragraphs: ['2'], req_comparison: false, scale: '',
      },
      {
        uid: 'bm-multi', order: 2, question: 'Who leads Brassmoor Clockworks?', answer: ['Ilsa Brandt', 'Oswin Tarrel'],
        derivation: '', answer_type: 'multi-span', answer_from: 'text', rel_paragraphs: ['3'], req_comparison: false, scale: '',
      },
      {
        uid: 'bm-diff', order: 3, question: 'What was the change in clock sales from 2020 to 2021?', answer: 250,
        derivation: '1,250 - 1,000', answer_type: 'arithmetic', answer_from: 'table', rel_paragraphs: [], req_comparison: false, scale: 'thousand',
      },
      {
        uid: 'bm-ratio', order: 4, question: 'What was the percentage change in repairs and servicing from 2020 to 2021?', answer: -17.07,
        derivation: '(340-410)/410', answer_type: 'arithmetic', answer_from: 'table', rel_paragraphs: [], req_comparison: false, scale: 'percent',
      },
      {
        uid: 'bm-avg', order: 5, question: 'What was the average total revenue in 2020 and 2021?', answer: 1470,
        derivation: '(1,554 + 1,386) / 2', answer_type: 'arithmetic', answer_from: 'table', rel_paragraphs: [], req_comparison: false, scale: 'thousand',
      },
      {
        uid: 'bm-count', order: 6, question: 'How many people lead the company?', answer: '2',
        derivation: 'Ilsa Brandt##Oswin Tarrel', answer_type: 'count', answer_from: 'text', rel_paragraphs: ['3'], req_comparison: false, scale: '',
      },
    ],
  },
  {
    table: {
      uid: 'tbl-vorrin',
      table: [
        ['', 'Year ended 31 March', ''],
        ['', '2021', '2020'],
        ['Ice market visitors', '12,400', '9,300'],
        ['Ferry tickets', '3,100', '2,900'],
        ['Share of visitors from abroad', '18.5%', '16.0%'],
      ],
    },
    paragraphs: [
      { uid: 'p-v2', order: 2, text: 'Ferry tickets are sold at the Kettleby pier and at the lakeside inn.' },
      { uid: 'p-v1', order: 1, text: 'The Lake Vorrin Trust runs the winter ice market and the summer ferry on the lake.' },
    ],
    questions: [
      {
        uid: 'lv-div', order: 1, question: 'What share of ice market visitors bought ferry tickets in 2021?', answer: 25,
        derivation: '3,100/12,400 * 100', answer_type: 'arithmetic', answer_from: 'table', rel_paragraphs: [], req_comparison: false, scale: 'percent',
      },
      {
        uid: 'lv-sum', order: 2, question: 'What were total ferry tickets in 2020 and 2021?', answer: 6000,
        derivation: '3,100 + 2,900', answer_type: 'arithmetic', answer_from: 'table', rel_paragraphs: [], req_comparison: false, scale: '',
      },
      {
        uid: 'lv-diff-pct', order: 3, question: 'What was the change in the share of visitors from abroad?', answer: 2.5,
        derivation: '18.5% - 16.0%', answer_type: 'arithmetic', answer_from: 'table', rel_paragraphs: [], req_comparison: false, scale: 'percent',
      },
      {
        uid: 'lv-other', order: 4, question: 'What were ice market visitors in 2021 net of ferry tickets, per ferry ticket in 2020?', answer: 3.21,
        derivation: '(12,400 - 3,100) / 2,900', answer_type: 'arithmetic', answer_from: 'table', rel_paragraphs: [], req_comparison: false, scale: '',
      },
      {
        uid: 'lv-where', order: 5, question: 'Where are ferry tickets sold?', answer: ['at the Kettleby pier and at the lakeside inn'],
        derivation: '', answer_type: 'span', answer_from: 'text', rel_paragraphs: ['2'], req_comparison: false, scale: '',
      },
      {
        uid: 'lv-visitors', order: 6, question: 'How many ice market visitors were there in 2021?', answer: ['12,400'],
        derivation: '', answer_type: 'span', answer_from: 'table-text', rel_paragraphs: ['1'], req_comparison: false, scale: '',
      },
    ],
  },
];
