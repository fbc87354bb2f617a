/**
 * The language a run speaks, set once before anything is printed: the catalogue of messages and
 * the width a terminal in that locale gives East Asian ambiguous characters (diag/width.ts).
 * `config` is the project config's `language:` when a command has read it.
 */
import { dirname, resolve } from 'node:path';
import { findConfigFile, readConfigLanguage } from '../app/config-file.js';
import { ambiguousWidthFor, setAmbiguousWidth } from '../diag/width.js';
import { chooseLanguage, setLanguage, type Language, type LanguageChoice } from '../messages/language.js';

export async function applyLanguage(choice: LanguageChoice = {}): Promise<Language> {
  const env = choice.env ?? process.env;
  const language = chooseLanguage({ ...choice, env });
  await setLanguage(language);
  setAmbiguousWidth(ambiguousWidthFor({ env, language }));
  return language;
}

/**
 * The `language:` of the project config a command line will read: the one `--config` names,
 * none with `--no-config`, else the nearest bulletin.config.yaml above the first issue file
 * named (a `.yaml`/`.yml` argument), or above the working directory when none is.
 */
export async function configuredLanguage(argv: readonly string[], cwd = process.cwd()): Promise<string | undefined> {
  let named: string | undefined;
  let off = false;
  let first: string | undefined;
  for (let k = 0; k < argv.length; k++) {
    const arg = argv[k];
    if (arg === '--') break;
    if (arg === '--no-config') off = true;
    else if (arg === '--config') named = argv[++k];
    else if (arg.startsWith('--config=')) named = arg.slice('--config='.length);
    else if (first === undefined && !arg.startsWith('-') && /\.ya?ml$/i.test(arg)) first = arg;
  }
  if (off) return undefined;
  const file = named ?? findConfigFile(first ? dirname(resolve(cwd, first)) : cwd);
  return file === undefined ? undefined : readConfigLanguage(resolve(cwd, file));
}
