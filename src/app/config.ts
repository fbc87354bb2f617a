/**
 * The project config, `bulletin.config.yaml`: an office's shared settings for a repository of
 * issue files — the house style (a built-in theme, a theme file or a theme written out), fonts
 * by role, rule levels, where build writes PDFs, and the language of messages. Described by
 * schema/config.schema.json; every problem is located at its line in the config (or in the
 * theme file it names), in the same diagnostic shape as everything else.
 *
 * Which config an issue file gets: the nearest bulletin.config.yaml in its directory or a
 * directory above it, up to the filesystem root, as ESLint and Prettier find theirs (the walk
 * is remembered per directory). `--config FILE` gives one config for every file; `--no-config`
 * none. Theme layers, lowest first: the default theme ← the config's `theme` ← its `fonts` ←
 * `--theme` ← the issue's `style:`.
 */
import { dirname, isAbsolute, resolve } from 'node:path';
import type { ValidateFunction } from 'ajv';
import { CONFIG_FILE_NAME, MAX_CONFIG_BYTES, findConfigFile } from './config-file.js';
import type { Language } from '../messages/language.js';
import { sortDiagnostics, type Diagnostic } from '../diag/diagnostic.js';
import { GUARD_RULES, RULE_IDS, isRuleId, type RuleLevel, type RuleSettings } from '../check/settings.js';
import { ReadFileError, readBounded } from '../io/read-file.js';
import { locate, nodeRange, pathToString } from '../issue/locate.js';
import { diagnosticAt } from '../issue/source-context.js';
import { schemaValidator } from '../issue/standalone.js';
import { nearestKey } from '../issue/suggest.js';
import { hintOf, say } from '../messages/catalogue.js';
import { BUILTIN_THEME_NAMES } from '../style/builtin.js';
import {
  checkThemeData, parseYamlText, readThemeArgument, reportSchemaErrors, shownPath, ThemeFileError,
  type ThemeFile, type ThemeSource,
} from './theme-file.js';

export { CONFIG_FILE_NAME, MAX_CONFIG_BYTES, findConfigFile };

export interface ProjectConfig {
  /** The config file, as messages name it. */
  file: string;
  /** Its directory (absolute): relative paths in it are relative to this. */
  dir: string;
  source: ThemeSource;
  /** Theme layers it adds, lowest first: its `theme`, then its `fonts`. */
  layers: ThemeFile[];
  /** Rule id → level. */
  rules: RuleSettings;
  /** Where build writes PDFs (absolute), when the config says. */
  output?: string;
  /** The language the config asks messages in (read here; messages are another module's job). */
  language?: Language;
  /** Located problems of the config and the theme file it names; a config with any is not used. */
  diagnostics: Diagnostic[];
  /** The summary of its problems (which file has them). */
  errorsMessage?: string;
}

/** A config that cannot be read or has errors: the command stops (exit 2) and shows `diagnostics`. */
export class ConfigError extends Error {
  constructor(message: string, readonly diagnostics: Diagnostic[] = []) {
    super(message);
    this.name = 'ConfigError';
  }
}

let validator: ValidateFunction | undefined;

interface ConfigData {
  theme?: unknown;
  fonts?: unknown;
  rules?: Record<string, unknown>;
  output?: unknown;
  language?: unknown;
}

