/**
 * "Did you mean …?" for misspelt keys: the nearest allowed key by edit distance, offered only
 * when it is close enough that the guess is more likely right than noise.
 */

/** Optimal-string-alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
export function editDistance(a: string, b: string): number {
  const s = [...a];
  const t = [...b];
  const d: number[][] = Array.from({ length: s.length + 1 }, (_, i) => [i, ...new Array<number>(t.length).fill(0)]);
  for (let j = 1; j <= t.length; j++) d[0][j] = j;
  for (let i = 1; i <= s.length; i++) {
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[s.length][t.length];
}

/**
 * The allowed key nearest to `key`, or undefined when none is plausibly meant. Case and
 * the `-`/`_` spelling are ignored first, since `Title` or `by_line` are certainly meant.
 */
export function nearestKey(key: string, allowed: readonly string[]): string | undefined {
  const fold = (s: string) => s.toLowerCase().replace(/[-_\s]/g, '');
  const folded = allowed.find((k) => fold(k) === fold(key));
  if (folded !== undefined) return folded;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of allowed) {
    const distance = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  if (best === undefined) return undefined;
  // One typo in a short key, about one in three letters in a longer one.
  const limit = Math.max(1, Math.floor(Math.max([...key].length, [...best].length) / 3));
  return bestDistance <= limit ? best : undefined;
}
