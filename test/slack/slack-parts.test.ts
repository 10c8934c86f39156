import fs from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SeenKeys } from '../../src/slack/dedupe.js';
import { parseCommandText } from '../../src/slack/payloads.js';
import { PendingWork } from '../../src/slack/pending-work.js';
import { threadHistory } from '../../src/slack/thread-history.js';

describe('parseCommandText', () => {
  it('recognises share', () => {
    expect(parseCommandText('share What grew?')).toEqual({ question: 'What grew?', share: true });
    expect(parseCommandText('  Share: What grew?')).toEqual({ question: 'What grew?', share: true });
    expect(parseCommandText('What share of GDP?')).toEqual({ question: 'What share of GDP?', share: false });
    expect(parseCommandText('shareholders?')).toEqual({ question: 'shareholders?', share: false });
  });
});

describe('threadHistory', () => {
  it('keeps earlier turns in order, at most 20, each at most 8000 characters', () => {
    const messages = Array.from({ length: 30 }, (_, i) => ({
      ts: `17000000${String(i).padStart(2, '0')}.000100`,
      ...(i % 2
        ? { bot_id: 'B', text: `answer ${i}` }
        : { user: 'U1', text: `<@UBOT> question ${i}${i === 28 ? 'x'.repeat(9000) : ''}` }),
    }));
    const history = threadHistory(messages.slice().reverse(), '1700000029.000100', 'UBOT');
    expect(history).toHaveLength(20);
    expect(history[0]).toEqual({ role: 'assistant', content: 'answer 9' });
    expect(history.at(-1)!.content).toHaveLength(8000);
    expect(history.at(-1)!.role).toBe('user');
    expect(history.at(-2)).toEqual({ role: 'assistant', content: 'answer 27' });
  });
});

describe('SeenKeys', () => {
  it('remembers keys for the time limit only', async () => {
    let now = 0;
    const seen = new SeenKeys(1000, 100, () => now);
    expect(await seen.firstTime('a', 'b')).toBe(true);
    expect(await seen.firstTime('a')).toBe(false);
    expect(await seen.firstTime('c', 'b')).toBe(false);
    now = 5000;
    expect(await seen.firstTime('a')).toBe(true);
    expect(seen.size).toBe(1);
  });

  it('stays bounded', async () => {
    const seen = new SeenKeys(60_000, 10);
    for (let i = 0; i < 100; i++) await seen.firstTime(`k${i}`);
    expect(seen.size).toBeLessThanOrEqual(10);
  });
});

describe('PendingWork', () => {
  it('drains work started while draining and reports failures', async () => {
    const errors: unknown[] = [];
    const work = new PendingWork((err) => errors.push(err));
    const order: string[] = [];
    work.track(
      (async () => {
        await new Promise((r) => setTimeout(r, 5));
        order.push('first');
        work.track(Promise.reject(new Error('late failure')));
      })(),
    );
    await work.drain();
    expect(order).toEqual(['first']);
    expect(errors).toHaveLength(1);
    expect(work.size).toBe(0);
  });
});

describe('Slack app manifest', () => {
  it('declares the command, events, scopes and request URLs the server serves', async () => {
    const manifest = parse(await fs.readFile(new URL('../../src/slack/manifest.yaml', import.meta.url), 'utf8'));
    expect(manifest.features.slash_commands[0].command).toBe('/citecheck');
    expect(new URL(manifest.features.slash_commands[0].url).pathname).toBe('/slack/commands');
    expect(new URL(manifest.settings.event_subscriptions.request_url).pathname).toBe('/slack/events');
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(['app_mention', 'message.im']);
    expect(manifest.oauth_config.scopes.bot).toEqual(
      expect.arrayContaining(['app_mentions:read', 'chat:write', 'commands', 'im:history', 'channels:history']),
    );
    expect(manifest.features.app_home.messages_tab_enabled).toBe(true);
  });
});
