/**
 * The galley hands the page breaker every setting of a paragraph in one line less or more that
 * the composer made (ComposeOptions.nearby): the composer makes only settings as good as it
 * accepts anyway, and a guess made from the lines' text about which could exist would drop some
 * that do (a property test of the composer found one: a paragraph whose last line is one mark
 * short of nothing, absorbed by the marks of the lines before it).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildGalley } from '../../src/layout/galley.js';
import type { LayoutContext } from '../../src/layout/setting.js';
import type { ComposeOptions, ComposedParagraph, Span } from '../../src/compose/types.js';
import { styleIssue } from '../../src/style/model.js';
import { fakeCompose, fakeTheme, issueWith, paragraphOfLines } from './helpers.js';

/** The fake composer, with a setting one line shorter and one longer for paragraphs that ask. */
function composeWithNearby(spans: Span[], options: ComposeOptions): ComposedParagraph {
  const made = fakeCompose(spans, options);
  const n = made.lines.length;
  if (!options.nearby || n < 3) return made;
  // Lines with no mark to compress and a full last line: what a guess from the text rejects.
  const fewer = made.lines.slice(0, n - 1);
  const more = [...made.lines, made.lines[n - 1]];
  return { ...made, alternatives: [fewer, more] };
}

test('every setting in one line less or more the composer made reaches the page breaker', () => {
  const styles = fakeTheme();
  const issue = issueWith([{ name: '栏目', articles: [{ title: '标题', body: [paragraphOfLines(5), paragraphOfLines(4)] }] }]);
  const ctx: LayoutContext = { styles, compose: composeWithNearby, problems: [] };
  const galley = buildGalley(ctx, styleIssue(issue, styles).blocks);
  assert.equal(galley.paragraphs.length, 2);
  const flex = galley.flex([0, 1]);
  for (const [i, f] of flex.entries()) {
    const n = f.end - f.start;
    assert.equal(f.shorter?.length, n - 1, `paragraph ${i}: one line less`);
    assert.equal(f.longer?.length, n + 1, `paragraph ${i}: one line more`);
  }
  // And none where the composer made none.
  const none = buildGalley({ styles, compose: fakeCompose, problems: [] }, styleIssue(issue, styles).blocks).flex([0, 1]);
  assert.ok(none.every((f) => f.shorter === undefined && f.longer === undefined));
});
