/**
 * The preview server over raw HTTP (a browser would not send the requests an attacker sends):
 * Host headers other than the loopback names are refused (DNS rebinding); no path reaches a
 * file — `..`, encoded dots, doubled slashes, absolute URLs, directories all get 404 or 400;
 * methods outside the route table are refused; opening an editor needs the page's token, a JSON
 * body and no foreign Origin; the event stream brings each build with what the browser lacks;
 * a port in use is skipped for the next.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../src/font/vendored.js';
import { allowedHosts } from '../../src/preview/host.js';
import { Preview, type Update } from '../../src/preview/preview.js';
import { startServer, type RunningServer } from '../../src/preview/server.js';

const SEED = readFileSync(join(PACKAGE_ROOT, 'test', 'fixtures', 'issues', 'seed-mini.yaml'), 'utf8');

/** Send `head` (request line and headers, CRLF-separated, without the blank line) as it is; the whole response. */
function raw(port: number, head: string, body = ''): Promise<{ status: number; headers: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let data = '';
    socket.setEncoding('utf8');
    socket.on('data', (d: string) => { data += d; });
    socket.on('error', reject);
    socket.on('end', () => {
      const [headers, ...rest] = data.split('\r\n\r\n');
      resolve({ status: Number(/^HTTP\/1\.\d (\d{3})/.exec(headers)?.[1] ?? 0), headers, body: rest.join('\r\n\r\n') });
    });
    socket.write(`${head}\r\nConnection: close\r\n${body ? `Content-Length: ${Buffer.byteLength(body)}\r\n` : ''}\r\n${body}`);
  });
}

