/**
 * Composes every paragraph, title and byline of the reference issue (issues/690.yaml) with the
 * default bulletin settings — body 16 pt on the 28-character grid of the 442.205 pt 版心 —
 * and requires zero rule violations, including no 孤字 last line.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import { composeParagraph } from '../../src/compose/compose.js';
import type { ComposeOptions, Span } from '../../src/compose/types.js';
import { PACKAGE_ROOT } from '../../src/font/vendored.js';
import type { Issue } from '../../src/issue/types.js';
import { isSubHeading, titleLines } from '../../src/issue/types.js';
import { parseInline } from '../../src/text/inline.js';
import { violations } from './check.js';
import { hei, kai, song } from './fonts.js';

const MEASURE = 442.205;
const BODY: ComposeOptions = { measure: MEASURE, size: 16, indent: 2, align: 'justify', grid: 28 };
const issue = parse(readFileSync(join(PACKAGE_ROOT, 'issues', '690.yaml'), 'utf8')) as Issue;

function bodySpans(source: string): Span[] {
  const s = song(), h = hei();
  return parseInline(source).map((p) => ({ text: p.text, fonts: p.bold ? [h, s] : [s], tag: p.bold ? 'bold' : undefined }));
}

const paragraphs: string[] = [];
const titles: string[] = [];
const bylines: string[] = [];
for (const section of issue.sections) {
  for (const a of section.articles ?? []) {
    titles.push(...titleLines(a));
    for (const item of a.body) paragraphs.push(isSubHeading(item) ? item.heading : item);
    if (a.byline) bylines.push(a.byline);
  }
  for (const b of section.briefs ?? []) {
    paragraphs.push(...b.body);
    if (b.byline) bylines.push(b.byline);
  }
}

test('issue 690 has material to compose', () => {
  assert.ok(paragraphs.length >= 30 && titles.length >= 8 && bylines.length >= 8);
});

test('every body paragraph of issue 690 breaks no rule on the default grid', () => {
  let lines = 0;
  let pushIns = 0;
  for (const text of paragraphs) {
    const spans = bodySpans(text);
    const p = composeParagraph(spans, BODY);
    assert.deepEqual(p.missing, [], text);
    assert.deepEqual(violations(spans, BODY, p, { orphans: true }), [], text);
    lines += p.lines.length;
    for (const l of p.lines) if (l.natural > MEASURE - (l === p.lines[0] ? 2 * MEASURE / 28 : 0) + 0.01) pushIns++;
  }
  assert.ok(lines > 150, `${lines} lines`);
  assert.ok(pushIns > 0, 'some lines were compressed to fit (push-in)');
});

test('every title of issue 690 is centred and balanced, every byline right-aligned', () => {
  const size = 22;
  const opt: ComposeOptions = { measure: MEASURE - 2 * size, size, align: 'center', balance: true };
  for (const t of titles) {
    const spans = [{ text: t, fonts: [song()] }];
    const p = composeParagraph(spans, opt);
    assert.deepEqual(violations(spans, opt, p), [], t);
    for (const l of p.lines) assert.ok(Math.abs(l.left - (opt.measure - (l.right - l.left)) / 2) < 0.01, `centred: ${l.text}`);
    if (p.lines.length === 2) {
      const [a, b] = p.lines.map((l) => l.right - l.left);
      assert.ok(Math.min(a, b) / Math.max(a, b) > 0.5, `balanced: ${p.lines.map((l) => l.text).join(' / ')}`);
    }
  }
  const byOpt: ComposeOptions = { measure: MEASURE, size: 16, align: 'right' };
  for (const b of bylines) {
    const spans = [{ text: `（${b}）`, fonts: [kai(), song()] }];
    const p = composeParagraph(spans, byOpt);
    assert.deepEqual(violations(spans, byOpt, p), [], b);
    assert.ok(Math.abs(p.lines.at(-1)!.right - MEASURE) < 0.01, `right-aligned: ${b}`);
  }
});
