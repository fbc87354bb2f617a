/**
 * Writing a text back into an issue file so that YAML reads exactly that text: plain when it
 * reads back plain (as an editor writes it), else in single quotes (a `'` inside doubled), or
 * in double quotes when that needs no escape. Decided by parsing, not by listing YAML's rules.
 */
import { isScalar, isSeq, parseDocument } from 'yaml';

/** `value` written plain as a list item is read back as exactly `value`, with no comment and no error. */
export function plainReadsAs(value: string): boolean {
  if (value === '' || /[\r\n]/.test(value) || value !== value.trim()) return false;
  const doc = parseDocument(`- ${value}\n`);
  if (doc.errors.length || doc.warnings.length || !isSeq(doc.contents)) return false;
  const item = doc.contents.items[0];
  return doc.contents.items.length === 1 && isScalar(item) && item.type === 'PLAIN' && item.value === value && !item.comment;
}

/** `value` as YAML text: plain when that reads back, else quoted. */
export function yamlText(value: string): string {
  if (plainReadsAs(value)) return value;
  if (!value.includes("'")) return `'${value}'`;
  if (!/["\\]/.test(value)) return `"${value}"`;
  return `'${value.replace(/'/g, "''")}'`;
}
