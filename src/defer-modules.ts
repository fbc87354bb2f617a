/**
 * Work our dependencies do at start-up for features a build never uses: fontkit loads a Brotli
 * decoder (with its 120 KB dictionary) for WOFF2 fonts, pdfkit an AES implementation for
 * encrypted PDFs and a PNG decoder for images, and fontkit, unicode-properties and linebreak
 * each decompress Unicode property tables (Arabic, Indic and universal shaping classes among
 * them) when they are loaded. Together some 100 ms of every run.
 *
 * Before such a dependency is first required, `deferModules` puts a stand-in for each module
 * into Node's module cache (`require.cache`, which Node documents as writable): the stand-in
 * loads the real module the first time anything touches it — calls it, constructs it or reads
 * a property — and forwards to it from then on. `deferUnicodeTries` puts in place of the
 * unicode-trie package a class that keeps a table's compressed bytes and decompresses them on
 * the table's first lookup. A code path that uses WOFF2, encryption, PNG or Arabic shaping
 * works as before.
 *
 * Measured (src/fast-paths.ts, `defer-modules`): without it a cold build of 690 takes 8 % more CPU.
 */
import { createRequire } from 'node:module';
import Module from 'node:module';
import { endianness } from 'node:os';
import { inflateRawSync } from 'node:zlib';
import { fast } from './fast-paths.js';

type Loader = () => object;

/** A stand-in that loads the module `load` gives the first time anything touches it, and forwards to it from then on. */
function standIn(load: Loader): object {
  let real: object | undefined;
  const target = (): object => (real ??= load());
  // A function target, so the stand-in can be called and constructed as well as read.
  return new Proxy(function standIn() {}, {
    apply: (_t, self, args) => Reflect.apply(target() as (...a: unknown[]) => unknown, self, args),
    construct: (_t, args) => Reflect.construct(target() as new (...a: unknown[]) => object, args),
    get: (_t, key) => Reflect.get(target(), key),
    has: (_t, key) => Reflect.has(target(), key),
    set: (_t, key, value) => Reflect.set(target(), key, value),
    // Proxy invariants: the stand-in function's own `prototype` (not configurable) must be
    // reported as it is; every other property is reported configurable, as the stand-in lacks it.
    ownKeys: (t) => {
      const keys = Reflect.ownKeys(target());
      return keys.includes('prototype') ? keys : [...keys, 'prototype'];
    },
    getOwnPropertyDescriptor: (t, key) => {
      const d = Reflect.getOwnPropertyDescriptor(target(), key);
      if (key === 'prototype') return { ...Reflect.getOwnPropertyDescriptor(t, key)!, value: d ? d.value : (t as { prototype: unknown }).prototype };
      return d ? { ...d, configurable: true } : undefined;
    },
    getPrototypeOf: () => Reflect.getPrototypeOf(target()),
  });
}

/**
 * The one-file build (dist/cli.bundle.cjs, run as CommonJS by launch.ts), when this is it:
 * bundled dependencies are part of that file and require with its `require`. Loaded as ES
 * modules, there is no `__filename`.
 */
const BUNDLE = typeof __filename === 'string' && __filename.endsWith('.cjs') ? __filename : undefined;

/**
 * The file whose `require` loads the dependencies of package `name` (its main file, as
 * `resolve` finds it), for deferModules and deferUnicodeTries. In the bundle, the bundle itself:
 * no resolving of the package (its exports map and some file lookups cost fontkit about 5 ms of
 * a cold build), and the right answer, since the bundled package requires through the bundle.
 */
export function requirerOf(name: string, resolve: (id: string) => string): string {
  return BUNDLE ?? resolve(name);
}

/**
 * Defer `ids`, as the module `parent` (a file path) would require them. A module already
 * loaded, or one that cannot be resolved, is left alone.
 */
export function deferModules(parent: string, ids: readonly string[]): void {
  // The one-file build has its stand-ins built in (deferredModule), and nothing to resolve.
  if (BUNDLE || !fast('defer-modules')) return;
  const require = createRequire(parent);
  const cache = require.cache;
  for (const id of ids) {
    let file: string;
    try {
      file = require.resolve(id);
    } catch {
      continue;
    }
    if (cache[file]) continue;
    const entry = new Module(file);
    entry.filename = file;
    entry.loaded = true;
    entry.exports = standIn(() => {
      if (cache[file] === entry) delete cache[file];
      return require(id) as object;
    });
    cache[file] = entry;
  }
}

