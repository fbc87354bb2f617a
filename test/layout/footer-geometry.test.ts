/**
 * The 版记 and the folio measured on 690 as built, against the numbers of GB/T 9704-2012 the
 * default theme follows (typography.md §2.3, §3.4): the 版记's first and last rules 0.35 mm, the
 * rules between its parts 0.25 mm, its last rule centred on the 版心 bottom edge (37 mm + 225 mm
 * from the top of the page); the folio "— n —" with the middle of its first dash's ink 7 mm under
 * that edge, one character in from the outer side.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { buildIssue } from '../../src/app/build.js';
import { PACKAGE_ROOT } from '../../src/font/vendored.js';
import type { RuleItem, TextItem } from '../../src/layout/types.js';

const MM = 72 / 25.4;
const TYPE_BOTTOM = (37 + 225) * MM;

test('690: the 版记 rules are 0.35, 0.25 … 0.35 mm, its last one centred on the type-area bottom; each folio’s dash 7 mm under it', async () => {
  const built = await buildIssue(join(PACKAGE_ROOT, 'issues', '690.yaml'), { write: false });
  assert.ok(built.ok);
  const pages = built.layout.document.pages;
  const last = pages[pages.length - 1];
  // The 版记's rules span the type width; the masthead's red rule is on page 1 only.
  const rules = last.items.filter((i): i is RuleItem => i.kind === 'rule' && Math.abs(i.width - 156 * MM) < 0.5).sort((a, b) => a.y - b.y);
  assert.ok(rules.length >= 3, `${rules.length} rules on the last page`);
  const weights = rules.map((r) => Math.round((r.weight / MM) * 100) / 100);
  assert.equal(weights[0], 0.35, weights.join(' '));
  assert.equal(weights[weights.length - 1], 0.35, weights.join(' '));
  for (const w of weights.slice(1, -1)) assert.equal(w, 0.25, weights.join(' '));
  assert.ok(Math.abs(rules[rules.length - 1].y - TYPE_BOTTOM) < 0.05, `last rule at ${(rules[rules.length - 1].y / MM).toFixed(2)} mm, type area ends at 262 mm`);

  for (const frame of pages) {
    const folios = frame.items.filter((i): i is TextItem => i.kind === 'text' && i.y > TYPE_BOTTOM + 1);
    assert.equal(folios.length, 1, `page ${frame.number}`);
    const f = folios[0];
    assert.match(f.line.text, new RegExp(`^—\\s*${frame.number}\\s*—$`));
    const run = f.line.runs[0];
    const ink = run.font.inkBox(run.idAt(0))!;
    const middle = ((ink.minY + ink.maxY) / 2) * (run.size / run.font.unitsPerEm);
    assert.ok(Math.abs(f.y - middle - (TYPE_BOTTOM + 7 * MM)) < 0.05, `page ${frame.number}: dash at ${((f.y - middle) / MM).toFixed(2)} mm`);
  }
});
