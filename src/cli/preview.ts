/**
 * `bulletin preview FILE`: a local web page showing the pages, updated in place each
 * time the issue (or theme) file is saved, with the diagnostics beside them. Serves on
 * 127.0.0.1 only unless `--host` says otherwise (with a warning); a port in use → the next.
 * Runs until Ctrl-C (exit 0). Exit 2 when the file or its directory is missing, or no port
 * can be had.
 */
import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Preview } from '../preview/preview.js';
import { EditorTemplateError, splitCommand } from '../preview/editor.js';
import { allowedHosts } from '../preview/host.js';
import { startServer, type RunningServer } from '../preview/server.js';
import { configFilesToWatch } from '../app/config.js';
import { isBuiltinThemeName } from '../style/builtin.js';
import { HeapKeeper } from '../session/heap-keeper.js';
import { RebuildLoop } from '../session/rebuild-loop.js';
import { say as text } from '../messages/catalogue.js';
import { EXIT } from './exit.js';
import { stopOnSignal } from './stop-signal.js';

export interface PreviewCliOptions {
  port?: string;
  host?: string;
  open?: boolean;
  editor?: string;
  theme?: string;
  /** --config FILE, or false for --no-config. */
  config?: string | false;
  quiet?: boolean;
  debug?: boolean;
  /** Milliseconds of quiet after the last file event before rebuilding (tests). */
  debounce?: number;
}

export const DEFAULT_PORT = 8690;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

function clock(): string {
  return new Date().toTimeString().slice(0, 8);
}

export async function runPreview(file: string, opts: PreviewCliOptions | Record<string, unknown>): Promise<number> {
  const options = opts as PreviewCliOptions;
  const fail = (message: string) => {
    process.stderr.write(`bulletin preview: ${message}\n`);
    return EXIT.usage;
  };
  const say = (line: string) => { if (!options.quiet) process.stdout.write(line + '\n'); };

  const port = options.port === undefined ? DEFAULT_PORT : Number(options.port);
  if (!/^\d+$/.test(String(options.port ?? DEFAULT_PORT)) || !(port >= 0 && port <= 65535)) return fail(text('preview.bad-port', { port: String(options.port) }));
  const host = (options.host ?? '127.0.0.1').replace(/^\[(.*)\]$/, '$1');
  if (options.editor !== undefined) {
    try {
      splitCommand(options.editor);
    } catch (err) {
      if (err instanceof EditorTemplateError) return fail(err.message);
      throw err;
    }
  }
  const watched = [file, ...(options.theme && !isBuiltinThemeName(options.theme) ? [options.theme] : []), ...configFilesToWatch(file, options.config)];
  for (const f of watched) {
    const dir = dirname(resolve(f));
    if (!existsSync(dir) || !statSync(dir).isDirectory()) return fail(text('watch.no-directory', { file: f }));
  }
  if (!existsSync(file)) return fail(text('io.cannot-read', { file, reason: text('io.read.ENOENT') }));

  const preview = new Preview(file, { theme: options.theme, config: options.config, editor: options.editor !== undefined });
  const heap = new HeapKeeper();
  const loop = new RebuildLoop({
    files: watched,
    debounceMs: options.debounce,
    build: async (reason, settled) => {
      const turn = await preview.rebuild(settled);
      if (turn === 'done') heap.afterBuild();
      if (turn === 'done' && reason !== undefined) {
        const s = preview.state;
        const errors = s.diagnostics.filter((d) => d.severity === 'error').length;
        say(text('preview.changed', { time: clock(), file: reason, result: s.ok ? text('preview.pages', { pages: s.pages.length, ms: s.built?.ms ?? 0 }) : s.problem ?? text('preview.not-updated', { count: errors }) }));
      }
      return turn;
    },
    watchError: (dir, err) => process.stderr.write(`bulletin preview: ${text('watch.stopped-dir', { dir, reason: err.message })}\n`),
    crashed: (err) => process.stderr.write(`bulletin preview: ${text('watch.crashed', { message: (err as Error).message })}\n`),
  });

  // Ctrl-C is taken from here on: a signal that came before the handlers would end the process
  // without closing the server (the address printed below tells a script it may send one).
  let server: RunningServer | undefined;
  const signal = stopOnSignal(() => Promise.all([loop.stop(), server?.close()]), () => say(`\n${text('preview.stopped')}`));

  try {
    server = await startServer(preview, { host, port, allowed: allowedHosts(host), editor: options.editor });
  } catch (err) {
    signal.release();
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'EADDRINUSE') return fail(text('preview.ports-busy', { from: port, to: port + 20 }));
    if (e.code === 'EADDRNOTAVAIL' || e.code === 'ENOTFOUND') return fail(text('preview.bad-host', { host: String(options.host) }));
    if (e.code === 'EACCES') return fail(text('preview.port-denied', { port }));
    return fail(text('preview.cannot-start', { reason: e.message }));
  }
  if (signal.stopping) {
    await server.close();
    return signal.done;
  }
  if (server.busy.length) say(text('preview.port-in-use', { ports: server.busy.join(', '), port: server.port }));
  if (!LOOPBACK.has(host)) {
    process.stderr.write(`bulletin preview: ${text('preview.exposed', { host, port: server.port })}\n`);
  }
  process.stdout.write(`${text('preview.serving', { file, url: server.url })}\n`);
  if (options.open) openBrowser(server.url);

  await loop.start();
  return signal.done;
}

/** The system's way of opening a URL in the default browser; failures are only reported. */
function openBrowser(url: string): void {
  const [command, args] = process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]] : ['xdg-open', [url]];
  const child = spawn(command, args, { detached: true, stdio: 'ignore' });
  child.on('error', () => process.stderr.write(`bulletin preview: ${text('preview.no-browser', { command, url })}\n`));
  child.unref();
}
