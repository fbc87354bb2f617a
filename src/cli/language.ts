/**
 * The language a run speaks, set once before anything is printed: the catalogue of messages and
 * the width a terminal in that locale gives East Asian ambiguous characters (diag/width.ts).
 * `config` is the project config's `language:` when a command has read it.
 */
import { ambiguousWidthFor, setAmbiguousWidth } from '../diag/width.js';
import { chooseLanguage, setLanguage, type Language, type LanguageChoice } from '../messages/language.js';

export async function applyLanguage(choice: LanguageChoice = {}): Promise<Language> {
  const env = choice.env ?? process.env;
  const language = chooseLanguage({ ...choice, env });
  await setLanguage(language);
  setAmbiguousWidth(ambiguousWidthFor({ env, language }));
  return language;
}
