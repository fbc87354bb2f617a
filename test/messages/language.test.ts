import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chooseLanguage, langArgument, languageOf, messagesLocale } from '../../src/messages/language.js';

test('the locale of messages follows POSIX: LC_ALL, then LC_MESSAGES, then LANG', () => {
  assert.equal(messagesLocale({ LANG: 'zh_CN.UTF-8' }), 'zh_CN.UTF-8');
  assert.equal(messagesLocale({ LANG: 'zh_CN.UTF-8', LC_MESSAGES: 'en_US.UTF-8' }), 'en_US.UTF-8');
  assert.equal(messagesLocale({ LANG: 'en_US.UTF-8', LC_MESSAGES: 'en_US.UTF-8', LC_ALL: 'zh_TW.UTF-8' }), 'zh_TW.UTF-8');
  // An empty variable is unset.
  assert.equal(messagesLocale({ LC_ALL: '', LANG: 'zh_CN.GB18030' }), 'zh_CN.GB18030');
  assert.equal(messagesLocale({}), undefined);
});

test('Chinese when the locale starts with zh, English otherwise', () => {
  assert.equal(chooseLanguage({ env: { LANG: 'zh_CN.UTF-8' } }), 'zh');
  assert.equal(chooseLanguage({ env: { LANG: 'zh_HK' } }), 'zh');
  assert.equal(chooseLanguage({ env: { LANG: 'en_US.UTF-8' } }), 'en');
  assert.equal(chooseLanguage({ env: { LANG: 'C.UTF-8' } }), 'en');
  assert.equal(chooseLanguage({ env: {} }), 'en');
  // LC_ALL=C under a Chinese LANG is English, as every POSIX program reads it.
  assert.equal(chooseLanguage({ env: { LANG: 'zh_CN.UTF-8', LC_ALL: 'C' } }), 'en');
  assert.equal(chooseLanguage({ env: { LANG: 'en_US.UTF-8', LC_MESSAGES: 'zh_CN.UTF-8' } }), 'zh');
});

test('--lang wins over the config, the config over the environment', () => {
  const zhEnv = { LANG: 'zh_CN.UTF-8' };
  const enEnv = { LANG: 'en_GB.UTF-8' };
  assert.equal(chooseLanguage({ flag: 'en', config: 'zh', env: zhEnv }), 'en');
  assert.equal(chooseLanguage({ flag: 'zh', config: 'en', env: enEnv }), 'zh');
  assert.equal(chooseLanguage({ config: 'zh', env: enEnv }), 'zh');
  assert.equal(chooseLanguage({ config: 'en', env: zhEnv }), 'en');
  // A value that names neither language says nothing: the next one down decides.
  assert.equal(chooseLanguage({ flag: 'fr', config: 'zh', env: enEnv }), 'zh');
  assert.equal(chooseLanguage({ flag: '', config: undefined, env: zhEnv }), 'zh');
});

test('language names as people write them', () => {
  for (const v of ['zh', 'ZH', 'zh_CN', 'zh-CN', 'zh-Hans', 'zh_CN.UTF-8', ' zh ']) assert.equal(languageOf(v), 'zh', v);
  for (const v of ['en', 'EN', 'en_US.UTF-8', 'en-GB']) assert.equal(languageOf(v), 'en', v);
  for (const v of [undefined, '', 'zhx', 'eng', 'C', 'fr_FR']) assert.equal(languageOf(v), undefined, String(v));
});

test('--lang is read from the arguments before commander parses them', () => {
  assert.equal(langArgument(['check', '--lang', 'zh', 'a.yaml']), 'zh');
  assert.equal(langArgument(['check', '--lang=en', 'a.yaml']), 'en');
  assert.equal(langArgument(['--lang', 'zh', 'check', '--lang', 'en']), 'en');
  assert.equal(langArgument(['check', '--', '--lang', 'zh']), undefined);
  assert.equal(langArgument(['check', 'a.yaml']), undefined);
});
