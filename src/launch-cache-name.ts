import { fnv1a } from './fnv1a.js';

/**
 * The name of an installation's code cache in the user's cache directory (src/launch.ts), for
 * one bundle, this Node and the options it was started with: `<bundle id>-<Node version>-<arch>-
 * <hash>.cache`, the hash over the bundle's directory and the options (V8 refuses a cache made
 * under other flags). So a cache made where another installation of the same version had none,
 * or under NODE_OPTIONS, never stands in for an installation's own shipped cache.
 */
export function userCacheName(id: string, bundleDir: string, execArgv: readonly string[] = process.execArgv, nodeOptions = process.env.NODE_OPTIONS ?? ''): string {
  const hash = fnv1a(`${bundleDir}\n${execArgv.join('\n')}\n${nodeOptions}`);
  return `${id}-${process.version}-${process.arch}-${hash.toString(16).padStart(8, '0')}.cache`;
}
