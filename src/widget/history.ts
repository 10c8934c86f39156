import type { ChatResponse, HistoryTurn } from './types.js';

/** A completed exchange: the question and the full answer, so citations render again after a reload. */
export interface Exchange {
  question: string;
  response: ChatResponse;
}

interface Saved {
  v: 1;
  open: boolean;
  exchanges: Exchange[];
}

/** The server accepts at most this many history turns (two per exchange). */
const MAX_TURNS = 20;
/** The server's limit per turn. */
const MAX_CONTENT = 2000;
/** UTF-8 bytes of history sent, leaving room for the question under the server's 64 KiB body limit. */
const MAX_HISTORY_BYTES = 48 * 1024;

/** Conversation state in sessionStorage (kept across page loads of one tab), in memory when storage is blocked. */
export class ConversationStore {
  private memory: Saved = { v: 1, open: false, exchanges: [] };

  constructor(private readonly key: string) {
    this.memory = this.read() ?? this.memory;
  }

  get exchanges(): readonly Exchange[] {
    return this.memory.exchanges;
  }

  get open(): boolean {
    return this.memory.open;
  }

  add(exchange: Exchange): void {
    this.memory.exchanges = [...this.memory.exchanges, exchange].slice(-MAX_TURNS / 2);
    this.write();
  }

  setOpen(open: boolean): void {
    this.memory.open = open;
    this.write();
  }

  /** Forgets the conversation. */
  clear(): void {
    this.memory.exchanges = [];
    this.write();
  }

  /** The conversation as the chat API's `history`: the latest turns that fit the server's limits. */
  history(): HistoryTurn[] {
    const turns = this.memory.exchanges
      .flatMap((e): HistoryTurn[] => [
        { role: 'user', content: e.question.slice(0, MAX_CONTENT) },
        { role: 'assistant', content: e.response.answer.slice(0, MAX_CONTENT) },
      ])
      .slice(-MAX_TURNS);
    const encoder = new TextEncoder();
    while (turns.length && encoder.encode(JSON.stringify(turns)).length > MAX_HISTORY_BYTES) turns.splice(0, 2);
    return turns;
  }

  private read(): Saved | undefined {
    try {
      const raw = sessionStorage.getItem(this.key);
      const saved = raw ? (JSON.parse(raw) as Partial<Saved>) : undefined;
      if (saved?.v !== 1 || !Array.isArray(saved.exchanges)) return undefined;
      const exchanges = saved.exchanges.filter(
        (e) =>
          typeof e?.question === 'string' &&
          typeof e.response?.answer === 'string' &&
          Array.isArray(e.response.citations) &&
          Array.isArray(e.response.checks),
      );
      return { v: 1, open: saved.open === true, exchanges };
    } catch {
      return undefined;
    }
  }

  private write(): void {
    try {
      sessionStorage.setItem(this.key, JSON.stringify(this.memory));
    } catch {
      // storage full or blocked: the conversation lives in memory only
    }
  }
}
