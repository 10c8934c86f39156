import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askedContact, contactsIn, extractContact } from '../../src/answer/grounding/contact-answer.js';
import { withContactPassages } from '../../src/answer/offline/contact-passages.js';
import { askChat, makeCorpusApp, type TestApp } from '../helpers/app.js';

describe('contact details', () => {
  it('reads which one a question asks for, and not for a count', () => {
    expect(askedContact('What number should I ring about the recalled heaters?')).toBe('phone');
    expect(askedContact("what's the phone number for the barn")).toBe('phone');
    expect(askedContact('What is the email address for bookings?')).toBe('email');
    expect(askedContact('Which website lists the timetables?')).toBe('web');
    expect(askedContact('How many people called the helpline?')).toBeNull();
    expect(askedContact('What is the number of the bus to the station?')).toBeNull();
  });

  it('finds phone numbers as written, not years, amounts or plain counts', () => {
    const phones = (s: string) => contactsIn(s, 'phone').map((c) => c.text);
    expect(phones('Recall line: 0800 316 4482 (free, 8am to 8pm).')).toEqual(['0800 316 4482']);
    expect(phones('Call +44 20 7946 0958 or (020) 7946 0958.')).toEqual(['+44 20 7946 0958', '(020) 7946 0958']);
    expect(phones('From 2024 2025 to 2026, 12 345 678 visits cost £1,500 000.')).toEqual([]);
    const sentence = 'To book, call Maud on 01632 960418 or email stay@larkspur.example.';
    expect(extractContact(sentence, 'What is the email for bookings?')?.text).toBe('stay@larkspur.example');
  });
});

/** A fictional recall notice, written for this test. */
const NOTICE = `---
title: "Brightwell kettles: safety recall (fictional)"
---
Fictional document written for testing; the company, products and numbers are invented.

Brightwell is recalling its KT-20 kettles because the lid hinge can crack and let boiling water spill.

Stop using the kettle and unplug it. We will send you a free replacement lid, or refund the full price if you prefer.

Brightwell recall line: 0800 555 0199 (free, 8am to 8pm every day).
`;

/** A fictional club page, written for this test: its contact line sits under a heading of its own. */
const CLUB = `---
title: "Orrin Vale Rowing Club: membership (fictional)"
---
Fictional document written for testing; the club and its details are invented.

## Membership

Orrin Vale Rowing Club welcomes new rowers of every age. Adult membership costs £240 a year and junior membership
£90 a year, and the number of places on the beginners' course is limited to 16 each season.

## Get in touch

Call Ada Thorne on 01632 960733 between 6pm and 8pm, or write to the boathouse.
`;

describe('questions asking for a contact detail', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await makeCorpusApp({ 'brightwell-recall.md': NOTICE, 'orrin-vale-club.md': CLUB });
  });
  afterAll(() => t?.cleanup());

  it('lead with the sentence that gives one, and answer with it', async () => {
    const r = await askChat(t.app, 'What number should I ring about the recalled kettles?');
    expect(r.abstained).toBe(false);
    expect(r.short?.text).toBe('0800 555 0199');
    expect(r.citations[0]?.quote).toContain('0800 555 0199');
  });

  it('look for one in the best documents’ other passages, which share no word with the question', async () => {
    const r = await askChat(t.app, "What's the phone number for the rowing club membership?");
    expect(r.short?.text).toBe('01632 960733');
    // The documents never write "phone": the words asking for a contact detail are no topic they must mention.
    const plain = await askChat(t.app, 'What is the phone number of the rowing club?');
    expect(plain.abstained).toBe(false);
    expect(plain.short?.text).toBe('01632 960733');
    const snapshot = t.kb.current()!;
    const membership = snapshot.chunks.find((c) => c.text.includes('beginners'))!;
    const hits = [{ chunk: membership, score: 0.5, scores: { vector: 0.5, bm25: null } }];
    const added = withContactPassages(snapshot, "What's the phone number for the club?", hits);
    expect(added.map((h) => h.chunk.text)).toEqual([membership.text, expect.stringContaining('01632 960733')]);
    expect(withContactPassages(snapshot, 'How much is adult membership?', hits)).toBe(hits);
  });
});
