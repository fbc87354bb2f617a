#!/usr/bin/env node
/**
 * verify-seed.mjs SEED_PATH [ISSUE_PATH]
 *
 * Checks that an issue file carries exactly the text of the plain-text extraction it was made
 * from: the issue's text in reading order (masthead, 目录 as printed, articles, briefs, footer)
 * against the seed's, both normalised the same way — whitespace removed, `**` markup removed,
 * half-width punctuation made full-width, and the extraction's markdown (list dashes, <url>)
 * dropped. Prints OK, or the first differences with context; exit 0 equal, 1 different,
 * 2 usage or unreadable input.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';

const FULL_WIDTH = { ',': '，', ';': '；', ':': '：', '(': '（', ')': '）', '!': '！', '?': '？' };

/** The normalisation both texts go through before they are compared. */
export function normalise(text) {
  return text
    .split('\n')
    .map((line) => line.replace(/^\s*-\s+/, '')) // markdown list dashes of the extracted 目录
    .join('\n')
    .replace(/<((?:https?|ftp):\/\/[^>\s]+)>/g, '$1') // markdown autolinks
    .replace(/\*\*/g, '')
    .replace(/[,;:()!?]/g, (ch) => FULL_WIDTH[ch])
    .replace(/[\s\u3000]+/g, '');
}

const lines = (title) => (Array.isArray(title) ? title : [title]);

/** ISO date → 2024年3月15日, as the masthead prints it. */
function chineseDate(iso) {
  const [y, m, d] = String(iso).split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** The issue's text in the order a reader meets it on the printed page. */
export function readingOrder(issue) {
  const out = [];
  out.push(issue.bulletin);
  if (issue.edition) out.push(`（${issue.edition}）`);
  out.push(`第${issue.number}期${issue.total ? `（总第${issue.total}期）` : ''}`);
  out.push(issue.publisher, chineseDate(issue.date));
  out.push('目录');
  for (const section of issue.sections) {
    out.push(section.name);
    for (const article of section.articles ?? []) out.push(article.toc ?? lines(article.title).join(' '));
    if (section.briefs?.length) out.push(`${section.briefs.length}则`);
  }
  for (const section of issue.sections) {
    for (const article of section.articles ?? []) {
      out.push(...lines(article.title));
      for (const item of article.body) out.push(typeof item === 'string' ? item : item.heading);
      if (article.byline) out.push(`（${article.byline}）`);
    }
    for (const brief of section.briefs ?? []) {
      out.push(...brief.body);
      if (brief.byline) out.push(`（${brief.byline}）`);
    }
  }
  const footer = issue.footer ?? {};
  for (const line of footer.distribution ?? []) out.push(`${line.label}：${line.to.join('')}`);
  if (footer.editor) out.push(`本期责任编辑：${footer.editor}`);
  if (footer.phone) out.push(`电话：${footer.phone}`);
  out.push(...(footer.notes ?? []));
  if (footer.copies) out.push(`共印${footer.copies}份`);
  return out.join('\n');
}

/** Every string of the issue, with where it is, for the repair checks. */
function* strings(value, path = '') {
  if (typeof value === 'string') yield [path, value];
  else if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* strings(v, `${path}[${i}]`);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) yield* strings(v, path ? `${path}.${k}` : k);
}

/**
 * The normalised comparison cannot see whether the extraction artefacts were repaired in the
 * file itself, so look for them: half-width punctuation touching Chinese text, and spaces
 * between Chinese and Latin letters or digits.
 */
