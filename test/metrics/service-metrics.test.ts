import fs from 'node:fs/promises';
import path from 'node:path';
import type { WebClient } from '@slack/web-api';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ChatService } from '../../src/answer/chat-service.js';
import { createLlmAnswerer } from '../../src/answer/llm/agent.js';
import { OfflineAnswerer } from '../../src/answer/offline/answerer.js';
import type { ChatResponse } from '../../src/answer/schema.js';
import { loadConfig } from '../../src/config.js';
import { Metrics } from '../../src/metrics/metrics.js';
import { createEmbedder } from '../../src/retrieval/embedder.js';
import { KnowledgeBase, type KnowledgeSnapshot } from '../../src/retrieval/knowledge-base.js';
import { SlackBot } from '../../src/slack/slack-bot.js';
import { CHAT, passageNumber, say, script } from '../answer/llm/script.js';
import { buildTestSnapshot, llmTestConfig } from '../answer/llm/snapshot.js';
import { errorBody, type FakeOpenAI, startFakeOpenAI } from '../fakes/fake-openai.js';
import { CORPUS_DIR, makeTmpDir } from '../helpers/app.js';
import { parseExposition, sampleValue } from '../helpers/prometheus.js';

const QUESTION = 'What share of service trade is digital trade?';

async function samples(metrics: Metrics) {
  return parseExposition((await metrics.scrape()).body);
}

describe('LLM answers record retries, fallbacks and model call durations', () => {
  let fake: FakeOpenAI;
  let snapshot: KnowledgeSnapshot;

  beforeAll(async () => {
    [fake, snapshot] = await Promise.all([startFakeOpenAI(), buildTestSnapshot()]);
  });
  afterAll(() => fake?.close());
  afterEach(() => {
    fake.setHandler(CHAT, undefined);
    fake.requests.length = 0;
  });

  function service(metrics: Metrics): ChatService {
    // A generous answer deadline: a slow first answer on a busy machine must not turn into a fallback here.
    const llm = createLlmAnswerer(llmTestConfig(fake.url, { LLM_TIMEOUT_MS: '60000' }), {
      retry: { baseDelayMs: 5, maxDelayMs: 20 },
      metrics,
    });
    const kb = { require: () => snapshot } as unknown as KnowledgeBase;
    return new ChatService({ kb, offline: new OfflineAnswerer(), llm, metrics });
  }

  it('counts a retried call and times both attempts', async () => {
    const metrics = new Metrics({ processMetrics: false });
    script(fake, [
      { status: 503, json: errorBody('overloaded', 'server_error') },
      (req) => say(`Digital trade accounts for nearly 45% of service trade [${passageNumber(req, 'nearly 45%')}].`),
    ]);
    const answer = await service(metrics).answer({ question: QUESTION });
    expect(answer.mode).toBe('llm');
    const s = await samples(metrics);
    expect(sampleValue(s, 'citecheck_llm_retries_total')).toBe(1);
    expect(sampleValue(s, 'citecheck_llm_request_duration_seconds_count', { outcome: 'error' })).toBe(1);
    expect(sampleValue(s, 'citecheck_llm_request_duration_seconds_count', { outcome: 'ok' })).toBe(1);
    expect(sampleValue(s, 'citecheck_llm_fallbacks_total')).toBe(0);
    expect(sampleValue(s, 'citecheck_answers_total', { mode: 'llm', abstained: 'false' })).toBe(1);
  });

  it('counts a fallback to the offline answerer, and the answer under mode offline', async () => {
    const metrics = new Metrics({ processMetrics: false });
    fake.setHandler(CHAT, () => ({ status: 400, json: errorBody('bad request') }));
    const answer: ChatResponse = await service(metrics).answer({ question: QUESTION });
    expect(answer.mode).toBe('offline');
    const s = await samples(metrics);
    expect(sampleValue(s, 'citecheck_llm_fallbacks_total')).toBe(1);
    expect(sampleValue(s, 'citecheck_llm_retries_total')).toBe(0);
    expect(sampleValue(s, 'citecheck_llm_request_duration_seconds_count', { outcome: 'error' })).toBe(1);
    expect(sampleValue(s, 'citecheck_answers_total', { mode: 'offline', abstained: String(answer.abstained) })).toBe(1);
    expect(sampleValue(s, 'citecheck_answers_total', { mode: 'llm', abstained: 'false' })).toBe(0);
  });
});

