import { describe, expect, it } from 'vitest';
import { escapeMrkdwn, markdownToMrkdwn, slackToPlain } from '../../src/slack/mrkdwn.js';

describe('markdownToMrkdwn', () => {
  it('converts emphasis, headings and bullets', () => {
    expect(markdownToMrkdwn('**Digital trade** grew *fast* and ~~slowly~~.')).toBe(
      '*Digital trade* grew _fast_ and ~slowly~.',
    );
    expect(markdownToMrkdwn('__bold__ and _italic_')).toBe('*bold* and _italic_');
    expect(markdownToMrkdwn('## Key **figures**\n- one\n* two\n  + three')).toBe(
      '*Key figures*\n• one\n• two\n  • three',
    );
  });

  it('escapes & < > but keeps the link tokens it makes', () => {
    expect(markdownToMrkdwn('R&D <b> 3 > 2 <!channel>')).toBe('R&amp;D &lt;b&gt; 3 &gt; 2 &lt;!channel&gt;');
    expect(markdownToMrkdwn('See [the report](https://example.com/a?x=1&y=2) or <https://example.org>.')).toBe(
      'See <https://example.com/a?x=1&amp;y=2|the report> or <https://example.org>.',
    );
    expect(markdownToMrkdwn('[a|b](https://e.com/p|q)')).toBe('<https://e.com/p%7Cq|a¦b>');
    expect(markdownToMrkdwn('[x](javascript:alert(1))')).toBe('[x](javascript:alert(1))');
  });

  it('leaves citation markers, numbers and formulas alone', () => {
    const text = 'It rose 78.82% [1] (computed: (294.76 - 164.84) / 164.84 = 78.82%); 2*3*4 and a * b [2][3].';
    expect(markdownToMrkdwn(text)).toBe(text);
  });

  it('keeps code as code, escaped, without formatting inside', () => {
    expect(markdownToMrkdwn('Run `a **b** <c>` now')).toBe('Run `a **b** &lt;c&gt;` now');
    expect(markdownToMrkdwn('```ts\nif (a < b && *c*) {}\n```')).toBe('```\nif (a &lt; b &amp;&amp; *c*) {}\n```');
  });

  it('keeps Markdown quotes as Slack quotes', () => {
    expect(markdownToMrkdwn('> quoted & cited\nnot > quoted')).toBe('> quoted &amp; cited\nnot &gt; quoted');
  });

  it('escapeMrkdwn escapes exactly the three control characters', () => {
    expect(escapeMrkdwn(`a&b<c>d"e'f`)).toBe(`a&amp;b&lt;c&gt;d"e'f`);
  });
});

describe('slackToPlain', () => {
  it('drops the bot mention, resolves tokens and unescapes', () => {
    expect(slackToPlain('<@UBOT> What about R&amp;D &lt;2020&gt;?', 'UBOT')).toBe('What about R&D <2020>?');
    expect(slackToPlain('<@UBOT|citecheck>  share   of <#C1|general> and <@U2|ann>', 'UBOT')).toBe(
      'share of #general and @ann',
    );
    expect(slackToPlain('see <https://e.com|the site> <https://x.org> <!here>')).toBe(
      'see the site https://x.org @here',
    );
  });

  it('drops leading mentions when the bot id is unknown', () => {
    expect(slackToPlain('<@U123> hello <@U2>')).toBe('hello @U2');
  });
});
