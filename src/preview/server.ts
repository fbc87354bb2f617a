/**
 * The preview's HTTP server: a fixed table of routes, each answering from memory — the page,
 * its script and style, the event stream (SSE) that brings each build's state with the pages
 * and glyphs the browser lacks, the PDF, and opening an editor. No path is ever mapped to a file: a path not in the table is 404 whatever it holds
 * (`..`, `%2e%2e`, a directory), so nothing outside what the preview generates can be read.
 *
 * Requests whose Host is not one the preview answers to are refused (host.ts: DNS rebinding).
 * Opening an editor also needs the page's own token (a page elsewhere cannot read it) and a
 * JSON body (which a cross-site form cannot send without asking first), and opens only the
 * files the preview serves, at a line number.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { basename } from 'node:path';
import { CSS, SCRIPT, pageHtml } from './client.js';
import { openInEditor } from './editor.js';
import { hostAllowed } from './host.js';
import type { Preview } from './preview.js';

export interface ServerOptions {
  host: string;
  /** First port to try; 0 lets the system choose. */
  port: number;
  /** How many ports after `port` to try when it is in use. */
  tries?: number;
  /** Host names requests may be addressed to (host.ts). */
  allowed: ReadonlySet<string>;
  /** `--editor` command template. */
  editor?: string;
}

export interface RunningServer {
  port: number;
  /** The first port asked for, when it was in use and another was taken. */
  busy: number[];
  url: string;
  close(): Promise<void>;
}

const MAX_BODY = 64 * 1024;
/** Bytes written to a browser and not yet taken by it, beyond which it is disconnected. */
const MAX_BACKLOG = 64 * 1024 * 1024;

/** An open event stream and what its browser holds. */
interface Stream {
  res: ServerResponse;
  glyphs: number;
  have: readonly string[];
}
const HEARTBEAT_MS = 20_000;

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