describe('the Slack bot records events and commands by outcome', () => {
  const response = {
    answer: 'An answer.',
    citations: [],
    checks: [],
    claims: [],
    abstained: false,
    mode: 'offline',
    timings: { retrieveMs: 0, answerMs: 0, totalMs: 0 },
  };
  const chat = { answer: async () => response as ChatResponse };
  const client = {
    chat: { postMessage: async () => ({ ok: true }) },
    conversations: { replies: async () => ({ ok: true, messages: [] }) },
  };
  const envelope = (eventId: string, event: Record<string, string>) => ({
    type: 'event_callback',
    event_id: eventId,
    authorizations: [{ user_id: 'UBOT' }],
    event: {
      type: 'app_mention',
      channel: 'C1',
      user: 'U1',
      text: '<@UBOT> What is digital trade?',
      ts: '1700000000.000100',
      ...event,
    },
  });

  it('answers a delivery once, counts its retry as a duplicate and bots’ messages as ignored', async () => {
    const metrics = new Metrics({ processMetrics: false });
    const posted: string[] = [];
    const bot = new SlackBot({
      chat,
      client: client as unknown as WebClient,
      fetch: async (url) => (posted.push(String(url)), new Response(null)),
      metrics,
    });
    expect(await bot.handleEvent(envelope('Ev1', {}))).toBe('answering');
    expect(await bot.handleEvent(envelope('Ev1', {}))).toBe('duplicate');
    expect(await bot.handleEvent(envelope('Ev2', { bot_id: 'B1', ts: '1700000000.000200' }))).toBe('ignored');
    expect(
      bot.handleCommand({
        command: '/citecheck',
        text: '',
        responseUrl: 'https://hooks.example/1',
        userId: 'U1',
        channelId: 'C1',
      }),
    ).toBeDefined();
    expect(
      bot.handleCommand({
        command: '/citecheck',
        text: 'What is digital trade?',
        responseUrl: 'https://hooks.example/2',
        userId: 'U1',
        channelId: 'C1',
      }),
    ).toBeUndefined();
    await bot.drain();
    expect(posted).toEqual(['https://hooks.example/2']);
    const s = await samples(metrics);
    expect(sampleValue(s, 'citecheck_slack_events_total', { outcome: 'answered' })).toBe(1);
    expect(sampleValue(s, 'citecheck_slack_events_total', { outcome: 'duplicate' })).toBe(1);
    expect(sampleValue(s, 'citecheck_slack_events_total', { outcome: 'ignored' })).toBe(1);
    expect(sampleValue(s, 'citecheck_slack_commands_total', { outcome: 'answered' })).toBe(1);
    expect(sampleValue(s, 'citecheck_slack_commands_total', { outcome: 'ignored' })).toBe(1);
  });
});

describe('the knowledge base records reindex outcomes', () => {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((d) => fs.rm(d, { recursive: true, force: true }))));

  it('counts a failed rebuild, which keeps the old index served', async () => {
    const corpusDir = await makeTmpDir('citecheck-metrics-corpus-');
    const dataDir = await makeTmpDir('citecheck-metrics-data-');
    dirs.push(corpusDir, dataDir);
    await fs.cp(CORPUS_DIR, corpusDir, { recursive: true });
    const config = loadConfig({ CORPUS_DIR: corpusDir, DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
    const metrics = new Metrics({ processMetrics: false });
    const kb = new KnowledgeBase({ corpusDir, dataDir, embedder: createEmbedder(config), metrics });
    metrics.watchIndex(() => kb.current());
    await kb.open();
    const served = kb.require().buildId;
    for (const entry of await fs.readdir(corpusDir))
      await fs.rm(path.join(corpusDir, entry), { recursive: true, force: true });
    expect((await kb.reindex().done).state).toBe('failed');
    const s = await samples(metrics);
    expect(sampleValue(s, 'citecheck_reindex_runs_total', { outcome: 'failed' })).toBe(1);
    expect(sampleValue(s, 'citecheck_reindex_runs_total', { outcome: 'succeeded' })).toBe(0);
    expect(sampleValue(s, 'citecheck_index_info', { build_id: served })).toBe(1);
  });
});
