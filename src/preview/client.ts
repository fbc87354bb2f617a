/**
 * The preview's page: one HTML document, its style sheet and its script, served from memory.
 * The script keeps the pages in step with the server: on each `build` event (SSE) it asks for
 * what changed — the glyph outlines it lacks and the pages whose hash it does not hold — and
 * swaps those pages in place, so the scroll position stays where the editor left it. Text from
 * the issue reaches the page only as escaped SVG (svg.ts) or through textContent.
 *
 * Each finished update sets `window.__bulletin` and dispatches a `bulletin:update` event with
 * the time it was done (epoch milliseconds): the tests and the benchmark wait on it.
 */
import { escapeXml } from './svg.js';

export function pageHtml(title: string, token: string): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="bulletin-token" content="${escapeXml(token)}">
<title>${escapeXml(title)} — bulletin preview</title>
<link rel="stylesheet" href="/app.css">
<script src="/app.js" defer></script>
</head>
<body>
<svg id="glyphs" width="0" height="0" aria-hidden="true"><defs id="glyph-defs"></defs></svg>
<main id="main">
  <div id="banner" hidden></div>
  <div id="pages" aria-label="pages"></div>
</main>
<aside id="side">
  <header>
    <h1 id="title">${escapeXml(title)}</h1>
    <div id="status">正在排版… / laying out…</div>
    <a id="pdf" href="/issue.pdf" target="_blank" rel="noopener">PDF</a>
  </header>
  <section id="picked" hidden>
    <h2>原文位置 / Source</h2>
    <div id="picked-where"></div>
    <pre id="picked-source"></pre>
  </section>
  <section>
    <h2>问题 / Diagnostics <span id="count"></span></h2>
    <ul id="diagnostics"></ul>
  </section>
