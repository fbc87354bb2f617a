/**
 * Which language bulletin speaks: Chinese or English. Chosen, most specific first, by the
 * `--lang` option, then `language:` in the project config, then the locale of the environment as
 * POSIX orders it (LC_ALL, then LC_MESSAGES, then LANG; the first one set decides, so LC_ALL=C
 * means English even under LANG=zh_CN.UTF-8). English when nothing says Chinese.
 */
import { useCatalogue } from './catalogue.js';

export type Language = 'en' | 'zh';
export const LANGUAGES: readonly Language[] = ['en', 'zh'];

/** `zh`, `zh_CN.UTF-8`, `zh-Hans`, `ZH` → zh; `en…` → en; anything else says nothing. */
export function languageOf(value: string | undefined): Language | undefined {
  const v = value?.trim().toLowerCase();
  if (!v) return undefined;
  if (/^zh(?:$|[-_.@])/.test(v)) return 'zh';
  if (/^en(?:$|[-_.@])/.test(v)) return 'en';
  return undefined;
}

/** The locale messages are read in: LC_ALL, else LC_MESSAGES, else LANG (empty values are unset). */
export function messagesLocale(env: NodeJS.ProcessEnv = process.env): string | undefined {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name];
    if (value !== undefined && value !== '') return value;
  }
  return undefined;
}

export interface LanguageChoice {
  /** `--lang`. */
  flag?: string;
  /** `language:` of the project config. */
  config?: string;
  env?: NodeJS.ProcessEnv;
}

/** flag > config > environment; a locale is Chinese when it starts with `zh`. */
export function chooseLanguage({ flag, config, env = process.env }: LanguageChoice): Language {
  const chosen = languageOf(flag) ?? languageOf(config);
  if (chosen) return chosen;
  return /^zh/i.test(messagesLocale(env) ?? '') ? 'zh' : 'en';
}

let active: Language = 'en';

/** The language messages are printed in now. */
export function currentLanguage(): Language {
  return active;
}

/**
 * Install the catalogue of `language`. The Chinese one is loaded only when asked for, so an
 * English run never reads it.
 */
export async function setLanguage(language: Language): Promise<void> {
  if (language === 'zh') {
    const { ZH } = await import('./zh.js');
    useCatalogue(ZH);
  } else {
    useCatalogue({});
  }
  active = language;
}

/**
 * `--lang VALUE` or `--lang=VALUE` among command-line arguments, read before the commands are
 * defined: their help texts must already be in the language asked for. The last one counts, as
 * with any option; nothing after `--` is an option.
 */
export function langArgument(argv: readonly string[]): string | undefined {
  let found: string | undefined;
  for (let k = 0; k < argv.length; k++) {
    const arg = argv[k];
    if (arg === '--') break;
    if (arg === '--lang') found = argv[k + 1];
    else if (arg.startsWith('--lang=')) found = arg.slice('--lang='.length);
  }
  return found;
}