interface Trie {
  get(codePoint: number): number;
}

/**
 * A table in unicode-trie's binary form (highStart, errorValue and the data's length, 32-bit
 * little-endian, then the data deflated twice) decoded by Node's zlib, as the package's
 * constructor takes it pre-parsed: the package inflates with tiny-inflate, in JavaScript, which
 * took some 14 ms of a cold build for the tables of linebreak and unicode-properties. Undefined
 * for anything else, which goes to the package as it came.
 */
export function inflateTrie(source: unknown): { data: Uint32Array; highStart: number; errorValue: number } | undefined {
  if (!(source instanceof Uint8Array) || source.byteLength < 12) return undefined;
  try {
    const view = new DataView(source.buffer, source.byteOffset, source.byteLength);
    const length = view.getUint32(8, true);
    const bytes = inflateRawSync(inflateRawSync(source.subarray(12)));
    if (bytes.byteLength !== length || length % 4 !== 0) return undefined;
    const data = new Uint8Array(length);
    data.set(bytes);
    // Stored little-endian: a big-endian machine swaps each value, as unicode-trie's swap.js does.
    if (endianness() === 'BE') Buffer.from(data.buffer).swap32();
    return { data: new Uint32Array(data.buffer), highStart: view.getUint32(0, true), errorValue: view.getUint32(4, true) };
  } catch {
    return undefined;
  }
}

type TrieClass = new (data: unknown) => Trie & Record<string, unknown>;

/**
 * A class in place of unicode-trie's that keeps a table's compressed bytes and builds the table
 * on its first lookup, with the real class `loadReal` gives, loaded then. Only `get` is
 * forwarded: the one member fontkit, unicode-properties and linebreak use (and `data`,
 * `highStart`, `errorValue`, read through).
 */
function lazyTrieClass(loadReal: () => TrieClass): TrieClass {
  let Real: TrieClass | undefined;
  class LazyUnicodeTrie {
    #source: unknown;
    #trie: (Trie & Record<string, unknown>) | undefined;
    constructor(data: unknown) {
      this.#source = data;
    }
    #real(): Trie & Record<string, unknown> {
      if (!this.#trie) {
        Real ??= loadReal();
        this.#trie = new Real(inflateTrie(this.#source) ?? this.#source);
        this.#source = undefined;
      }
      return this.#trie;
    }
    get(codePoint: number): number {
      return (this.#trie ?? this.#real()).get(codePoint);
    }
    get data(): unknown {
      return this.#real().data;
    }
    get highStart(): unknown {
      return this.#real().highStart;
    }
    get errorValue(): unknown {
      return this.#real().errorValue;
    }
  }
  return LazyUnicodeTrie as unknown as TrieClass;
}

/**
 * Make the unicode-trie package, as `parent` requires it, build each table on its first lookup
 * instead of when it is constructed (lazyTrieClass).
 */
export function deferUnicodeTries(parent: string): void {
  if (BUNDLE || !fast('defer-modules')) return;
  const require = createRequire(parent);
  let file: string;
  try {
    file = require.resolve('unicode-trie');
  } catch {
    return;
  }
  const cache = require.cache;
  if (cache[file]) return;
  const UnicodeTrie = require(file) as TrieClass;
  delete cache[file];
  const entry = new Module(file);
  entry.filename = file;
  entry.loaded = true;
  entry.exports = lazyTrieClass(() => UnicodeTrie);
  cache[file] = entry;
}

/**
 * In the one-file build, what the bundled dependencies get where they require a deferred module
 * (scripts/bundle.mjs puts it there at build time): a stand-in that requires the real one, from
 * node_modules, on first use — nothing is resolved or read at start-up. BULLETIN_SLOW=defer-modules
 * gives the real module at once.
 */
export function deferredModule(load: Loader): object {
  return fast('defer-modules') ? standIn(load) : load();
}

/** The same for unicode-trie: the class of lazyTrieClass, whose real class is required on the first lookup. */
export function deferredTrieClass(load: () => unknown): unknown {
  return fast('defer-modules') ? lazyTrieClass(load as () => TrieClass) : load();
}
