/**
 * Entry of the one-file build of the command line (scripts/bundle.mjs → dist/cli.bundle.cjs,
 * started by launch.ts): the command line itself, and the one thing the launcher needs from
 * inside the bundle — the safe file write (io/write-file.ts), for the code cache it keeps. It is loaded only when
 * a cache is written, so a run that has one pays nothing for it.
 */
import './cli.js';

export async function cacheWriter(): Promise<(file: string, data: Uint8Array) => Promise<unknown>> {
  const { writeFileSafely } = await import('./io/write-file.js');
  return (file, data) => writeFileSafely(file, data);
}