</aside>
</body>
</html>
`;
}

export const CSS = `
:root { color-scheme: light; font-family: system-ui, "Noto Sans CJK SC", sans-serif; font-size: 14px; }
* { box-sizing: border-box; }
#glyphs { position: absolute; width: 0; height: 0; overflow: hidden; }
body { margin: 0; display: grid; grid-template-columns: 1fr 380px; height: 100vh; background: #6b6f74; }
main { overflow-y: auto; position: relative; }
#pages { display: flex; flex-direction: column; align-items: center; gap: 18px; padding: 18px 18px 40px; }
.page { position: relative; width: min(100%, 820px); background: #fff; box-shadow: 0 1px 6px rgba(0,0,0,.45); }
.page::after { content: attr(data-n); position: absolute; right: -2.2em; top: 0; color: #e8e8e8; font-size: 12px; }
.page svg { display: block; width: 100%; height: auto; }
#pages.stale .page { opacity: .55; }
#banner { position: sticky; top: 0; z-index: 2; margin: 0; padding: 10px 16px; background: #b3261e; color: #fff; font-weight: 600; }
#banner.offline { background: #555; }
.hit { fill: transparent; }
.ln { cursor: pointer; }
.ln:hover .hit { fill: rgba(30, 110, 230, .08); }
.ln.picked .hit { fill: rgba(30, 110, 230, .18); }
.tx { fill: transparent; white-space: pre; }
.tx::selection { fill: transparent; background: rgba(30, 110, 230, .3); }
aside { background: #f6f6f4; border-left: 1px solid #ccc; overflow-y: auto; padding: 0 14px 20px; }
aside header { position: sticky; top: 0; background: #f6f6f4; padding: 12px 0 8px; border-bottom: 1px solid #ddd; }
h1 { font-size: 16px; margin: 0 0 4px; word-break: break-all; }
h2 { font-size: 13px; margin: 16px 0 6px; color: #444; }
#status { color: #333; }
#status.failed { color: #b3261e; font-weight: 600; }
#pdf { position: absolute; right: 0; top: 12px; font-size: 12px; }
#diagnostics { list-style: none; margin: 0; padding: 0; }
.diag { border-left: 4px solid #999; background: #fff; margin: 0 0 6px; padding: 6px 8px; cursor: pointer; }
.diag.error { border-color: #b3261e; }
.diag.warning { border-color: #c77800; }
.diag.info { border-color: #3a6ea5; }
.diag .where { font-family: ui-monospace, monospace; font-size: 12px; color: #555; }
.diag .message { margin-top: 2px; }
.diag .hint { margin-top: 2px; color: #555; font-size: 12px; }
pre.source { display: none; margin: 6px 0 0; }
.diag.open pre.source { display: block; }
pre { background: #272822; color: #eee; padding: 6px 8px; overflow-x: auto; font-size: 12px; line-height: 1.45; font-family: ui-monospace, "Noto Sans Mono CJK SC", monospace; }
pre .at { background: #5a4a00; display: block; }
button.open { margin-top: 4px; font-size: 12px; }
`;

export const SCRIPT = `(function () {
  'use strict';
  var token = document.querySelector('meta[name="bulletin-token"]').getAttribute('content');
  var pagesEl = document.getElementById('pages');
  var defsEl = document.getElementById('glyph-defs');
  var bannerEl = document.getElementById('banner');
  var statusEl = document.getElementById('status');
  var listEl = document.getElementById('diagnostics');
  var countEl = document.getElementById('count');
  var pickedEl = document.getElementById('picked');
  var glyphCount = 0;
  var session = null;
  var state = null;
  var info = { version: -1, updates: 0, ok: null, last: null };
  window.__bulletin = info;

  function held() {
    var out = [];
    for (var i = 0; i < pagesEl.children.length; i++) out.push(pagesEl.children[i].getAttribute('data-hash'));
    return out;
  }

  // The stream sends each build's state with the glyphs and pages this page lacks; on a new
  // connection the server is told what is held, so that only the rest comes.
  var events = null;
  function connect() {
    var have = held().join(',');
    if (have.length > 12000) have = '';
    events = new EventSource('/events?glyphs=' + glyphCount + '&have=' + have);
    events.addEventListener('update', function (e) {
      try {
        apply(JSON.parse(e.data));
      } catch (err) {
        // Out of step with the server: start again from nothing.
        events.close();
        defsEl.textContent = '';
        glyphCount = 0;
        pagesEl.textContent = '';
        setTimeout(connect, 200);
      }
    });
    events.addEventListener('error', function () {
      offline('与预览服务器的连接已断开，正在重连… / disconnected from the preview server, reconnecting…');
      events.close();
      setTimeout(connect, 1000);
    });
  }

  function apply(u) {
    if (session !== null && u.state.session !== session) { location.reload(); return; }
    session = u.state.session;
    state = u.state;
    if (u.glyphsFrom !== glyphCount) throw new Error('glyphs out of step');
    if (u.glyphDefs) defsEl.insertAdjacentHTML('beforeend', u.glyphDefs);
    glyphCount = u.glyphCount;
    var old = {};
    for (var i = 0; i < pagesEl.children.length; i++) {
      var c = pagesEl.children[i];
      var h = c.getAttribute('data-hash');
      (old[h] = old[h] || []).push(c);
    }
    var wanted = u.pages.map(function (p, k) {
      var el = old[p.hash] && old[p.hash].shift();
      if (!el) {
        el = document.createElement('div');
        el.className = 'page';
        el.setAttribute('data-hash', p.hash);
        el.innerHTML = p.svg || '';
      }
      el.setAttribute('data-n', String(k + 1));
      return el;
    });
    wanted.forEach(function (el, k) {
      if (pagesEl.children[k] !== el) pagesEl.insertBefore(el, pagesEl.children[k] || null);
    });
    while (pagesEl.children.length > wanted.length) pagesEl.removeChild(pagesEl.lastChild);
    showState();
    info.version = state.version;
    info.ok = state.ok;
    info.updates++;
    info.last = { version: state.version, ok: state.ok, at: performance.timeOrigin + performance.now() };
    window.dispatchEvent(new CustomEvent('bulletin:update', { detail: info.last }));
  }

  function offline(text) {
    bannerEl.hidden = false;
    bannerEl.className = 'offline';
    bannerEl.textContent = text;
  }

  function plural(n, one, many) { return n + ' ' + (n === 1 ? one : many); }

  function showState() {
    var errors = state.diagnostics.filter(function (d) { return d.severity === 'error'; }).length;
    pagesEl.classList.toggle('stale', state.stale);
    if (state.ok && !state.problem) {
      bannerEl.hidden = true;
      statusEl.className = '';
      var b = state.built;
      statusEl.textContent = b ? (b.pages + ' 页 / ' + plural(b.pages, 'page', 'pages') + ' · ' + b.ms + ' ms · ' + new Date(b.at).toLocaleTimeString()) : '';
    } else {
      var text = state.problem ? state.problem : (errors + ' 个错误，未更新 / not updated: ' + plural(errors, 'error', 'errors'));
      if (state.stale) text += ' — 显示的是上次成功的版本 / showing the last good pages';
      bannerEl.hidden = false;
      bannerEl.className = '';
      bannerEl.textContent = text;
      statusEl.className = 'failed';
      statusEl.textContent = text;
    }
    countEl.textContent = state.diagnostics.length ? '(' + state.diagnostics.length + ')' : '';
    listEl.textContent = '';
    state.diagnostics.forEach(function (d, i) {
      var li = document.createElement('li');
      li.className = 'diag ' + d.severity;
      li.setAttribute('data-i', String(i));
      var where = document.createElement('div');
      where.className = 'where';
      where.textContent = (d.name ? d.name + ':' + d.line + ':' + d.col + ': ' : '') + d.severity + ' [' + d.code + ']';
      var message = document.createElement('div');
      message.className = 'message';
      message.textContent = d.message;
      li.appendChild(where);
      li.appendChild(message);
      if (d.hint) {
        var hint = document.createElement('div');
        hint.className = 'hint';
        hint.textContent = '提示 / hint: ' + d.hint;
        li.appendChild(hint);
      }
      if (d.excerpt) li.appendChild(excerpt(d.excerpt, d.line, 'source'));
      if (state.editor && d.file >= 0) li.appendChild(openButton(d.file, d.line, d.col));
      listEl.appendChild(li);
    });
  }

  function excerpt(x, at, cls) {
    var pre = document.createElement('pre');
    pre.className = cls;
    var width = String(x.first + x.lines.length - 1).length;
    x.lines.forEach(function (text, k) {
      var n = x.first + k;
      var line = document.createElement('span');
      if (n === at) line.className = 'at';
      line.textContent = (String(n).padStart(width, ' ')) + ' | ' + text + '\\n';
      pre.appendChild(line);
    });
    return pre;
  }

  function openButton(file, line, col) {
    var b = document.createElement('button');
    b.className = 'open';
    b.type = 'button';
    b.textContent = '在编辑器中打开 / open in editor';
    b.addEventListener('click', function (e) { e.stopPropagation(); openEditor(file, line, col); });
    return b;
  }

  function openEditor(file, line, col) {
    fetch('/open', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ token: token, file: file, line: line, col: col }) })
      .then(function (r) { return r.json(); })
      .then(function (r) { if (r.error) statusEl.textContent = r.error; })
      .catch(function () {});
  }

  listEl.addEventListener('click', function (e) {
    var li = e.target.closest('.diag');
    if (li) li.classList.toggle('open');
  });

  pagesEl.addEventListener('click', function (e) {
    var g = e.target.closest('[data-s]');
    if (!g || !state) return;
    var ref = state.sources[g.getAttribute('data-s')];
    if (!ref) return;
    var prev = pagesEl.querySelectorAll('.picked');
    for (var i = 0; i < prev.length; i++) prev[i].classList.remove('picked');
    g.classList.add('picked');
    pickedEl.hidden = false;
    document.getElementById('picked-where').textContent = ref.name + ':' + ref.line + '  (' + ref.path + ')';
    var pre = excerpt(ref.excerpt, ref.line, 'picked');
    pre.id = 'picked-source';
    document.getElementById('picked-source').replaceWith(pre);
    if (state.editor) openEditor(ref.file, ref.line, ref.col);
  });

  connect();
})();
`;
