/**
 * The script of `report.html`. It reads the embedded JSON (never HTML from it: every value goes
 * through `textContent`), fills the details panel when a cell is clicked, filters rows, and keeps
 * the selected cell in the URL fragment so a link can point at one result.
 */
export const HTML_SCRIPT = `
(() => {
  'use strict';
  const data = JSON.parse(document.getElementById('report-data').textContent);
  const panel = document.getElementById('details');
  const rules = new Map(data.rules.map((r) => [r.id, r]));
  const WORD = { pass: 'Pass', fail: 'Fail', error: 'Error', skip: 'Skip' };
  const SYMBOL = { pass: '\\u2713', fail: '\\u2717', error: '!', skip: '\\u2013' };

  const el = (tag, attrs, ...children) => {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === 'text') node.textContent = v;
      else node.setAttribute(k, v);
    }
    for (const c of children) if (c) node.append(c);
    return node;
  };
  const section = (title, ...children) => [el('h3', { text: title }), ...children];
  const pre = (text, cls) => el('pre', cls ? { class: cls, text } : { text });

  function copyButton(text) {
    const button = el('button', { type: 'button', class: 'copy', text: 'Copy' });
    button.addEventListener('click', () => {
      const done = () => { button.textContent = 'Copied'; };
      if (navigator.clipboard) navigator.clipboard.writeText(text).then(done, () => {});
    });
    return button;
  }

  function render(target, result, rule) {
    const parts = [];
    const heading = el('h2', {},
      el('span', { class: 'status ' + result.status, text: SYMBOL[result.status] + ' ' + WORD[result.status] }),
      el('code', { text: result.rule }),
      el('span', { class: 'level ' + result.level.toLowerCase(), text: result.level }));
    parts.push(heading, el('p', { class: 'target', text: target.title + ' \\u2014 ' + target.id }));
    if (result.baseline) parts.push(el('p', { text: 'Baseline: ' + result.baseline }));
    if (result.message) parts.push(...section('Message', pre(result.message)));
    if (rule) {
      const src = [el('p', { text: rule.summary })];
      if (rule.keyword) src.push(el('p', { class: 'keyword', text: 'Keyword: ' + rule.keyword }));
      if (rule.quote) src.push(el('blockquote', { class: 'quote', text: rule.quote }));
      src.push(el('p', {}, el('a', { href: rule.url, rel: 'noopener noreferrer', target: '_blank', text: rule.where })));
      parts.push(...section('Rule and source', ...src));
    }
    const ce = result.counterexample;
    if (ce) {
      const facts = el('dl', {});
      const fact = (k, v) => { facts.append(el('dt', { text: k }), el('dd', { text: v })); };
      fact('Expected', ce.expected);
      fact('Actual', ce.actual);
      fact('Kind', ce.kind);
      if (ce.likelyCause) fact('Likely cause', ce.likelyCause);
      if (ce.violates && ce.violates.length) fact('Breaks', ce.violates.join(', '));
      if (result.casesToFailure) {
        const fromExample = String((result.replay && result.replay.path) || '').indexOf('example:') === 0;
        fact(
          'Found after',
          fromExample
            ? 'explicit example ' + result.casesToFailure + ' (run before the generated cases)'
            : result.casesToFailure + ' cases (' + (result.examples || 0) + ' explicit examples first)',
        );
      }
      parts.push(...section('Expected and actual', facts));
      parts.push(...section('Counterexample', pre(ce.json, 'counterexample')));
      if (ce.errors && ce.errors.length) parts.push(...section('Target said', pre(ce.errors.join('\\n'))));
    } else if (result.status !== 'skip') {
      const facts = el('dl', {},
        el('dt', { text: 'Cases' }), el('dd', { text: String(result.runs) }),
        el('dt', { text: 'Kinds' }), el('dd', { text: result.kinds }));
      parts.push(...section('Run', facts));
    }
    const ex = result.exchange;
    if (ex) {
      const items = [pre(ex.request)];
      if (ex.requestBody) items.push(pre(ex.requestBody));
      if (ex.response) items.push(pre(ex.response));
      if (ex.responseBody) items.push(pre(ex.responseBody));
      parts.push(...section('HTTP exchange', ...items));
    }
    parts.push(...section('Replay', pre(result.replay, 'replay'), copyButton(result.replay)));
    panel.replaceChildren(...parts);
  }

  function select(cell, remember) {
    const target = data.targets[Number(cell.dataset.col)];
    const result = target && target.results.find((r) => r.rule === cell.dataset.rule);
    if (!result) return;
    for (const c of document.querySelectorAll('.cell.selected')) c.classList.remove('selected');
    cell.classList.add('selected');
    render(target, result, rules.get(result.rule));
    if (remember) {
      try {
        history.replaceState(null, '', '#' + cell.dataset.col + '/' + encodeURIComponent(cell.dataset.rule));
      } catch {}
    }
  }

  document.querySelector('table.matrix').addEventListener('click', (event) => {
    const cell = event.target.closest('.cell[data-rule]');
    if (cell && cell.dataset.status !== 'absent') select(cell, true);
  });

  const only = document.getElementById('only-problems');
  only.addEventListener('change', () => {
    for (const row of document.querySelectorAll('tr[data-clean="true"]')) row.classList.toggle('hidden', only.checked);
    for (const body of document.querySelectorAll('tbody[data-area]')) {
      const visible = body.querySelector('tr[data-rule-row]:not(.hidden)');
      body.querySelector('tr.area').classList.toggle('hidden', !visible);
    }
  });

  // A link to one result opens it; otherwise the first failure (or error) is shown.
  let chosen = null;
  const hash = /^#(\\d+)\\/(.+)$/.exec(location.hash);
  if (hash) {
    for (const cell of document.querySelectorAll('.cell[data-rule]')) {
      if (cell.dataset.col === hash[1] && cell.dataset.rule === decodeURIComponent(hash[2])) chosen = cell;
    }
  }
  chosen = chosen || document.querySelector('.cell[data-status="fail"], .cell[data-status="error"]');
  if (chosen) select(chosen, false);
})();
`;
