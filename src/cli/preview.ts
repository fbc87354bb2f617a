/**
 * `bulletin preview FILE`: a local web page showing the issue's pages, updated in place each
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
  if (!/^\d+$/.test(String(options.port ?? DEFAULT_PORT)) || !(port >= 0 && port <= 65535)) return fail(`--port: ${options.port} is not a port number (0–65535)`);
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
    if (!existsSync(dir) || !statSync(dir).isDirectory()) return fail(`cannot watch ${f}: its directory does not exist`);
  }
  if (!existsSync(file)) return fail(`cannot read ${file}: no such file`);

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
        say(`[${clock()}] ${reason} changed: ${s.ok ? `${s.pages.length} page${s.pages.length === 1 ? '' : 's'}, ${s.built?.ms ?? 0} ms` : s.problem ?? `${errors} error${errors === 1 ? '' : 's'}, pages not updated`}`);
      }
      return turn;
    },
    watchError: (dir, err) => process.stderr.write(`bulletin preview: stopped watching ${dir}: ${err.message}\n`),
    crashed: (err) => process.stderr.write(`bulletin preview: internal error: ${(err as Error).message}\n`),
  });

  // Ctrl-C is taken from here on: a signal that came before the handlers would end the process
  // without closing the server (the address printed below tells a script it may send one).
  let server: RunningServer | undefined;
  const signal = stopOnSignal(() => Promise.all([loop.stop(), server?.close()]), () => say('\nstopped'));

  try {
    server = await startServer(preview, { host, port, allowed: allowedHosts(host), editor: options.editor });
  } catch (err) {
    signal.release();
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'EADDRINUSE') return fail(`ports ${port}–${port + 20} are all in use; choose another with --port`);
    if (e.code === 'EADDRNOTAVAIL' || e.code === 'ENOTFOUND') return fail(`--host: ${options.host} is not an address of this machine`);
    if (e.code === 'EACCES') return fail(`not allowed to listen on port ${port}; choose one above 1023 with --port`);
    return fail(`cannot start the server: ${e.message}`);
  }
  if (signal.stopping) {
    await server.close();
    return signal.done;
  }
  if (server.busy.length) say(`port ${server.busy.join(', ')} in use; using ${server.port}`);
  if (!LOOPBACK.has(host)) {
    process.stderr.write(`bulletin preview: warning: listening on ${host}: anyone who can reach this machine on port ${server.port} can read the issue\n`);
  }
  process.stdout.write(`preview of ${file} at ${server.url} (Ctrl-C to stop)\n`);
  if (options.open) openBrowser(server.url);

  await loop.start();
  return signal.done;
}

/** The system's way of opening a URL in the default browser; failures are only reported. */
function openBrowser(url: string): void {
  const [command, args] = process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]] : ['xdg-open', [url]];
  const child = spawn(command, args, { detached: true, stdio: 'ignore' });
  child.on('error', () => process.stderr.write(`bulletin preview: cannot open a browser (${command}); open ${url} yourself\n`));
  child.unref();
}
