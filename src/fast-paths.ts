/**
 * Switches for the fast paths that reach into dependencies' private internals, so each can be
 * measured against the public path it replaces (`node scripts/bench.mjs shortcuts`) and turned
 * off when a font or a platform trips it. Every path must give the same bytes either way (the
 * bench compares the PDFs; test/fast-paths.test.ts pins fontkit 2.0.4 and pdfkit 0.20.2 and
 * checks each assumption; the glyph pixel test checks the outlines drawn).
 *
 * What each one gains: a cold build of 690 with the path off alone, 25 runs per case alternated
 * in one bench run, CPU time (user+sys, GNU time) — the machine was loaded (load average 5–10 on
 * 2 cores), which made wall time too noisy to judge by; a path gaining under 5 % of a build goes.
 *
 *   path            what it replaces                             690 cpu +%  (min)   peak RSS
 *   cmap-hmtx       a Glyph object per glyph asked (cmap, hmtx)      7.3    (8.5)    81 MB
 *   sparse-read     reading the 14 MB glyf tables whole              28.1   (29.6)   141 MB
 *   table-decoders  fontkit's generic decoders of loca and post      15.6   (14.1)    85 MB
 *   subset-writer   fontkit's subset encoder (decode, re-encode)     21.9   (14.1)    82 MB
 *   plain-runs      fontkit's layout of Latin runs (font/plain-runs)   3.8 *
 *   defer-modules   loading Brotli, AES, PNG and Unicode tries        8.3    (8.5)    83 MB
 *   wasm-breaks     the line breaker's search in JavaScript (compose/breaks-wasm.ts)  **
 *   all off                                                          67.7   (83.1)   148 MB
 *   (all on: 0.96 s cpu median, 0.71 s min, 81 MB)
 *   * measured later, on a machine too noisy for CPU time: instructions executed (valgrind
 *     callgrind, whole process), 2.87 × 10⁹ off against 2.76 × 10⁹ on; wall time some 13 ms less.
 *
 *   ** measured later, wall time of a cold build of 690, 21 runs alternated: 550 ms median
 *      (473 min) with the path off, 495 (444) on.
 *
 *   BULLETIN_SLOW=cmap-hmtx,sparse-read   the named paths off (`all` for every one)
 *   BULLETIN_FONTKIT_SHORTCUTS=off        every fontkit path off (as before the switches)
 */
export const FAST_PATHS = ['cmap-hmtx', 'sparse-read', 'table-decoders', 'subset-writer', 'plain-runs', 'defer-modules', 'wasm-breaks'] as const;
export type FastPath = (typeof FAST_PATHS)[number];

const FONTKIT: readonly FastPath[] = ['cmap-hmtx', 'sparse-read', 'table-decoders', 'subset-writer', 'plain-runs'];

const off = new Set<string>((process.env.BULLETIN_SLOW ?? '').split(',').map((s) => s.trim()).filter(Boolean));
if (off.has('all')) for (const p of FAST_PATHS) off.add(p);
if (process.env.BULLETIN_FONTKIT_SHORTCUTS === 'off') for (const p of FONTKIT) off.add(p);

/** Whether `path` is on (the default). */
export function fast(path: FastPath): boolean {
  return !off.has(path);
}
