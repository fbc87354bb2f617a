/**
 * Switches for the fast paths that reach into dependencies' private internals, so each can be
 * measured against the public path it replaces (`node scripts/bench.mjs shortcuts`) and turned
 * off when a font or a platform trips it. Every path must give the same bytes either way.
 *
 *   BULLETIN_SLOW=cmap-hmtx,sparse-read   the named paths off (`all` for every one)
 *   BULLETIN_FONTKIT_SHORTCUTS=off        every fontkit path off (as before the switches)
 */
export const FAST_PATHS = ['cmap-hmtx', 'sparse-read', 'table-decoders', 'subset-writer', 'defer-modules'] as const;
export type FastPath = (typeof FAST_PATHS)[number];

const FONTKIT: readonly FastPath[] = ['cmap-hmtx', 'sparse-read', 'table-decoders', 'subset-writer'];

const off = new Set<string>((process.env.BULLETIN_SLOW ?? '').split(',').map((s) => s.trim()).filter(Boolean));
if (off.has('all')) for (const p of FAST_PATHS) off.add(p);
if (process.env.BULLETIN_FONTKIT_SHORTCUTS === 'off') for (const p of FONTKIT) off.add(p);

/** Whether `path` is on (the default). */
export function fast(path: FastPath): boolean {
  return !off.has(path);
}
