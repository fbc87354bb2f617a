/**
 * `--editor "code -g {file}:{line}"`: the command that opens a file at a line. The template is
 * split into words as a shell would split it (quotes and backslashes), then {file}, {line} and
 * {col} are put into the words — after splitting, and the command is run without a shell, so
 * no file name can add words or commands of its own.
 */
import { spawn } from 'node:child_process';
import { say } from '../messages/catalogue.js';

export class EditorTemplateError extends Error {}

/** Words of a command line: "…" and '…' quote, a backslash escapes outside single quotes. */
export function splitCommand(template: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < template.length; i++) {
    const c = template[i];
    if (quote === "'") {
      if (c === "'") quote = undefined;
      else word += c;
    } else if (quote === '"') {
      if (c === '"') quote = undefined;
      else if (c === '\\' && i + 1 < template.length && '"\\$`'.includes(template[i + 1])) word += template[++i];
      else word += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      inWord = true;
    } else if (c === '\\' && i + 1 < template.length) {
      word += template[++i];
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (quote) throw new EditorTemplateError(say('preview.editor-quote', { quote }));
  if (inWord) words.push(word);
  if (words.length === 0) throw new EditorTemplateError(say('preview.editor-empty'));
  return words;
}

/** The command's words with the place put in. A template without {file} gets the file appended. */
export function editorArgv(template: string, place: { file: string; line: number; col: number }): string[] {
  const words = splitCommand(template);
  const fill = (w: string) => w.replace(/\{(file|line|col)\}/g, (_m, k: 'file' | 'line' | 'col') => String(place[k]));
  const argv = words.map(fill);
  if (!words.some((w) => w.includes('{file}'))) argv.push(place.file);
  return argv;
}

/** Start the editor, detached; resolves with the error message when it could not be started. */
export function openInEditor(template: string, place: { file: string; line: number; col: number }): Promise<string | undefined> {
  let argv: string[];
  try {
    argv = editorArgv(template, place);
  } catch (err) {
    return Promise.resolve((err as Error).message);
  }
  return new Promise((resolveOpen) => {
    const child = spawn(argv[0], argv.slice(1), { detached: true, stdio: 'ignore' });
    child.once('spawn', () => {
      child.unref();
      resolveOpen(undefined);
    });
    child.once('error', (err: NodeJS.ErrnoException) => {
      resolveOpen(err.code === 'ENOENT' ? say('preview.editor-not-found', { command: argv[0] }) : say('preview.editor-failed', { reason: err.message }));
    });
  });
}
