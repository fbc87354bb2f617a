#!/usr/bin/env node
// Part of `npm run build`: compiles the WebAssembly modules written in AssemblyScript
// (src/**/*.as.ts) to dist/, beside the JavaScript that loads them (src/compose/breaks-core.as.ts
// → dist/compose/breaks-core.wasm). With directories as arguments (the test build's), copies
// what it compiled there too, at the same relative paths.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const MODULES = ['compose/breaks-core'];
const asc = join(dirname(createRequire(import.meta.url).resolve('assemblyscript/package.json')), 'bin', 'asc.js');

for (const m of MODULES) {
  const out = join(ROOT, 'dist', `${m}.wasm`);
  mkdirSync(dirname(out), { recursive: true });
  // No runtime, no allocator, no abort import: the module only reads and writes its memory.
  const r = spawnSync(process.execPath, [asc, join(ROOT, 'src', `${m}.as.ts`), '-o', out, '-O3', '--runtime', 'stub', '--noAssert', '--use', 'abort='], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) {
    console.error(`build-wasm: asc failed on src/${m}.as.ts`);
    process.exit(1);
  }
  for (const dir of process.argv.slice(2)) {
    const copy = join(ROOT, dir, `${m}.wasm`);
    mkdirSync(dirname(copy), { recursive: true });
    copyFileSync(out, copy);
  }
}