describe('preview server', () => {
  let dir: string;
  let file: string;
  let preview: Preview;
  let server: RunningServer;
  const get = (path: string, host = `localhost:${server.port}`) => raw(server.port, `GET ${path} HTTP/1.1\r\nHost: ${host}`);

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bulletin-server-'));
    file = join(dir, 'a.yaml');
    writeFileSync(file, SEED);
    preview = new Preview(file, { editor: true });
    await preview.rebuild();
    server = await startServer(preview, { host: '127.0.0.1', port: 0, allowed: allowedHosts('127.0.0.1'), editor: `${process.execPath} -e 0` });
  });
  after(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('the page, its script and style are served to localhost, 127.0.0.1 and [::1]', async () => {
    for (const host of [`localhost:${server.port}`, `127.0.0.1:${server.port}`, `[::1]:${server.port}`]) {
      const page = await get('/', host);
      assert.equal(page.status, 200, host);
      assert.match(page.body, /<title>a\.yaml — bulletin preview<\/title>/);
      assert.match(page.headers, /Content-Security-Policy: default-src 'none'; script-src 'self'/i);
      assert.match(page.headers, /X-Content-Type-Options: nosniff/i);
    }
    assert.equal((await get('/app.js')).status, 200);
    assert.equal((await get('/app.css')).status, 200);
    const pdf = await get('/issue.pdf');
    assert.equal(pdf.status, 200);
    assert.match(pdf.headers, /Content-Type: application\/pdf/i);
    assert.ok(pdf.body.startsWith('%PDF-'));
  });

  test('a Host that is not localhost is refused (DNS rebinding), and so is a request without one', async () => {
    for (const host of ['evil.example', `evil.example:${server.port}`, `localhost.evil.example:${server.port}`, `127.0.0.1.nip.io:${server.port}`, '0.0.0.0', `localhost:${server.port}, evil.example`]) {
      const r = await get('/', host);
      assert.equal(r.status, 403, host);
      assert.doesNotMatch(r.body, /bulletin-token|<html/);
    }
    const none = await raw(server.port, 'GET / HTTP/1.0');
    assert.equal(none.status, 403);
    const events = await get('/events', 'evil.example');
    assert.equal(events.status, 403);
  });

  test('nothing outside the route table is served: no traversal, no directory listing', async () => {
    const attempts = [
      '/../../../../etc/passwd', '/%2e%2e/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2f..%2fetc%2fpasswd', '/app.js/../../../etc/passwd',
      '//etc/passwd', '/./app.js', '/APP.JS', '/app.js/', '/dist/', '/node_modules/', '/src/cli.ts', '/a.yaml', `/${'..%5c'.repeat(6)}etc/passwd`,
      '/issue.pdf/../a.yaml', '/%00', '/constructor', '/__proto__', '/toString',
    ];
    for (const path of attempts) {
      const r = await get(path);
      assert.equal(r.status, 404, path);
      assert.doesNotMatch(r.body, /root:|bulletin:|<html/, path);
    }
    const absolute = await raw(server.port, `GET http://localhost:${server.port}/etc/passwd HTTP/1.1\r\nHost: localhost:${server.port}`);
    assert.equal(absolute.status, 400);
    const star = await raw(server.port, `OPTIONS * HTTP/1.1\r\nHost: localhost:${server.port}`);
    assert.equal(star.status, 400);
  });

  test('methods outside the route table are refused', async () => {
    for (const [method, path] of [['POST', '/'], ['DELETE', '/'], ['PUT', '/app.js'], ['GET', '/open'], ['OPTIONS', '/open']]) {
      const r = await raw(server.port, `${method} ${path} HTTP/1.1\r\nHost: localhost:${server.port}`);
      assert.equal(r.status, 405, `${method} ${path}`);
    }
  });

  test('opening an editor needs the page\'s token, JSON and no foreign Origin', async () => {
    const token = /name="bulletin-token" content="([0-9a-f]+)"/.exec((await get('/')).body)![1];
    const post = (body: string, extra = 'Content-Type: application/json') =>
      raw(server.port, `POST /open HTTP/1.1\r\nHost: localhost:${server.port}\r\n${extra}`, body);
    assert.equal((await post(JSON.stringify({ token: 'nope', file: 0, line: 3 }))).status, 403);
    assert.equal((await post(JSON.stringify({ file: 0, line: 3 }))).status, 403);
    assert.equal((await post(JSON.stringify({ token, file: 0, line: 3 }), 'Content-Type: text/plain')).status, 415);
    assert.equal((await post(JSON.stringify({ token, file: 0, line: 3 }), `Content-Type: application/json\r\nOrigin: http://evil.example:${server.port}`)).status, 403);
    assert.equal((await post(JSON.stringify({ token, file: 7, line: 3 }))).status, 400, 'only the files the preview serves');
    assert.equal((await post(JSON.stringify({ token, file: 0, line: -1 }))).status, 400);
    const ok = await post(JSON.stringify({ token, file: 0, line: 3, col: 2 }), `Content-Type: application/json\r\nOrigin: http://localhost:${server.port}`);
    assert.equal(ok.status, 200);
    assert.deepEqual(JSON.parse(ok.body), { ok: true });
  });

  test('the event stream brings each build with the pages and glyphs the browser lacks', async () => {
    const events: Update[] = [];
    let wake: () => void = () => {};
    const req = request({ host: '127.0.0.1', port: server.port, path: '/events', headers: { Host: `localhost:${server.port}` } }, (res) => {
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => {
        buffer += d;
        for (let i = buffer.indexOf('\n\n'); i >= 0; i = buffer.indexOf('\n\n')) {
          const message = buffer.slice(0, i);
          buffer = buffer.slice(i + 2);
          const data = /^data: (.*)$/m.exec(message);
          if (/^event: update$/m.test(message) && data) events.push(JSON.parse(data[1]) as Update);
          wake();
        }
      });
    });
    req.end();
    const until = (n: number) => new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${events.length} events`)), 20_000);
      wake = () => { if (events.length >= n) { clearTimeout(timer); resolve(); } };
      wake();
    });
    try {
      await until(1);
      const first = events[0];
      assert.equal(first.state.ok, true);
      assert.equal(first.glyphsFrom, 0);
      assert.ok(first.glyphCount > 20);
      assert.equal(first.pages.length, first.state.pages.length);
      assert.ok(first.pages.every((p) => p.display?.overlay.startsWith('<svg') && p.display.draw.length > 0));
      assert.equal(first.glyphs.length, first.glyphCount);

      writeFileSync(file, SEED.replace('正文一段。', '正文一段，改过了。'));
      await preview.rebuild();
      await until(2);
      const second = events[1];
      assert.equal(second.state.version, first.state.version + 1);
      assert.equal(second.glyphsFrom, first.glyphCount, 'only the glyphs it lacks');
      const sent = second.pages.filter((p) => p.display !== undefined);
      assert.ok(sent.length >= 1 && sent.length < second.pages.length, `${sent.length} of ${second.pages.length} pages sent`);
      assert.ok(sent.some((p) => p.display!.overlay.includes('正文一段，改过了。')));

      writeFileSync(file, SEED.replace('number: 3', 'number: [3'));
      await preview.rebuild();
      await until(3);
      const broken = events[2];
      assert.equal(broken.state.ok, false);
      assert.equal(broken.state.stale, true);
      assert.deepEqual(broken.state.pages, second.state.pages, 'the last good pages stay');
      assert.ok(broken.state.diagnostics.some((d) => d.severity === 'error' && d.name === 'a.yaml' && d.line === 5 && d.excerpt?.lines.includes('number: [3')));
    } finally {
      req.destroy();
    }
  });

  test('a port in use: the next one is taken and said', async () => {
    const blocker = createHttpServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const taken = (blocker.address() as { port: number }).port;
    let second: RunningServer | undefined;
    try {
      second = await startServer(preview, { host: '127.0.0.1', port: taken, allowed: allowedHosts('127.0.0.1') });
      assert.deepEqual(second.busy, [taken]);
      assert.ok(second.port > taken && second.port <= taken + 20, `port ${second.port}`);
      assert.equal((await raw(second.port, `GET / HTTP/1.1\r\nHost: 127.0.0.1:${second.port}`)).status, 200);
    } finally {
      await second?.close();
      await new Promise((r) => blocker.close(r));
    }
  });
});
