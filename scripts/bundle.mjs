#!/usr/bin/env node
// Part of `npm run build` (and `prepare`), after tsc: the command line as one CommonJS file
// loaded through V8's code cache (src/launch.ts explains why).
//
//   dist/cli.bundle.cjs   src/cli-bundle.ts and everything it imports, dependencies included,
//                         except the modules src/defer-modules.ts loads on first use (they stay
//                         in node_modules, behind stand-ins built into the bundle, so they are
//                         still loaded only then) and ajv (only for a schema edited since the
//                         build). First line: its content hash.
//   dist/bulletin.cjs     src/launch.ts (the "bin"): sets the V8 flags, loads the bundle.
//   dist/cli.bundle.<hash>.cache
//                         V8's code cache, saved by a build of issues/690.yaml run through
//                         the launcher: the bytecode of every function such a build runs.
//
// The bundle is made from the modules tsc wrote to dist/, so it runs the same code. Three
// things a CommonJS bundle needs are rewritten on the way: import.meta.url becomes the URL the
// module had in dist/ (the modules find the package root, the fonts and the validators from
// it); `createRequire(import.meta.url)` is dropped so that the requires of fontkit, pdfkit and
// linebreak are bundled; the command line's top-level `await` becomes a plain call.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');
const BUNDLE = join(DIST, 'cli.bundle.cjs');
const LAUNCHER = join(DIST, 'bulletin.cjs');
/**
 * Loaded only to compile an edited schema; the validators' run-time helper
 * (ajv/dist/runtime/ucs2length) is bundled. Exact names: esbuild's `external` option would take
 * every path under ajv/ with `ajv`.
 */
const EXTERNAL = new Set(['ajv', 'ajv/dist/2020.js', 'ajv/dist/standalone/index.js']);
/**
 * Loaded on first use only (src/defer-modules.ts): where the bundled dependencies require one,
 * the bundle has a stand-in that requires the real module from node_modules on first use
 * (deferredModule, deferredTrieClass), so a run resolves and reads none of them at start-up.
 */
const DEFERRED = {
  'brotli/decompress.js': 'deferredModule',
  '@noble/ciphers/aes': 'deferredModule',
  'png-js': 'deferredModule',
  'unicode-trie': 'deferredTrieClass',
  // Node's own, for commander's executable subcommands (bulletin has none), fc-list and the
  // preview's --open: loading it loads net and dgram too, some 3 ms of every run.
  'node:child_process': 'deferredModule',
  child_process: 'deferredModule',
  // Node's own crypto (some seventeen modules, 3 ms) for what a build never does: pdfkit's
  // encryption (through @noble/hashes, whose Node entry reads node:crypto's webcrypto as it loads)
  // and the preview's and watch's hashes.
  'node:crypto': 'deferredModule',
  '@noble/hashes/crypto': 'deferredModule',
};

// Module code is strict (ES modules were): the directive must come before the helpers.
// __bulletinPackageFile: where a package's file is, found as require finds a package directory
// (node_modules of the bundle's directory and of each one above it) but without resolving the
// package's exports map, which loads Node's ES module resolver (some 5 ms for pdfkit).
const URL_HELPER = `"use strict";
const __bulletinUrl = (rel) => require('node:url').pathToFileURL(require('node:path').join(__dirname, rel)).href;
const __bulletinPackageFile = (pkg, rel) => {
  const { dirname, join } = require('node:path');
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const file = join(dir, 'node_modules', pkg, rel);
    if (require('node:fs').existsSync(file) || dirname(dir) === dir) return file;
  }
};`;

/** Rewrites our own modules (dist/**.js) for a CommonJS bundle; fails loudly when a rewrite no longer applies. */
const ours = {
  name: 'bulletin-dist',
  setup(b) {
    b.onLoad({ filter: /\.js$/ }, async (args) => {
      if (!args.path.startsWith(DIST + '/')) return undefined;
      const rel = relative(DIST, args.path);
      let text = readFileSync(args.path, 'utf8');
      text = text.replace(/^const require = createRequire\(import\.meta\.url\);$/m, '');
      if (rel === 'cli.js') {
        const before = text;
        text = text.replace(/^await (main\(\));$/m, 'void $1;');
        if (text === before) throw new Error('dist/cli.js: the top-level `await main();` this script rewrites is not there');
      }
      text = text.replaceAll('import.meta.url', `__bulletinUrl(${JSON.stringify(rel)})`);
      return { contents: text, loader: 'js', resolveDir: dirname(args.path) };
    });
    // pdfkit finds its own data files (standard fonts, colour profile; features bulletin does
    // not use) from its file name: keep that its real one.
    b.onLoad({ filter: /node_modules[\\/]pdfkit[\\/]js[\\/]pdfkit\.js$/ }, async (args) => {
      const text = readFileSync(args.path, 'utf8').replaceAll('__filename', '__bulletinPackageFile("pdfkit", "js/pdfkit.js")');
      return { contents: text, loader: 'js', resolveDir: dirname(args.path) };
    });
  },
};

