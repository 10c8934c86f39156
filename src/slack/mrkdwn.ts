/**
 * Conversions between Markdown / plain text and Slack's mrkdwn. Pure functions.
 *
 * Slack treats `&`, `<` and `>` as control characters: they are escaped everywhere except in the
 * `<url|label>` tokens built here, so text from the documents can never inject a mention or link.
 */

/** Escapes Slack's three control characters. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const OPEN = '\uE000';
const CLOSE = '\uE001';
const BOLD = '\uE002';

/**
 * Converts Markdown to Slack mrkdwn: `**bold**`/`__bold__` → `*bold*`, `*italic*` → `_italic_`,
 * `~~strike~~` → `~strike~`, headings → bold lines, `-`/`*`/`+` bullets → `•`, `[label](url)` →
 * `<url|label>`, code kept as code; `& < >` escaped outside the generated tokens. Citation markers
 * like `[1]` are left as they are.
 */
export function markdownToMrkdwn(markdown: string): string {
  const tokens: string[] = [];
  const keep = (token: string) => `${OPEN}${tokens.push(token) - 1}${CLOSE}`;
  let text = markdown.replace(/[\uE000-\uE002]/g, '').replace(/\r\n?/g, '\n');

  text = text.replace(/```[^\n`]*\n?([\s\S]*?)```/g, (_m, code: string) =>
    keep(`\`\`\`\n${escapeMrkdwn(code.replace(/\n$/, ''))}\n\`\`\``),
  );
  text = text.replace(/`([^`\n]+)`/g, (_m, code: string) => keep(`\`${escapeMrkdwn(code)}\``));
  text = text.replace(/!?\[([^\]\n]+)\]\((\S+?)(?:\s+"[^"]*")?\)/g, (m, label: string, url: string) =>
    /^(?:https?:|mailto:)/i.test(url) ? keep(`<${escapeUrl(url)}|${escapeMrkdwn(label).replace(/\|/g, '¦')}>`) : m,
  );
  text = text.replace(/<((?:https?:|mailto:)[^\s<>]+)>/gi, (_m, url: string) => keep(`<${escapeUrl(url)}>`));
  text = text.replace(/^[ \t]{0,3}>[ \t]?/gm, () => keep('> '));

  // Bold is marked with BOLD until the end, so the italic rule cannot mistake it for `*italic*`.
  text = escapeMrkdwn(text)
    .replace(
      /^[ \t]{0,3}#{1,6}[ \t]+(.+?)[ \t#]*$/gm,
      (_m, title: string) => `${BOLD}${title.replace(/\*\*|__/g, '')}${BOLD}`,
    )
    .replace(/^([ \t]*)[-*+][ \t]+/gm, '$1• ')
    .replace(/\*\*(?!\s)([^\n]+?)(?<!\s)\*\*/g, `${BOLD}$1${BOLD}`)
    .replace(/(?<!\w)__(?!\s)([^\n]+?)(?<!\s)__(?!\w)/g, `${BOLD}$1${BOLD}`)
    .replace(/(?<![*\w])\*(?![\s*])([^*\n]+?)(?<!\s)\*(?![*\w])/g, '_$1_')
    .replace(/~~(?!\s)([^\n]+?)(?<!\s)~~/g, '~$1~')
    .replaceAll(BOLD, '*');

  return text.replace(new RegExp(`${OPEN}(\\d+)${CLOSE}`, 'g'), (_m, i: string) => tokens[Number(i)] ?? '');
}

/** Slack-escapes a URL for use inside `<…>`; `|` would end the URL early. */
function escapeUrl(url: string): string {
  return escapeMrkdwn(url).replace(/\|/g, '%7C');
}

/**
 * Turns Slack message text into plain text: mentions of `botUserId` (or, when it is unknown,
 * leading mentions) are dropped, other user mentions become `@name`/`@id`, channel tokens `#name`,
 * links their label (or URL), special mentions `@here` etc., and entities are unescaped.
 */
export function slackToPlain(text: string, botUserId?: string): string {
  let out = text;
  out = botUserId
    ? out.replace(new RegExp(`<@${botUserId}(?:\\|[^>]*)?>`, 'g'), ' ')
    : out.replace(/^(?:\s*<@[A-Z0-9]+(?:\|[^>]*)?>)+/, ' ');
  out = out
    .replace(/<@([A-Z0-9]+)(?:\|([^>]*))?>/g, (_m, id: string, name?: string) => `@${name || id}`)
    .replace(/<#([A-Z0-9]+)(?:\|([^>]*))?>/g, (_m, id: string, name?: string) => `#${name || id}`)
    .replace(/<!([a-z]+)(?:\^[^|>]*)?(?:\|([^>]*))?>/g, (_m, kind: string, label?: string) => label || `@${kind}`)
    .replace(/<([^<>|]+)\|([^<>]*)>/g, (_m, _url: string, label: string) => label)
    .replace(/<([^<>|]+)>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
  return out.replace(/[ \t]+/g, ' ').trim();
}
