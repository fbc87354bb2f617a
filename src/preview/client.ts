/**
 * The preview's page: one HTML document, its style sheet and its script, served from memory.
 * The script keeps the pages in step with the server's event stream: each event brings a
 * build's state with the glyph outlines and the pages this page lacks (display.ts); changed
 * pages are swapped in place, so the scroll position stays where the editor left it, and drawn
 * on their canvas when they are on screen (pages scrolled to are drawn then; all are drawn
 * again when the width changes). Text from the issue reaches the page only as escaped SVG
 * (display.ts) or through textContent.
 *
 * Each finished update sets `window.__bulletin` and dispatches a `bulletin:update` event with
 * the time it was done (epoch milliseconds): the tests and the benchmark wait on it.
 */
import { escapeXml } from './display.js';

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
body { margin: 0; display: grid; grid-template-columns: 1fr 380px; height: 100vh; background: #6b6f74; }
main { overflow-y: auto; position: relative; }
#pages { display: flex; flex-direction: column; align-items: center; gap: 18px; padding: 18px 18px 40px; }
.page { position: relative; width: min(100%, 820px); background: #fff; box-shadow: 0 1px 6px rgba(0,0,0,.45); content-visibility: auto; contain-intrinsic-size: auto 820px auto 1160px; }
.page::after { content: attr(data-n); position: absolute; right: -2.2em; top: 0; color: #e8e8e8; font-size: 12px; }
.page canvas { display: block; width: 100%; height: auto; }
.page svg.ov { position: absolute; left: 0; top: 0; width: 100%; height: 100%; }
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
  var bannerEl = document.getElementById('banner');
  var statusEl = document.getElementById('status');
  var listEl = document.getElementById('diagnostics');
  var countEl = document.getElementById('count');
  var pickedEl = document.getElementById('picked');
  var glyphs = [];
  var glyphCount = 0;
  var visible = new Set();
  var session = null;
  var state = null;
  var info = { version: -1, updates: 0, ok: null, last: null, drawn: 0, missing: 0 };
  window.__bulletin = info;

  function held() {
    var out = [];
    for (var i = 0; i < pagesEl.children.length; i++) out.push(pagesEl.children[i].getAttribute('data-hash'));
    return out;
  }

  // The stream sends each build's state with the glyphs and pages this page lacks; on a new
  // connection the server is told what is held, so that only the rest comes.
  var events = null;
  var received = 0;
  function connect() {
    var have = held().join(',');
    if (have.length > 12000) have = '';
    events = new EventSource('/events?glyphs=' + glyphCount + '&have=' + have);
    events.addEventListener('update', function (e) {
      received = performance.timeOrigin + performance.now();
      try {
        apply(JSON.parse(e.data));
      } catch (err) {
        // Out of step with the server: start again from nothing.
        events.close();
        glyphs = [];
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
    for (var g = 0; g < u.glyphs.length; g++) glyphs.push(new Path2D(u.glyphs[g]));
    glyphCount = u.glyphCount;
    var old = {};
    for (var i = 0; i < pagesEl.children.length; i++) {
      var c = pagesEl.children[i];
      var h = c.getAttribute('data-hash');
      (old[h] = old[h] || []).push(c);
    }
    var shown = [];
    for (var v = 0; v < pagesEl.children.length; v++) shown.push(visible.has(pagesEl.children[v]));
    var fresh = [];
    var wanted = u.pages.map(function (p, k) {
      var el = old[p.hash] && old[p.hash].shift();
      if (!el) {
        el = makePage(p.hash, p.display);
        // A page taking the place of one on screen is drawn now (the observer would be a frame late).
        if (shown[k]) fresh.push(el);
      }
      el.setAttribute('data-n', String(k + 1));
      return el;
    });
    wanted.forEach(function (el, k) {
      if (pagesEl.children[k] !== el) pagesEl.insertBefore(el, pagesEl.children[k] || null);
    });
    while (pagesEl.children.length > wanted.length) {
      var gone = pagesEl.lastChild;
      observer.unobserve(gone);
      visible.delete(gone);
      pagesEl.removeChild(gone);
    }
    fresh.forEach(function (el) { visible.add(el); draw(el); });
    showState();
    info.version = state.version;
    info.ok = state.ok;
    info.updates++;
    // When the event came, and when its pages were in the page (epoch ms).
    info.last = { version: state.version, ok: state.ok, received: received, at: performance.timeOrigin + performance.now() };
    window.dispatchEvent(new CustomEvent('bulletin:update', { detail: info.last }));
  }

  function makePage(hash, display) {
    var el = document.createElement('div');
    el.className = 'page';
    el.setAttribute('data-hash', hash);
    var canvas = document.createElement('canvas');
    // The page's proportions until it is drawn at its real resolution.
    canvas.width = Math.round(state.width);
    canvas.height = Math.round(state.height);
    el.appendChild(canvas);
    el.insertAdjacentHTML('beforeend', display ? display.overlay : '');
    el.__draw = display ? display.draw : [];
    el.__scale = 0;
    observer.observe(el);
    return el;
  }

  /** Fill the page's canvas: its glyph runs and rules, at the screen's resolution. */
  function draw(el) {
    var canvas = el.firstChild;
    // The width pages are shown at (the same for all; read once per layout, not per page).
    var scale = pageWidth() / state.width * (window.devicePixelRatio || 1);
    if (el.__scale === scale) return;
    el.__scale = scale;
    canvas.width = Math.round(state.width * scale);
    canvas.height = Math.round(state.height * scale);
    var ctx = canvas.getContext('2d');
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    var ops = el.__draw;
    for (var i = 0; i < ops.length; i++) {
      var op = ops[i];
      ctx.fillStyle = op[1];
      if (op[0] === 'r') {
        ctx.setTransform(scale, 0, 0, scale, 0, 0);
        ctx.fillRect(op[2], op[3], op[4], op[5]);
        continue;
      }
      var x = op[2], y = op[3], k = op[4], list = op[5];
      for (var j = 0; j < list.length; j += 2) {
        var path = glyphs[list[j]];
        if (!path) { info.missing++; continue; }
        ctx.setTransform(scale * k, 0, 0, -scale * k, scale * (x + k * list[j + 1]), scale * y);
        ctx.fill(path);
      }
    }
    info.drawn++;
  }

  var widthCache = 0;
  function pageWidth() {
    if (!widthCache) widthCache = (pagesEl.firstChild && pagesEl.firstChild.clientWidth) || 600;
    return widthCache;
  }

  var observer = new IntersectionObserver(function (entries) {
    entries.forEach(function (e) {
      if (e.isIntersecting) { visible.add(e.target); draw(e.target); } else visible.delete(e.target);
    });
  }, { root: document.getElementById('main'), rootMargin: '200px 0px' });

  // A new width (window, zoom): the pages on screen are drawn again at the new resolution; the
  // others when they come into view.
  new ResizeObserver(function () { widthCache = 0; visible.forEach(draw); }).observe(pagesEl);

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
