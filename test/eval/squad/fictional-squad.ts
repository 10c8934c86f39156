/**
 * A tiny SQuAD v2.0-format dataset for the tests. Everything in it is FICTIONAL: the places, people,
 * dates and events were made up for these tests and are not taken from SQuAD or any other dataset.
 */

const LAKE_1 =
  'Lake Vorrin is a cold mountain lake in the invented country of Estmark. It was first charted by the surveyor Ilsa Brandt in 1842, who named it after her brother Vorrin.';
const LAKE_2 =
  'The lake freezes every winter, and the village of Kettleby holds an ice market on it each February. Its deepest point is 212 metres below the surface.';
const CLOCK_1 =
  'The Brassmoor Clockworks was a workshop that built tower clocks. It was founded by Oswin Tarrel in 1903 and closed in 1961 after a fire destroyed its foundry.';
const CLOCK_2 =
  'Its best-known clock stands above the Harrowgate station and strikes thirteen times at noon, a quirk its makers called the baker’s hour.';

const at = (context: string, text: string) => {
  const i = context.indexOf(text);
  if (i < 0) throw new Error(`fixture answer ${JSON.stringify(text)} is not in its context`);
  return { text, answer_start: i };
};

/** The fictional dataset as parsed JSON (2 articles, 4 paragraphs, 10 questions: 6 answerable, 4 unanswerable). */
export const FICTIONAL_SQUAD = {
  version: 'v2.0',
  data: [
    {
      title: 'Lake_Vorrin',
      paragraphs: [
        {
          context: LAKE_1,
          qas: [
            {
              id: 'lv-1',
              question: 'Who first charted Lake Vorrin?',
              answers: [at(LAKE_1, 'Ilsa Brandt'), at(LAKE_1, 'the surveyor Ilsa Brandt')],
              is_impossible: false,
            },
            {
              id: 'lv-2',
              question: 'In what year was Lake Vorrin first charted?',
              answers: [at(LAKE_1, '1842')],
              is_impossible: false,
            },
            {
              id: 'lv-3',
              question: 'Who drained Lake Vorrin in 1990?',
              answers: [],
              is_impossible: true,
              plausible_answers: [at(LAKE_1, 'Ilsa Brandt')],
            },
          ],
        },
        {
          context: LAKE_2,
          qas: [
            {
              id: 'lv-4',
              question: 'Which village holds an ice market on the lake?',
              answers: [at(LAKE_2, 'Kettleby'), at(LAKE_2, 'the village of Kettleby')],
              is_impossible: false,
            },
            {
              id: 'lv-5',
              question: 'How many fish species live in Lake Vorrin?',
              answers: [],
              is_impossible: true,
              plausible_answers: [at(LAKE_2, '212')],
            },
          ],
        },
      ],
    },
    {
      title: 'Brassmoor_Clockworks',
      paragraphs: [
        {
          context: CLOCK_1,
          qas: [
            {
              id: 'bc-1',
              question: 'Who founded the Brassmoor Clockworks?',
              answers: [at(CLOCK_1, 'Oswin Tarrel')],
              is_impossible: false,
            },
            {
              id: 'bc-2',
              question: 'What destroyed the foundry of the Brassmoor Clockworks?',
              answers: [at(CLOCK_1, 'a fire'), at(CLOCK_1, 'fire')],
              is_impossible: false,
            },
            {
              id: 'bc-3',
              question: 'Who bought the Brassmoor Clockworks in 1975?',
              answers: [],
              is_impossible: true,
              plausible_answers: [at(CLOCK_1, 'Oswin Tarrel')],
            },
          ],
        },
        {
          context: CLOCK_2,
          qas: [
            {
              id: 'bc-4',
              question: 'How many times does the Harrowgate clock strike at noon?',
              answers: [at(CLOCK_2, 'thirteen')],
              is_impossible: false,
            },
            {
              id: 'bc-5',
              question: 'What is the name of the Harrowgate station master?',
              answers: [],
              is_impossible: true,
              plausible_answers: [at(CLOCK_2, 'Harrowgate')],
            },
          ],
        },
      ],
    },
  ],
};