/** Read and check the config at `file` (ConfigError when it cannot be read; its problems in `diagnostics`). */
export function readConfigFile(file: string): ProjectConfig {
  const shown = shownPath(resolve(file));
  let text: string;
  try {
    const read = readBounded(file, { limit: MAX_CONFIG_BYTES, what: 'a config file' });
    if (read.truncated) throw new ConfigError(say('config.too-large', { file: shown, limit: MAX_CONFIG_BYTES / 1024 / 1024 }));
    text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false }).decode(read.bytes);
  } catch (err) {
    if (err instanceof ReadFileError) throw new ConfigError(say('config.unreadable', { file: shown, reason: err.reason }));
    throw err;
  }
  const dir = dirname(resolve(file));
  const parsed = parseYamlText(shown, text, 'config-syntax', MAX_CONFIG_BYTES, say('config.the-config'));
  const config: ProjectConfig = { file: shown, dir, source: parsed.source, layers: [], rules: {}, diagnostics: [...parsed.diagnostics] };
  if (config.diagnostics.length || parsed.data === null || parsed.data === undefined) return finish(config);
  const data = parsed.data as ConfigData;
  const source = parsed.source;

  validator ??= schemaValidator('config');
  if (!validator(data)) {
    // Rule ids are checked below, with the nearest id; the schema's list is for editors.
    const errors = (validator.errors ?? []).filter((e) => !(e.instancePath === '/rules' && (e.keyword === 'propertyNames' || e.propertyName !== undefined)));
    for (const d of reportSchemaErrors(errors, data, source, { code: 'config-schema', root: say('config.the-config') })) config.diagnostics.push(d);
  }
  if (typeof data !== 'object' || Array.isArray(data)) return finish(config);

  // rules: ids known, guards left errors.
  if (data.rules && typeof data.rules === 'object' && !Array.isArray(data.rules)) {
    const rules: Record<string, RuleLevel> = {};
    for (const [id, level] of Object.entries(data.rules)) {
      const at = locate(source.doc, ['rules', id]);
      const keyRange = nodeRange(at.key ?? at.node);
      if (!isRuleId(id)) {
        const meant = nearestKey(id, RULE_IDS);
        const msg = meant ? 'config.unknown-rule-near' : 'config.unknown-rule';
        const params = { id, meant: meant ?? '' };
        config.diagnostics.push(diagnosticAt(source, 'config-rules', say(msg, params), keyRange?.[0] ?? 0, keyRange?.[1], { path: pathToString(['rules', id]), hint: hintOf(msg, params) }));
        continue;
      }
      if (typeof level !== 'string' || !['off', 'note', 'warning', 'error'].includes(level)) continue; // the schema said so
      if (GUARD_RULES.has(id) && level !== 'error') {
        const range = nodeRange(at.node);
        const params = { id, level };
        config.diagnostics.push(diagnosticAt(source, 'config-rules', say('config.guard-rule', params), range?.[0] ?? 0, range?.[1], { path: pathToString(['rules', id]), hint: hintOf('config.guard-rule', params) }));
        continue;
      }
      rules[id] = level as RuleLevel;
    }
    config.rules = rules;
  }
  if (typeof data.output === 'string' && data.output !== '') config.output = resolve(dir, data.output);
  if (data.language === 'zh' || data.language === 'en') config.language = data.language;

  // theme: a built-in name or a file (relative to the config), or written out here; or a list of these.
  const themes = Array.isArray(data.theme) ? data.theme.map((t, k) => ({ value: t as unknown, path: ['theme', k] })) : data.theme === undefined ? [] : [{ value: data.theme, path: ['theme'] }];
  for (const { value, path } of themes) {
    if (typeof value === 'string' && value !== '') {
      try {
        const theme = readThemeArgument(value, dir);
        if (theme.diagnostics.length) {
          for (const d of theme.diagnostics) config.diagnostics.push(d);
          config.errorsMessage ??= say('config.theme-has-errors', { theme: theme.source.file, file: shown });
        }
        config.layers.push(theme);
      } catch (err) {
        if (!(err instanceof ThemeFileError)) throw err;
        const range = nodeRange(locate(source.doc, path).node);
        const params = { reason: err.message, builtins: BUILTIN_THEME_NAMES.join(', ') };
        config.diagnostics.push(diagnosticAt(source, 'config-theme', say('config.theme-unreadable', params), range?.[0] ?? 0, range?.[1], { path: pathToString(path), hint: hintOf('config.theme-unreadable', params) }));
      }
    } else if (value && typeof value === 'object' && !Array.isArray(value)) {
      const inline: ThemeSource = { ...source, base: path };
      const problems = checkThemeData(value, inline);
      for (const d of problems) config.diagnostics.push(d);
      config.layers.push({ source: inline, data: value as Record<string, unknown>, diagnostics: problems, baseDir: dir, errorsMessage: say('config.has-errors', { file: shown }) });
    }
  }
  // fonts: role → file or installed font, over the theme's.
  if (data.fonts && typeof data.fonts === 'object' && !Array.isArray(data.fonts)) {
    const layer = { fonts: data.fonts };
    const problems = checkThemeData(layer, source);
    for (const d of problems) config.diagnostics.push(d);
    config.layers.push({ source, data: layer, diagnostics: problems, baseDir: dir, errorsMessage: say('config.has-errors', { file: shown }) });
  }
  return finish(config);
}

function finish(config: ProjectConfig): ProjectConfig {
  sortDiagnostics(config.diagnostics);
  if (config.diagnostics.length && !config.errorsMessage) config.errorsMessage = say('config.has-errors', { file: config.file });
  return config;
}

/** What the command line says about configs: `--config FILE`, `--no-config` (false), or nothing. */
export type ConfigChoice = string | false | undefined;

/**
 * The configs of one run: each issue file's (found by walking up, once per directory, each
 * config read once), or the one `--config` names, or none with `--no-config`. A config that
 * cannot be read or has errors throws ConfigError when it is first asked for.
 */
export class Configs {
  private readonly walks = new Map<string, string | null>();
  private readonly read = new Map<string, ProjectConfig>();

  constructor(private readonly choice: ConfigChoice = undefined) {}

  /** The config for an issue file (`-`, standard input, and commands without a file: the working directory's). */
  forFile(file: string | undefined): ProjectConfig | undefined {
    const dir = file === undefined || file === '-' || file === '<stdin>' ? process.cwd() : dirname(resolve(file));
    return this.forDir(dir);
  }

  forDir(dir: string): ProjectConfig | undefined {
    if (this.choice === false) return undefined;
    const path = typeof this.choice === 'string' ? resolve(this.choice) : findConfigFile(dir, this.walks);
    if (path === undefined) return undefined;
    let config = this.read.get(path);
    if (!config) {
      config = readConfigFile(typeof this.choice === 'string' && !isAbsolute(this.choice) ? this.choice : shownPath(path));
      this.read.set(path, config);
    }
    if (config.diagnostics.length) throw new ConfigError(config.errorsMessage ?? say('config.has-errors', { file: config.file }), config.diagnostics);
    return config;
  }
}

/**
 * The config a build of `file` reads (and the theme file it names), for --watch and preview: a
 * save to either rebuilds too. A config that cannot be read is left to the build to report.
 */
export function configFilesToWatch(file: string, choice: string | false | undefined): string[] {
  if (choice === false) return [];
  const config = typeof choice === 'string' ? choice : findConfigFile(dirname(resolve(file)));
  if (config === undefined) return [];
  const out = [shownPath(resolve(config))];
  try {
    const read = readConfigFile(config);
    const theme = read.layers.find((l) => !l.builtin && l.source.file !== read.file);
    if (theme) out.push(theme.source.file);
  } catch {
    // reported by the build
  }
  return out;
}
