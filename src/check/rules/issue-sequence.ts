/**
 * issue-sequence: across the files checked together, issues of one bulletin (and 刊别:
 * a 增刊 series is numbered separately) must not repeat a `total` or, within a year, a
 * `number`, and both must grow with the `date`.
 */
import { isMap } from 'yaml';
import type { Node } from 'yaml';
import type { Issue } from '../../issue/types.js';
import { say } from '../../messages/catalogue.js';
import type { FilesRule, IssueFile, NodeFinding } from '../types.js';

interface Entry { file: IssueFile; issue: Issue; order: number }

function nodeOf(file: IssueFile, key: string): Node | undefined {
  const root = file.loaded.doc.contents;
  if (!isMap(root)) return undefined;
  return (root.get(key, true) as Node | undefined) ?? undefined;
}

const describe = (e: Entry): string => say('issue-sequence.issue', { file: e.file.loaded.file, date: e.issue.date });

export const issueSequence: FilesRule = {
  id: 'issue-sequence',
  severity: 'warning',
  scope: 'files',
  description: 'issue numbers and totals of one bulletin do not repeat and grow with the date',
  check(files) {
    const out: NodeFinding[] = [];
    const groups = new Map<string, Entry[]>();
    files.forEach((file, order) => {
      const issue = file.loaded.issue;
      if (!issue) return;
      const key = `${issue.bulletin}\u0000${issue.edition ?? ''}`;
      groups.set(key, [...(groups.get(key) ?? []), { file, issue, order }]);
    });
    const report = (e: Entry, key: 'total' | 'number', message: string): void => {
      const node = nodeOf(e.file, key);
      if (node) out.push({ file: e.file, node, path: key, message });
    };
    for (const entries of groups.values()) {
      if (entries.length < 2) continue;
      entries.sort((a, b) => (a.issue.date < b.issue.date ? -1 : a.issue.date > b.issue.date ? 1 : a.order - b.order));
      for (let k = 1; k < entries.length; k++) {
        const e = entries[k];
        const earlier = entries.slice(0, k);
        const year = e.issue.date.slice(0, 4);
        if (e.issue.total !== undefined) {
          const same = earlier.find((o) => o.issue.total === e.issue.total);
          const higher = earlier.filter((o) => o.issue.date < e.issue.date && o.issue.total !== undefined && o.issue.total > e.issue.total!);
          if (same) report(e, 'total', say('issue-sequence.same-total', { total: e.issue.total, other: describe(same), bulletin: e.issue.bulletin }));
          else if (higher.length) report(e, 'total', say('issue-sequence.lower-total', { total: e.issue.total, higher: higher[higher.length - 1].issue.total!, other: describe(higher[higher.length - 1]) }));
        }
        const sameYear = earlier.filter((o) => o.issue.date.slice(0, 4) === year);
        const sameNumber = sameYear.find((o) => o.issue.number === e.issue.number);
        const higherNumber = sameYear.filter((o) => o.issue.date < e.issue.date && o.issue.number > e.issue.number);
        if (sameNumber) report(e, 'number', say('issue-sequence.same-number', { number: e.issue.number, year, other: describe(sameNumber) }));
        else if (higherNumber.length) report(e, 'number', say('issue-sequence.lower-number', { number: e.issue.number, higher: higherNumber[higherNumber.length - 1].issue.number, other: describe(higherNumber[higherNumber.length - 1]), year }));
      }
    }
    return out;
  },
};
