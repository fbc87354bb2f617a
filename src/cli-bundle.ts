/**
 * Entry of the one-file build of the command line (scripts/bundle.mjs → dist/cli.bundle.cjs,
 * started by launch.ts): the command line itself, and the one thing the launcher needs from
 * inside the bundle — the atomic file write, for the code cache it keeps. It is loaded only when
 * a cache is written, so a run that has one pays nothing for it.
 */
import './cli.js';

export async function cacheWriter(): Promise<(file: string, data: Uint8Array) => void> {
  return (await import('./app/build.js')).writeAtomic;
}
