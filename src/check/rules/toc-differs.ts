/**
 * toc-differs: an article's `toc` text differs from its title beyond whitespace. Often
 * deliberate (the 690 issue has one), so only info — but an editor correcting a title
 * should see that the table of contents still shows the old words.
 */
import { quoteText } from '../chars.js';
import { hintOf, say } from '../../messages/catalogue.js';
import type { LintFile, ScalarRule, TextScalar } from '../types.js';

/** Title scalars by owner, per file: looked up once for each toc, not by a scan of the file. */
const titlesByOwner = new WeakMap<LintFile, Map<string | undefined, TextScalar[]>>();

function titlesOf(file: LintFile, owner: string | undefined): TextScalar[] {
  let index = titlesByOwner.get(file);
  if (!index) {
    index = new Map();
    for (const s of file.scalars) {
      if (s.role !== 'title') continue;
      const list = index.get(s.owner);
      if (list) list.push(s);
      else index.set(s.owner, [s]);
    }
    titlesByOwner.set(file, index);
  }
  return index.get(owner) ?? [];
}

const squeeze = (s: string): string => s.replace(/[\s\u3000]+/g, '');

export const tocDiffers: ScalarRule = {
  id: 'toc-differs',
  severity: 'info',
  scope: 'scalar',
  description: "an article's table-of-contents text differs from its title",
  roles: ['toc'],
  check({ scalar, file }) {
    const titles = titlesOf(file, scalar.owner);
    if (titles.length === 0) return [];
    const title = titles.map((t) => t.view.plain).join('');
    const toc = scalar.view.plain;
    if (squeeze(toc) === squeeze(title)) return [];
    // Point at the first character where the two part ways.
    const a = [...toc];
    const b = [...squeeze(title)];
    let k = 0;
    let at = 0;
    for (const ch of a) {
      if (/[\s\u3000]/.test(ch)) { at += ch.length; continue; }
      if (b[k] !== ch) break;
      k++;
      at += ch.length;
    }
    if (at >= toc.length) at = Math.max(0, toc.length - 1);
    return [{
      start: at,
      end: Math.min(toc.length, at + 1),
      message: say('toc-differs', { toc: quoteText(toc), title: quoteText(titles.map((t) => t.view.plain).join(' / ')) }),
      hint: hintOf('toc-differs'),
    }];
  },
};
