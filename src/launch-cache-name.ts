/**
 * The name of an installation's code cache in the user's cache directory (src/launch.ts), for
 * one bundle, this Node and the options it was started with: `<bundle id>-<Node version>-<arch>-
 * <hash>.cache`, the hash over the bundle's directory and the options (V8 refuses a cache made
 * under other flags). So a cache made where another installation of the same version had none,
 * or under NODE_OPTIONS, never stands in for an installation's own shipped cache.
 */
export function userCacheName(id: string, bundleDir: string, execArgv: readonly string[] = process.execArgv, nodeOptions = process.env.NODE_OPTIONS ?? ''): string {
  const text = `${bundleDir}\n${execArgv.join('\n')}\n${nodeOptions}`;
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return `${id}-${process.version}-${process.arch}-${(h >>> 0).toString(16).padStart(8, '0')}.cache`;
}