const external = {
  name: 'bulletin-external',
  setup(b) {
    b.onResolve({ filter: /^ajv(\/|$)/ }, (args) => (EXTERNAL.has(args.path) ? { path: args.path, external: true } : undefined));
  },
};

const deferred = {
  name: 'bulletin-deferred',
  setup(b) {
    const filter = new RegExp(`^(${Object.keys(DEFERRED).map((id) => id.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})$`);
    // The stand-in's own require of the module stays a require, to node_modules — but for
    // unicode-trie, which the line breaker needs in every build: bundled, it is read with the
    // rest and its code cached, and only its tables wait for their first lookup.
    b.onResolve({ filter }, (args) => {
      if (args.namespace !== 'bulletin-deferred') return { path: args.path, namespace: 'bulletin-deferred' };
      return args.path === 'unicode-trie' ? undefined : { path: args.path, external: true };
    });
    b.onLoad({ filter: /.*/, namespace: 'bulletin-deferred' }, (args) => ({
      contents: `module.exports = require(${JSON.stringify(join(DIST, 'defer-modules.js'))}).${DEFERRED[args.path]}(() => require(${JSON.stringify(args.path)}));`,
      loader: 'js',
      resolveDir: DIST,
    }));
  },
};

async function bundle(entry, outfile, options = {}) {
  const result = await build({
    entryPoints: [join(DIST, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    write: false,
    logLevel: 'warning',
    logOverride: { 'require-resolve-not-external': 'silent' },
    banner: { js: URL_HELPER },
    // No comments and no indentation: a smaller file to read, and (with esbuild's default ASCII
    // charset for strings) one without a byte over 127, which the launcher reads as Latin-1 —
    // decoding UTF-8 took most of the read (36 against 9 ms for 2.2 MB). Local names shortened
    // too (1.6 → 1.16 MB: every start reads the file and copies it into a string, in memory
    // touched for the first time, some 190 pages less); property names stay, and a run with
    // --debug loads the modules as compiled, whose stack traces name functions and lines.
    minifyWhitespace: true,
    minifyIdentifiers: true,
    legalComments: 'none',
    plugins: [ours, external, deferred],
    ...options,
  });
  return result.outputFiles[0].text;
}

/**
 * esbuild writes what lies outside ASCII in strings and templates as escapes, but leaves it in
 * regular expression literals (the lint's and the composer's Chinese character classes). There a
 * \uXXXX escape means the same code unit, and a pair of escaped surrogates the same code point
 * under the u flag: every UTF-16 code unit over 127 is written as one, and the launcher reads the
 * file as Latin-1.
 */
function asciiOnly(text) {
  return text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const main = asciiOnly(await bundle('cli-bundle.js', BUNDLE));
const id = createHash('sha256').update(main).digest('hex').slice(0, 16);
// Written inside CommonJS's module wrapper (Module.wrap's), so that the launcher compiles the
// file's text as it reads it: wrapped there, the 1.6 MB string would be joined and copied once
// more before compiling, into memory touched for the first time (some 5 ms of a cold build).
writeFileSync(BUNDLE, `// bulletin bundle ${id}\n(function (exports, require, module, __filename, __dirname) { ${main}\n});`);
// The launcher: tiering and the loader only; without a bundle it imports dist/cli.js.
writeFileSync(LAUNCHER, `#!/usr/bin/env node\n${await bundle('launch.js', LAUNCHER, { external: ['./cli.js'] })}`, { mode: 0o755 });

// Caches of earlier bundles are of no use.
for (const name of readdirSync(DIST)) {
  if (/^cli\.bundle\.[0-9a-f]{16}\.cache$/.test(name) && name !== `cli.bundle.${id}.cache`) unlinkSync(join(DIST, name));
}

// The code cache: one build of 690 through the launcher, which saves what it compiled.
const sample = join(ROOT, 'issues', '690.yaml');
const cache = join(DIST, `cli.bundle.${id}.cache`);
if (existsSync(sample)) {
  const scratch = mkdtempSync(join(tmpdir(), 'bulletin-bundle-'));
  try {
    const r = spawnSync(process.execPath, [LAUNCHER, 'build', sample, '-q', '-o', join(scratch, '690.pdf')], {
      cwd: ROOT, encoding: 'utf8', env: { ...process.env, BULLETIN_CODE_CACHE: '0', BULLETIN_CODE_CACHE_OUT: cache, SOURCE_DATE_EPOCH: '' },
    });
    if (r.status !== 0 || !existsSync(cache)) throw new Error(`the sample build for the code cache failed (status ${r.status}):\n${r.stderr}`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
} else {
  console.warn(`bundle: ${relative(ROOT, sample)} not found: no code cache shipped (the first run makes one in the user's cache)`);
}
