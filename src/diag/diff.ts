/**
 * A unified diff of two texts, as `diff -u` and git print it (three lines of context), for
 * `check --fix --dry-run`: an editor or a reviewer sees exactly what --fix would change.
 * Lines are compared whole; the common head and tail are set aside first, so the usual case —
 * a few changed lines in a long file — costs little.
 */

type Op = { kind: ' ' | '-' | '+'; text: string };

function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** The edit script between a and b (longest common subsequence of lines). */
function script(a: readonly string[], b: readonly string[]): Op[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const x = a.slice(head, a.length - tail);
  const y = b.slice(head, b.length - tail);
  // LCS lengths of the suffixes, row by row.
  const n = x.length;
  const m = y.length;
  if (n * m > 25_000_000) {
    // Too large to compare line by line in reasonable memory: the middle as removed, then added.
    return [...a.slice(0, head).map((text) => ({ kind: ' ' as const, text })), ...x.map((text) => ({ kind: '-' as const, text })),
      ...y.map((text) => ({ kind: '+' as const, text })), ...a.slice(a.length - tail).map((text) => ({ kind: ' ' as const, text }))];
  }
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) lcs[i][j] = x[i] === y[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  }
  const ops: Op[] = a.slice(0, head).map((text) => ({ kind: ' ', text }));
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && x[i] === y[j]) { ops.push({ kind: ' ', text: x[i] }); i++; j++; }
    else if (i < n && (j === m || lcs[i + 1][j] >= lcs[i][j + 1])) { ops.push({ kind: '-', text: x[i] }); i++; }
    else { ops.push({ kind: '+', text: y[j] }); j++; }
  }
  for (const text of a.slice(a.length - tail)) ops.push({ kind: ' ', text });
  return ops;
}

/** `--- a/FILE` / `+++ b/FILE` and the hunks; the empty string when the texts are the same. */
export function unifiedDiff(file: string, before: string, after: string, context = 3): string {
  if (before === after) return '';
  const ops = script(splitLines(before), splitLines(after));
  const out = [`--- a/${file}`, `+++ b/${file}`];
  const changed = ops.map((op, k) => (op.kind !== ' ' ? k : -1)).filter((k) => k >= 0);
  let k = 0;
  while (k < changed.length) {
    // A hunk: changes closer than twice the context run together.
    let last = k;
    while (last + 1 < changed.length && changed[last + 1] - changed[last] <= 2 * context) last++;
    const from = Math.max(0, changed[k] - context);
    const to = Math.min(ops.length, changed[last] + context + 1);
    let oldStart = 1;
    let newStart = 1;
    for (let i = 0; i < from; i++) {
      if (ops[i].kind !== '+') oldStart++;
      if (ops[i].kind !== '-') newStart++;
    }
    const hunk = ops.slice(from, to);
    const oldCount = hunk.filter((op) => op.kind !== '+').length;
    const newCount = hunk.filter((op) => op.kind !== '-').length;
    const range = (start: number, count: number): string => (count === 1 ? `${start}` : `${count === 0 ? start - 1 : start},${count}`);
    out.push(`@@ -${range(oldStart, oldCount)} +${range(newStart, newCount)} @@`);
    for (const op of hunk) out.push(op.kind + op.text);
    k = last + 1;
  }
  return out.join('\n') + '\n';
}