export function unrepaired(issue) {
  const HAN = '\\p{Script=Han}';
  const rules = [
    [new RegExp(`[${HAN}“”‘’][,;:()!?]|[,;:()!?][${HAN}“”‘’]`, 'u'), 'half-width punctuation in Chinese text'],
    [new RegExp(`[${HAN}][ \\t]+[A-Za-z0-9]|[A-Za-z0-9][ \\t]+[${HAN}]`, 'u'), 'a space between Chinese and a Latin letter or digit'],
  ];
  const found = [];
  for (const [path, text] of strings(issue)) {
    for (const [pattern, what] of rules) {
      const match = pattern.exec(text);
      if (match) found.push(`${path}: ${what}: …${text.slice(Math.max(0, match.index - 8), match.index + match[0].length + 8)}…`);
    }
  }
  // A paragraph that stops mid-sentence was split at a page end and not rejoined.
  for (const [si, section] of issue.sections.entries()) {
    const bodies = [
      ...(section.articles ?? []).map((a, i) => [`sections[${si}].articles[${i}].body`, a.body]),
      ...(section.briefs ?? []).map((b, i) => [`sections[${si}].briefs[${i}].body`, b.body]),
    ];
    for (const [path, body] of bodies) {
      for (const [k, item] of body.entries()) {
        if (typeof item === 'string' && !/[。！？；：…”’）】》.!?]$/u.test(item.trim())) {
          found.push(`${path}[${k}]: paragraph ends mid-sentence (split at a page end?): …${item.slice(-12)}`);
        }
      }
    }
  }
  return found;
}

/**
 * Up to `limit` differences between two code-point arrays. After a mismatch, the two sides are
 * realigned at the nearest place where the next few characters agree again.
 */
export function differences(a, b, limit = 5) {
  const found = [];
  const ANCHOR = 8;
  const WINDOW = 300;
  let i = 0;
  let j = 0;
  const agree = (x, y) => {
    for (let k = 0; k < ANCHOR; k++) {
      if (x + k >= a.length && y + k >= b.length) return true;
      if (a[x + k] !== b[y + k]) return false;
    }
    return true;
  };
  while (found.length < limit) {
    while (i < a.length && j < b.length && a[i] === b[j]) {
      i++;
      j++;
    }
    if (i >= a.length && j >= b.length) break;
    let best;
    for (let total = 1; total <= 2 * WINDOW && !best; total++) {
      for (let skipA = Math.max(0, total - WINDOW); skipA <= Math.min(total, WINDOW); skipA++) {
        if (agree(i + skipA, j + total - skipA)) {
          best = [skipA, total - skipA];
          break;
        }
      }
    }
    const [skipA, skipB] = best ?? [a.length - i, b.length - j];
    found.push({ at: [i, j], seed: a.slice(i, i + skipA).join(''), issue: b.slice(j, j + skipB).join('') });
    i += skipA;
    j += skipB;
  }
  return found;
}

function main(argv) {
  const [seedPath, issueArg] = argv;
  if (!seedPath || argv.length > 2) {
    process.stderr.write('usage: node scripts/verify-seed.mjs SEED_PATH [ISSUE_PATH]\n');
    return 2;
  }
  const issuePath = issueArg ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'issues', '690.yaml');
  let seedText;
  let issue;
  try {
    seedText = readFileSync(seedPath, 'utf8');
    issue = parse(readFileSync(issuePath, 'utf8'), { uniqueKeys: true });
  } catch (error) {
    process.stderr.write(`verify-seed: ${error.message}\n`);
    return 2;
  }
  const seed = [...normalise(seedText)];
  const ours = [...normalise(readingOrder(issue))];
  const found = differences(seed, ours);
  const artefacts = unrepaired(issue);
  for (const line of artefacts) process.stdout.write(`UNREPAIRED: ${line}\n`);
  if (found.length === 0 && artefacts.length > 0) return 1;
  if (found.length === 0) {
    process.stdout.write(`OK: ${issuePath} has the seed's text (${seed.length} characters, normalised)\n`);
    return 0;
  }
  const CONTEXT = 20;
  process.stdout.write(`DIFFERENT: ${issuePath} does not have the seed's text (first ${found.length} differences)\n`);
  const around = (text, at, length) => [
    text.slice(Math.max(0, at - CONTEXT), at).join(''),
    text.slice(at + length, at + length + CONTEXT).join(''),
  ];
  for (const d of found) {
    const [seedBefore, seedAfter] = around(seed, d.at[0], [...d.seed].length);
    const [oursBefore, oursAfter] = around(ours, d.at[1], [...d.issue].length);
    process.stdout.write(
      `  at seed character ${d.at[0]}, issue character ${d.at[1]}:\n` +
        `    seed:  …${seedBefore}[${d.seed}]${seedAfter}…\n` +
        `    issue: …${oursBefore}[${d.issue}]${oursAfter}…\n`,
    );
  }
  return 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exitCode = main(process.argv.slice(2));
