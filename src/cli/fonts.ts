/**
 * `bulletin fonts [FILE] [--theme FILE]`: print each theme role's font chain (face, file, glyph
 * count, licence) and, with an issue file, which face draws how many of its characters, which
 * characters fell back to a later face and which no face draws. Exit status: 0 every character
 * has a glyph, 1 some character has none (or the issue has errors), 2 usage or system errors
 * (missing file, a font file that cannot be opened, a theme file with errors).
 */
import { isAbsolute, relative } from 'node:path';
import { fontsReport, FontsError, type CharCount, type RoleReport } from '../app/fonts.js';
import type { Diagnostic } from '../diag/diagnostic.js';
import { formatDiagnostics } from '../diag/format.js';
import type { LoadedIssue } from '../issue/loaded.js';
import { sourceLine } from '../issue/position.js';
import { sourceLineOf } from '../io/read-file.js';
import { EXIT } from './exit.js';
import { displayWidth } from '../diag/width.js';
import { say } from '../messages/catalogue.js';

export interface FontsCliOptions {
  theme?: string;
  config?: string | false;
  quiet?: boolean;
  debug?: boolean;
}


/** Characters listed in full up to this many; then "… and N more". */
const LIST_LIMIT = 40;

const n = (x: number) => x.toLocaleString('en-US');
/** `text` padded on the left to `width` terminal columns (a Chinese character takes two). */
const padStart = (text: string, width: number) => ' '.repeat(Math.max(0, width - displayWidth(text))) + text;

function shown(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}

function codePoint(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** `𠀎 U+2000E, 😀 U+1F600 (2×)`, shortened after LIST_LIMIT. */
export function charList(chars: readonly CharCount[]): string {
  const items = chars.slice(0, LIST_LIMIT).map((c) => `${c.char === ' ' ? '␠' : c.char} ${codePoint(c.char)}${c.count > 1 ? ` (${c.count}×)` : ''}`);
  if (chars.length > LIST_LIMIT) items.push(say('fonts.and-more', { count: n(chars.length - LIST_LIMIT) }));
  return items.join(', ');
}

function printDiagnostics(diagnostics: readonly Diagnostic[], loaded?: LoadedIssue): void {
  if (diagnostics.length === 0) return;
  const lines = (file: string, line: number) => {
    if (loaded && file === loaded.file) return sourceLine(loaded.source, loaded.lineCounter, line);
    return sourceLineOf(file, line);
  };
  process.stderr.write(formatDiagnostics(diagnostics, 'text', lines) + '\n');
}

function roleLines(r: RoleReport, issue: string | undefined, quiet: boolean): string[] {
  const out: string[] = [];
  const problems = (r.missing?.length ?? 0) > 0 || r.error !== undefined || r.chain.some((f) => f.error);
  if (quiet && !problems) return out;
  out.push(`${r.role} — ${r.usedFor.length ? r.usedFor.join(say('fonts.uses-separator')) : say('fonts.fallback-only')}`);
  if (r.error) out.push(`  ${say('fonts.error', { reason: r.error })}`);
  const via = (f: { from: string }) => (f.from !== r.role ? `(${f.from})` : '');
  const faceWidth = r.chain.reduce((most, f) => Math.max(most, `${f.face} ${via(f)}`.trim().length), 0);
  const fileWidth = r.chain.reduce((most, f) => Math.max(most, shown(f.file).length), 0);
  r.chain.forEach((f, k) => {
    const head = `  ${k + 1}. ${`${f.face} ${via(f)}`.trim().padEnd(faceWidth)}  ${shown(f.file).padEnd(fileWidth)}`;
    if (f.error) {
      out.push(`${head}  ${say('fonts.error', { reason: f.error })}`);
      return;
    }
    let line = `${head}  ${padStart(say('fonts.glyphs', { count: n(f.glyphs ?? 0) }), 13)}  ${f.licence}`;
    const use = r.uses?.[k];
    if (use && !quiet) {
      const distinct = use.chars.length;
      if (distinct === 0) line += say('fonts.draws-nothing');
      else if (k === 0) line += say('fonts.draws', { count: n(distinct) });
      else line += say('fonts.draws-fallback', { count: n(distinct), chars: charList(use.chars) });
    }
    if (!quiet || f.error) out.push(line);
  });
  if (r.missing && r.missing.length > 0) {
    out.push(`  ${say('fonts.missing', { count: n(r.missing.length), issue: issue ?? '', chars: charList(r.missing) })}`);
  }
  return out;
}

export async function runFonts(file: string | undefined, opts: FontsCliOptions | Record<string, unknown>): Promise<number> {
  const options = opts as FontsCliOptions;
  try {
    const result = fontsReport({ issue: file, theme: options.theme, config: options.config });
    if (!result.ok) {
      printDiagnostics(result.diagnostics, result.loaded);
      const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
      process.stderr.write(`bulletin fonts: ${say('fonts.issue-errors', { file: file ?? '', count: n(errors) })}\n`);
      return EXIT.content;
    }
    const layers = [say('fonts.default-theme'), ...result.layers, ...(result.styled ? [say('fonts.issue-style', { file: file ?? '' })] : [])];
    const out: string[] = [];
    if (!options.quiet) out.push(say('fonts.heading', { layers: layers.join(' + ') }), '');
    for (const r of result.roles) for (const line of roleLines(r, file, options.quiet === true)) out.push(line);
    if (!options.quiet) {
      const faces = new Set(result.roles.flatMap((r) => r.chain.map((f) => `${f.file}#${f.face}`))).size;
      let summary = say('fonts.summary', { roles: n(result.roles.length), faces: n(faces) });
      if (file) {
        const distinct = new Set(result.roles.flatMap((r) => (r.uses ?? []).flatMap((u) => u.chars.map((c) => c.char)).concat((r.missing ?? []).map((c) => c.char)))).size;
        const fellBack = result.roles.reduce((s, r) => s + (r.uses ?? []).slice(1).reduce((t, u) => t + u.chars.length, 0), 0);
        summary += say('fonts.summary-issue', {
          file,
          count: n(distinct),
          fallback: fellBack ? say('fonts.fell-back', { count: n(fellBack) }) : say('fonts.none-fell-back'),
          missing: result.missing ? say('fonts.not-drawn', { count: n(result.missing) }) : say('fonts.all-drawn'),
        });
      }
      out.push('', summary);
    }
    if (out.length) process.stdout.write(out.join('\n') + '\n');
    if (result.fontErrors.length > 0) {
      for (const message of result.fontErrors) process.stderr.write(`bulletin fonts: ${say('fonts.bad-font', { message })}\n`);
      return EXIT.usage;
    }
    return result.missing > 0 ? EXIT.content : EXIT.ok;
  } catch (error) {
    if (error instanceof FontsError) {
      printDiagnostics(error.diagnostics);
      process.stderr.write(`bulletin fonts: ${error.message}\n`);
      return EXIT.usage;
    }
    if (options.debug) process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    else process.stderr.write(`bulletin fonts: ${say('cli.internal-error', { message: (error as Error).message })}\n`);
    return EXIT.usage;
  }
}