type Handler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export async function startServer(preview: Preview, options: ServerOptions): Promise<RunningServer> {
  const token = randomBytes(16).toString('hex');
  const streams = new Set<Stream>();

  /**
   * Send a browser the current state with what it lacks. It applies the events of its stream in
   * order, so after this it holds every glyph and exactly the pages of this state.
   */
  const push = (stream: Stream) => {
    if (stream.res.writableLength > MAX_BACKLOG) {
      // A tab that does not read (asleep, stuck) is let go; it reconnects and is sent all anew.
      streams.delete(stream);
      stream.res.destroy();
      return;
    }
    const update = preview.update(stream.glyphs, stream.have);
    stream.res.write(`event: update\ndata: ${JSON.stringify(update)}\n\n`);
    stream.glyphs = update.glyphCount;
    stream.have = update.state.pages;
  };
  const title = basename(preview.file);

  const send = (res: ServerResponse, status: number, type: string, body: string | Buffer, extra: Record<string, string> = {}) => {
    res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Content-Length': String(Buffer.byteLength(body)), ...extra });
    res.end(body);
  };
  const text = (res: ServerResponse, status: number, message: string) => send(res, status, 'text/plain; charset=utf-8', message + '\n');
  const json = (res: ServerResponse, status: number, value: unknown) => send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));

  const routes: Record<string, { method: 'GET' | 'POST'; handle: Handler }> = {
    '/': { method: 'GET', handle: (_q, res) => send(res, 200, 'text/html; charset=utf-8', pageHtml(title, token)) },
    '/app.js': { method: 'GET', handle: (_q, res) => send(res, 200, 'text/javascript; charset=utf-8', SCRIPT) },
    '/app.css': { method: 'GET', handle: (_q, res) => send(res, 200, 'text/css; charset=utf-8', CSS) },
    '/favicon.ico': { method: 'GET', handle: (_q, res) => { res.writeHead(204, SECURITY_HEADERS); res.end(); } },
    '/events': { method: 'GET', handle: (req, res) => {
      // What the browser already holds (after a reconnection): the rest is sent in the first event.
      const query = new URLSearchParams((req.url ?? '').split('?')[1] ?? '');
      const glyphs = Number(query.get('glyphs') ?? 0);
      const have = (query.get('have') ?? '').split(',').filter((h) => /^[0-9a-f]{1,64}$/.test(h));
      res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' });
      const stream: Stream = { res, glyphs: Number.isInteger(glyphs) ? glyphs : 0, have };
      streams.add(stream);
      req.on('close', () => streams.delete(stream));
      push(stream);
    } },
    '/issue.pdf': { method: 'GET', handle: async (_q, res) => {
      const pdf = await preview.pdf();
      if (!pdf) return text(res, 404, 'no pages yet');
      const name = title.replace(/\.[^.]*$/, '') + '.pdf';
      send(res, 200, 'application/pdf', pdf, { 'Content-Disposition': `inline; filename*=UTF-8''${encodeURIComponent(name)}` });
    } },
    '/open': { method: 'POST', handle: async (req, res) => {
      if (!options.editor) return json(res, 404, { error: 'no --editor command was given' });
      const body = await readJson(req);
      const { token: given, file, line, col } = (body ?? {}) as Record<string, unknown>;
      if (given !== token) return json(res, 403, { error: 'refused' });
      const path = typeof file === 'number' ? preview.fileName(file) : undefined;
      const whole = (n: unknown, fallback: number) => (typeof n === 'number' && Number.isInteger(n) && n >= 1 && n < 1e8 ? n : fallback);
      if (!path || whole(line, 0) === 0) return json(res, 400, { error: 'bad request' });
      const error = await openInEditor(options.editor, { file: path, line: whole(line, 1), col: whole(col, 1) });
      json(res, 200, error ? { error } : { ok: true });
    } },
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (!hostAllowed(req.headers.host, options.allowed)) return text(res, 403, 'bulletin preview answers only requests addressed to localhost');
    const target = req.url ?? '';
    // Only origin-form targets ("/path?query"); the path is matched as sent, never decoded.
    if (!target.startsWith('/')) return text(res, 400, 'bad request');
    const path = target.split('?')[0];
    const route = Object.prototype.hasOwnProperty.call(routes, path) ? routes[path] : undefined;
    if (!route) return text(res, 404, 'not found');
    const method = req.method === 'HEAD' ? 'GET' : req.method;
    if (method !== route.method) return text(res, 405, 'method not allowed');
    if (route.method === 'POST') {
      // A same-origin fetch says where it comes from; anything else is not the preview's page.
      const origin = req.headers.origin;
      if (origin !== undefined && !hostAllowed(originHost(origin), options.allowed)) return text(res, 403, 'refused');
      if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) return text(res, 415, 'JSON expected');
    }
    await route.handle(req, res);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) text(res, 500, `internal error: ${(err as Error).message}`);
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 5000;

  const off = preview.onChange(() => {
    for (const stream of streams) push(stream);
  });
  const heartbeat = setInterval(() => {
    for (const stream of streams) stream.res.write(': still here\n\n');
  }, HEARTBEAT_MS);
  heartbeat.unref();

  const busy: number[] = [];
  const port = await listen(server, options.host, options.port, options.tries ?? 20, busy);
  const shown = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    port,
    busy,
    url: `http://${shown}:${port}/`,
    close: () => new Promise<void>((resolveClose) => {
      off();
      clearInterval(heartbeat);
      for (const stream of streams) stream.res.end();
      streams.clear();
      server.close(() => resolveClose());
      server.closeAllConnections();
    }),
  };
}

/** The host of an Origin header, as a Host header would carry it. */
function originHost(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) return undefined;
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/** Listen on `port`, or on the next free one after it (up to `tries`); the ports found in use go in `busy`. */
function listen(server: Server, host: string, port: number, tries: number, busy: number[]): Promise<number> {
  return new Promise((resolveListen, reject) => {
    const attempt = (p: number, left: number) => {
      const onError = (err: NodeJS.ErrnoException) => {
        server.off('listening', onListening);
        if (err.code === 'EADDRINUSE' && p !== 0 && left > 0 && p < 65535) {
          busy.push(p);
          attempt(p + 1, left - 1);
        } else {
          reject(err);
        }
      };
      const onListening = () => {
        server.off('error', onError);
        const address = server.address();
        resolveListen(typeof address === 'object' && address ? address.port : p);
      };
      server.once('error', onError);
      server.once('listening', onListening);
      server.listen(p, host);
    };
    attempt(port, tries);
  });
}
