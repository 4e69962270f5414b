/**
 * The stylesheet of `report.html`, inlined so the page needs nothing else. System fonts only.
 * Status colours come in pairs (background, text) with enough contrast in light and dark mode;
 * every cell also carries a symbol and a word, so colour is never the only signal.
 */
export const HTML_STYLE = `
:root {
  color-scheme: light dark;
  --bg: #f7f8fa; --panel: #ffffff; --text: #1f2430; --muted: #5f6b7a; --line: #e1e5eb;
  --accent: #2f5bd3; --code-bg: #f1f3f7;
  --pass-bg: #dcf5e3; --pass-fg: #17663a;
  --fail-bg: #fcdcdc; --fail-fg: #a11b1b;
  --error-bg: #fde9c4; --error-fg: #8a4b00;
  --skip-bg: #eceff3; --skip-fg: #5f6b7a;
  --must-bg: #1f2430; --must-fg: #ffffff; --should-bg: #e1e5eb; --should-fg: #1f2430;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #14171c; --panel: #1c2027; --text: #e4e8ee; --muted: #9aa5b4; --line: #2e343e;
    --accent: #8fb0ff; --code-bg: #242932;
    --pass-bg: #173a25; --pass-fg: #8fe0ad;
    --fail-bg: #4a1d1f; --fail-fg: #ffb1b1;
    --error-bg: #47340f; --error-fg: #ffd58a;
    --skip-bg: #262b33; --skip-fg: #9aa5b4;
    --must-bg: #e4e8ee; --must-fg: #14171c; --should-bg: #2e343e; --should-fg: #e4e8ee;
  }
}
* { box-sizing: border-box; }
body {
  margin: 0; background: var(--bg); color: var(--text);
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
}
code, pre, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; font-size: 12.5px; }
header.page { padding: 20px 28px 8px; }
.partial { margin: 8px 0 0; padding: 6px 10px; border-radius: 6px; background: var(--error-bg); color: var(--error-fg); font-weight: 600; display: inline-block; }
h1 { margin: 0 0 4px; font-size: 21px; font-weight: 650; }
h2 { font-size: 15px; margin: 0 0 10px; }
.meta { color: var(--muted); margin: 0; }
.meta span + span::before { content: "·"; margin: 0 8px; }
main { padding: 8px 20px 28px; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(215px, 1fr)); gap: 10px; margin-bottom: 16px; }
.card { background: var(--panel); border: 1px solid var(--line); border-radius: 10px; padding: 12px 14px; }
.card h2 { margin: 0; font-size: 14px; }
.card .id { color: var(--muted); font-size: 12px; word-break: break-all; margin: 2px 0 8px; }
.verdict { display: inline-block; font-weight: 600; padding: 2px 7px; border-radius: 999px; font-size: 11px; white-space: nowrap; }
.verdict.yes { background: var(--pass-bg); color: var(--pass-fg); }
.verdict.no { background: var(--fail-bg); color: var(--fail-fg); }
.counts { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 8px; padding: 0; list-style: none; }
.counts li { border-radius: 6px; padding: 1px 7px; font-size: 12px; }
.counts li.zero { opacity: .5; }
.card .start-error { color: var(--fail-fg); font-size: 12px; margin: 8px 0 0; white-space: pre-wrap; word-break: break-word; }
.toolbar { display: flex; flex-wrap: wrap; align-items: center; gap: 14px; margin: 0 0 10px; }
.legend { display: flex; gap: 6px; flex-wrap: wrap; padding: 0; margin: 0; list-style: none; }
.legend li { border-radius: 6px; padding: 2px 8px; font-size: 12px; }
.layout { display: grid; grid-template-columns: minmax(0, 1fr) 360px; gap: 14px; align-items: start; }
@media (max-width: 1100px) { .layout { grid-template-columns: minmax(0, 1fr); } }
.matrix-wrap { background: var(--panel); border: 1px solid var(--line); border-radius: 10px; overflow: auto; max-height: calc(100vh - 40px); }
table.matrix { border-collapse: separate; border-spacing: 0; width: 100%; }
.matrix th, .matrix td { border-bottom: 1px solid var(--line); padding: 0; }
.matrix thead th { position: sticky; top: 0; z-index: 2; background: var(--panel); text-align: center; padding: 6px 2px; font-weight: 600; font-size: 11.5px; vertical-align: bottom; width: 68px; max-width: 84px; cursor: help; }
.matrix thead .tid { display: block; overflow-wrap: anywhere; line-height: 1.25; }
.matrix thead th.corner { left: 0; z-index: 3; text-align: left; padding-left: 12px; }
.matrix thead .mark { display: block; font-size: 11px; margin-top: 2px; white-space: nowrap; }
.matrix thead .mark.yes { color: var(--pass-fg); }
.matrix thead .mark.no { color: var(--fail-fg); }
.matrix tr.area th { position: sticky; left: 0; text-align: left; background: var(--code-bg); padding: 6px 12px; font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
.matrix tr.area th .n { text-transform: none; letter-spacing: 0; font-weight: 400; margin-left: 6px; }
.matrix th.rule { position: sticky; left: 0; z-index: 1; background: var(--panel); text-align: left; font-weight: 400; padding: 4px 10px; max-width: 290px; box-shadow: 1px 0 0 var(--line); }
.rule .line { display: flex; align-items: center; gap: 6px; }
.rule code { font-size: 12px; font-weight: 550; overflow-wrap: anywhere; }
.rule .summary { color: var(--muted); font-size: 11.5px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; max-width: 270px; cursor: help; }
.level { font-size: 10px; font-weight: 700; padding: 1px 5px; border-radius: 4px; letter-spacing: .03em; }
.level.must { background: var(--must-bg); color: var(--must-fg); }
.level.should { background: var(--should-bg); color: var(--should-fg); }
.matrix td { text-align: center; padding: 2px; }
.cell { display: flex; flex-wrap: wrap; align-items: center; justify-content: center; gap: 0 3px; width: 100%; min-height: 26px; padding: 1px 2px; border: 1px solid transparent; border-radius: 5px; font: inherit; font-size: 11.5px; font-weight: 600; cursor: pointer; }
.cell:hover { filter: brightness(0.96); border-color: currentColor; }
.cell:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
.cell.selected { outline: 2px solid var(--accent); outline-offset: 1px; }
.cell .sym { font-size: 13px; }
.cell .known { font-weight: 400; font-size: 10.5px; opacity: .85; }
.pass { background: var(--pass-bg); color: var(--pass-fg); }
.fail { background: var(--fail-bg); color: var(--fail-fg); }
.error { background: var(--error-bg); color: var(--error-fg); }
.skip { background: var(--skip-bg); color: var(--skip-fg); }
.cell.absent { background: transparent; color: var(--muted); border: 1px dashed var(--line); cursor: default; font-weight: 400; }
tr.hidden { display: none; }
aside.details { position: sticky; top: 16px; background: var(--panel); border: 1px solid var(--line); border-radius: 10px; padding: 16px; max-height: calc(100vh - 32px); overflow: auto; }
aside.details .empty { color: var(--muted); margin: 0; }
.details h2 { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; font-size: 15px; margin: 0 0 4px; word-break: break-all; }
.details .status { border-radius: 999px; padding: 2px 9px; font-size: 12px; font-weight: 600; }
.details .target { color: var(--muted); margin: 0 0 12px; word-break: break-all; }
.details h3 { font-size: 11.5px; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); margin: 16px 0 6px; }
.details p { margin: 0 0 6px; }
.details blockquote { margin: 0 0 6px; padding: 6px 12px; border-left: 3px solid var(--accent); background: var(--code-bg); border-radius: 0 6px 6px 0; }
.details a { color: var(--accent); word-break: break-all; }
.details dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 12px; margin: 0; }
.details dt { color: var(--muted); }
.details dd { margin: 0; word-break: break-word; }
.details pre { background: var(--code-bg); border-radius: 6px; padding: 8px 10px; margin: 0 0 6px; white-space: pre-wrap; word-break: break-all; max-height: 320px; overflow: auto; }
.details .copy { font: inherit; font-size: 12px; padding: 3px 10px; border: 1px solid var(--line); border-radius: 6px; background: var(--panel); color: var(--text); cursor: pointer; }
footer { color: var(--muted); font-size: 12px; padding: 0 28px 24px; }
`;
