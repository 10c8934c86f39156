/** The widget's stylesheet, scoped to its shadow root; `--cc-accent` comes from `data-accent`. */
export const STYLES = `
:host { all: initial !important; }
[hidden] { display: none !important; }
.root {
  --cc-accent: #0a7a5a; --cc-ink: #1d2329; --cc-muted: #5b6570; --cc-line: #dde3e8; --cc-soft: #f3f6f7; --cc-bg: #fff;
  color: var(--cc-ink); font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  font-style: normal; font-weight: 400; letter-spacing: normal; text-align: left; text-transform: none; visibility: visible;
}
.root *, .root *::before, .root *::after { box-sizing: border-box; }
button, textarea { font: inherit; color: inherit; letter-spacing: inherit; }
button { cursor: pointer; }
button:disabled { cursor: default; opacity: .55; }
:focus { outline: none; }
:focus-visible { outline: 3px solid var(--cc-accent); outline-offset: 2px; }
svg { width: 20px; height: 20px; fill: none; stroke: currentColor; stroke-width: 2; stroke-linecap: round; stroke-linejoin: round; flex: none; }

.launcher {
  position: fixed; bottom: 20px; right: 20px; z-index: 2147483000; width: 56px; height: 56px; border-radius: 50%;
  border: 0; background: var(--cc-accent); color: #fff; display: flex; align-items: center; justify-content: center;
  box-shadow: 0 6px 20px rgba(16, 24, 32, .25);
}
.launcher svg { width: 26px; height: 26px; }
.left .launcher { right: auto; left: 20px; }

.panel {
  position: fixed; bottom: 88px; right: 20px; z-index: 2147483001; width: 400px; max-width: calc(100vw - 40px);
  height: min(640px, calc(100vh - 108px)); display: flex; flex-direction: column; overflow: hidden;
  background: var(--cc-bg); border: 1px solid var(--cc-line); border-radius: 14px; box-shadow: 0 12px 40px rgba(16, 24, 32, .22);
}
.left .panel { right: auto; left: 20px; }
.head { display: flex; align-items: center; gap: 6px; padding: 10px 10px 10px 16px; border-bottom: 1px solid var(--cc-line); }
.head h2 { flex: 1; margin: 0; font-size: 16px; font-weight: 650; line-height: 1.3; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.icon-btn {
  display: inline-flex; align-items: center; gap: 4px; min-height: 36px; min-width: 36px; justify-content: center;
  padding: 0 8px; border: 1px solid transparent; border-radius: 8px; background: transparent; color: var(--cc-ink); font-size: 13px;
}
.icon-btn:hover { background: var(--cc-soft); }
.icon-btn svg { width: 18px; height: 18px; }

.body { position: relative; flex: 1; min-height: 0; display: flex; }
.log { position: relative; flex: 1; overflow-y: auto; padding: 14px 14px 6px; display: flex; flex-direction: column; gap: 12px; overscroll-behavior: contain; }
.empty { color: var(--cc-muted); margin: 12px 4px; font-size: 14px; }

.msg { max-width: 100%; overflow-wrap: anywhere; }
.msg.user { align-self: flex-end; max-width: 85%; background: var(--cc-accent); color: #fff; padding: 8px 12px; border-radius: 14px 14px 4px 14px; white-space: pre-wrap; }
.msg.bot { position: relative; align-self: stretch; background: var(--cc-soft); padding: 10px 12px; border-radius: 14px 14px 14px 4px; }
.msg.bot p { margin: 0 0 8px; }
.msg.bot p:last-child { margin-bottom: 0; }
.stream { white-space: pre-wrap; }
.pending { color: var(--cc-muted); font-size: 14px; }
.notice { margin: 8px 0 0; padding: 6px 10px; border-left: 3px solid #b7791f; background: #fff8e6; font-size: 13px; }
.abstain-label { display: inline-block; margin-bottom: 6px; padding: 1px 8px; border-radius: 999px; background: #e8ecef; color: var(--cc-ink); font-size: 12px; font-weight: 600; }
.error { color: #a4262c; }

.cite {
  display: inline-flex; align-items: center; justify-content: center; min-width: 22px; height: 20px; margin: 0 2px; padding: 0 5px;
  vertical-align: 1px; border: 1px solid var(--cc-accent); border-radius: 6px; background: var(--cc-bg); color: var(--cc-accent);
  font-size: 12px; font-weight: 650; line-height: 1;
}
.nowrap { white-space: nowrap; }
.cite:hover { background: var(--cc-accent); color: #fff; }

.badge {
  display: inline-flex; align-items: center; gap: 3px; height: 20px; margin: 0 2px 0 4px; padding: 0 7px; vertical-align: 1px;
  border: 1px solid currentColor; border-radius: 999px; background: var(--cc-bg); font-size: 11.5px; font-weight: 650; line-height: 1; white-space: nowrap;
}
.badge[data-status="verified"] { color: #146c2e; }
.badge[data-status="computed"] { color: #1a5fb4; }
.badge[data-status="approximate"] { color: #8a5a00; }
.badge[data-status="mismatch"] { color: #a4262c; }
.badge[data-status="unverified"] { color: #5b6570; }
.tip {
  display: none; position: absolute; left: 10px; z-index: 3;
  width: max-content; max-width: calc(100% - 20px); padding: 6px 8px; border-radius: 6px; background: #1d2329; color: #fff;
  font-size: 12px; font-weight: 400; line-height: 1.4; white-space: normal; text-align: left; pointer-events: none;
}
.badge:hover .tip, .badge:focus-visible .tip, .badge[aria-expanded="true"] .tip { display: block; }
.checks { margin-top: 8px; font-size: 13px; color: var(--cc-muted); }

.sources { margin: 10px 0 0; padding: 8px 0 0; border-top: 1px solid var(--cc-line); }
.sources ol { margin: 6px 0 0; padding: 0; list-style: none; display: grid; gap: 6px; }
.sources h3 { margin: 0; font-size: 12px; font-weight: 650; text-transform: uppercase; letter-spacing: .04em; color: var(--cc-muted); }
.source { display: block; width: 100%; padding: 6px 8px; text-align: left; border: 1px solid var(--cc-line); border-radius: 8px; background: var(--cc-bg); font-size: 13px; }
.source:hover { border-color: var(--cc-accent); }
.source strong { color: var(--cc-accent); margin-right: 4px; }
.source .src-title { font-weight: 600; }
.source .src-quote { display: block; margin-top: 2px; color: var(--cc-muted); }
.sources li { min-width: 0; }
.source-card { padding: 0; cursor: pointer; }
.source-card .source-open { display: block; width: 100%; padding: 6px 8px 4px; text-align: left; border: 0; border-radius: 8px 8px 0 0; background: transparent; }
.source-card .table-wrap { margin: 0 8px 8px; }
.source-card:has(.source-open:focus-visible) { outline: 3px solid var(--cc-accent); outline-offset: 2px; }
.source-card:has(.source-open:focus-visible) .source-open { outline: none; }

.table-wrap { max-width: 100%; overflow-x: auto; border: 1px solid var(--cc-line); border-radius: 6px; background: var(--cc-bg); overscroll-behavior-x: contain; }
.table-row { width: 100%; border-collapse: collapse; font-size: 12.5px; line-height: 1.35; font-variant-numeric: tabular-nums; white-space: normal; overflow-wrap: normal; word-break: normal; }
.table-row caption { padding: 5px 8px 4px; text-align: left; font-size: 12px; font-weight: 600; color: var(--cc-muted); border-bottom: 1px solid var(--cc-line); }
.table-row th, .table-row td { padding: 4px 8px; text-align: left; vertical-align: bottom; font-weight: 400; }
.table-row thead th { font-size: 11.5px; font-weight: 600; color: var(--cc-muted); background: var(--cc-soft); border-bottom: 1px solid var(--cc-line); }
.table-row caption > span { display: inline-block; position: sticky; left: 8px; }
.table-row tr > :first-child { position: sticky; left: 0; z-index: 1; }
.table-row tbody th { font-weight: 600; min-width: 7em; background: var(--cc-bg); }
.table-row .num { text-align: right; white-space: nowrap; }
.table-row tr.cited > * { background: #fff4c2; }
.passage-text .table-wrap { margin: 10px 0; white-space: normal; }
.passage-text .table-row { font-size: 13px; }

.feedback { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; margin-top: 8px; font-size: 13px; color: var(--cc-muted); }
.feedback .icon-btn { min-height: 30px; min-width: 30px; padding: 0 6px; color: var(--cc-muted); }
.feedback .icon-btn[aria-pressed="true"] { color: var(--cc-accent); border-color: var(--cc-accent); background: var(--cc-bg); }
.comment { display: flex; gap: 6px; width: 100%; margin-top: 4px; }
.comment textarea { flex: 1; min-height: 34px; resize: vertical; padding: 6px 8px; border: 1px solid var(--cc-line); border-radius: 8px; background: var(--cc-bg); font-size: 13px; }
.text-btn { padding: 4px 10px; border: 1px solid var(--cc-line); border-radius: 8px; background: var(--cc-bg); font-size: 13px; }
.text-btn:hover { border-color: var(--cc-accent); }

.compose { display: flex; align-items: flex-end; gap: 8px; padding: 10px 12px; border-top: 1px solid var(--cc-line); }
.compose textarea {
  flex: 1; min-height: 40px; max-height: 140px; resize: none; padding: 9px 12px; border: 1px solid var(--cc-line); border-radius: 10px;
  background: var(--cc-bg); line-height: 1.4;
}
.compose textarea:focus-visible { outline-offset: 0; }
.primary { display: inline-flex; align-items: center; justify-content: center; width: 40px; height: 40px; border: 0; border-radius: 10px; background: var(--cc-accent); color: #fff; }
.primary.stop { background: #3b444d; }
.foot { margin: 0; padding: 0 12px 8px; color: var(--cc-muted); font-size: 11.5px; text-align: center; }

.passage { position: absolute; inset: 0; z-index: 2; display: flex; flex-direction: column; background: var(--cc-bg); }
.passage-head { display: flex; align-items: center; gap: 6px; padding: 8px 10px; border-bottom: 1px solid var(--cc-line); }
.passage-info { padding: 10px 16px 0; max-height: 45%; overflow-y: auto; border-bottom: 1px solid var(--cc-line); }
.passage-info:empty { display: none; }
.passage-body { position: relative; flex: 1; overflow-y: auto; padding: 12px 16px 16px; }
.passage h3 { margin: 0 0 6px; font-size: 15px; line-height: 1.35; }
.meta { margin: 0 0 10px; display: grid; grid-template-columns: auto 1fr; gap: 2px 10px; font-size: 13px; }
.meta dt { color: var(--cc-muted); }
.meta dd { margin: 0; }
.passage-text { margin: 0; white-space: pre-wrap; font-size: 14px; line-height: 1.6; }
mark { background: #ffe58a; color: inherit; padding: 1px 0; border-radius: 2px; box-shadow: 0 0 0 2px #ffe58a; }

@media (max-width: 480px) {
  .panel, .left .panel { inset: 0; width: 100%; max-width: none; height: 100%; border: 0; border-radius: 0; }
  .root.open .launcher { display: none; }
}
@media (prefers-reduced-motion: no-preference) {
  .launcher { transition: transform .15s ease; }
  .launcher:hover { transform: scale(1.05); }
}
`;
