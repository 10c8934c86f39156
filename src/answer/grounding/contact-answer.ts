/* Contact details as answers: the phone number, email address or website a question asks for. */

/** A kind of contact detail. */
export type ContactKind = 'phone' | 'email' | 'web';

/** Wordings that ask for each kind ("what's the phone number", "what number should I ring", "email address"). */
const ASKS: readonly [ContactKind, RegExp][] = [
  [
    'phone',
    /\b(?:phone|telephone|tel|mobile|helpline|hotline)\b|\bnumbers?\b[^?]*\b(?:call|ring|phone|dial|text)\b|\b(?:call|ring|phone|dial)\b[^?]*\bnumbers?\b/iu,
  ],
  ['email', /\be-?mail\b/iu],
  ['web', /\b(?:website|web site|web address|url|web page|webpage)\b/iu],
];

/**
 * A phone number as documents write it: an international prefix or a leading 0 and groups of digits ("0800 316 4482",
 * "01632 960418", "+44 20 7946 0958", "(020) 7946 0958"); the digit count is checked apart.
 */
const PHONE_RE = /(?<![\p{L}\p{N}£$€.,])(?:\+\d{1,3}[\s-]?)?\(?0?\d{2,5}\)?(?:[\s-]?\d{2,5}){1,3}(?![\p{N}]|[.,]\d)/gu;
/** Digits a phone number has, from the shortest national numbers to the longest international ones. */
const PHONE_DIGITS = { min: 9, max: 13 } as const;
const EMAIL_RE = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
const WEB_RE = /\b(?:https?:\/\/|www\.)[^\s<>()"“”]+[^\s<>()"“”.,;:!?]/giu;

/** A question asking a count or a measure ("how many people called the helpline"), not for a contact detail. */
const MEASURE_RE = /\bhow (?:many|much|often|long|soon|quickly)\b/iu;

/** The kind of contact detail a question asks for, or null. */
export function askedContact(question: string): ContactKind | null {
  if (MEASURE_RE.test(question)) return null;
  return ASKS.find(([, re]) => re.test(question))?.[0] ?? null;
}

/** The words that ask for a contact detail, which name its kind, not what the documents must mention. */
const CONTACT_WORDS_RE =
  /\b(?:phone|telephone|tel|mobile|helpline|hotline|numbers?|call|ring|dial|e-?mail|website|web ?site|web address|url|web ?page|address)\b/giu;

/** A question asking for a contact detail without the words that ask for it ("the phone number for the barn": "the for the barn"). */
export function withoutContactWording(question: string): string {
  return askedContact(question) ? question.replace(CONTACT_WORDS_RE, ' ') : question;
}

/** Whether a match is a phone number: it starts with "+" or "0" (or a bracket) and has enough digits. */
function isPhone(text: string): boolean {
  const digits = text.replace(/\D/gu, '').length;
  return /^[+(0]/u.test(text) && digits >= PHONE_DIGITS.min && digits <= PHONE_DIGITS.max;
}

/** The contact details of a kind a text writes, with their offsets, in order. */
export function contactsIn(text: string, kind: ContactKind): { text: string; start: number; end: number }[] {
  const re = kind === 'phone' ? PHONE_RE : kind === 'email' ? EMAIL_RE : WEB_RE;
  return [...text.matchAll(re)]
    .filter((m) => kind !== 'phone' || isPhone(m[0]))
    .map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
}

/** For a question asking a contact detail, the first one of that kind the sentence writes, as a span of it. */
export function extractContact(
  sentence: string,
  question: string,
): { text: string; start: number; end: number } | null {
  const kind = askedContact(question);
  return kind ? (contactsIn(sentence, kind)[0] ?? null) : null;
}
