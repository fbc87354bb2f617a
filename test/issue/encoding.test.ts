import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeIssueBytes } from '../../src/issue/encoding.js';
import { gbk } from '../robustness/paste-cases.js';

const TEXT = 'bulletin: 杭州人大信息\nnumber: 2\npublisher: 杭州市人大常委会研究室编\nsections:\n  - name: 要闻速递\n';

test('UTF-8, with or without a byte-order mark, is read as it is', () => {
  assert.deepEqual(decodeIssueBytes(Buffer.from(TEXT)), { text: TEXT, encoding: { name: 'utf-8', bom: false, lossless: true } });
  assert.deepEqual(decodeIssueBytes(Buffer.from('\ufeff' + TEXT)), { text: TEXT, encoding: { name: 'utf-8', bom: true, lossless: true } });
});

test('UTF-16 is recognised in both byte orders, with or without a byte-order mark', () => {
  const le = Buffer.from(TEXT, 'utf16le');
  const be = Buffer.from(TEXT, 'utf16le').swap16();
  assert.deepEqual(decodeIssueBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), le])), { text: TEXT, encoding: { name: 'utf-16le', bom: true, lossless: true } });
  assert.deepEqual(decodeIssueBytes(Buffer.concat([Buffer.from([0xfe, 0xff]), be])), { text: TEXT, encoding: { name: 'utf-16be', bom: true, lossless: true } });
  assert.deepEqual(decodeIssueBytes(le), { text: TEXT, encoding: { name: 'utf-16le', bom: false, lossless: true } });
  assert.deepEqual(decodeIssueBytes(be), { text: TEXT, encoding: { name: 'utf-16be', bom: false, lossless: true } });
  // 一 (U+4E00) has a zero low byte: a few such characters do not hide the byte order.
  const many = `${TEXT}  - name: 一一一\n`;
  assert.equal(decodeIssueBytes(Buffer.from(many, 'utf16le')).text, many);
});

test('GBK (Notepad "ANSI") is recognised and read without loss', () => {
  const decoded = decodeIssueBytes(gbk(TEXT));
  assert.deepEqual(decoded, { text: TEXT, encoding: { name: 'gb18030', bom: false, lossless: true } });
});

test('invalid UTF-8 that is not GBK is read with its damage marked, and never called lossless', () => {
  // A UTF-8 file with one stray byte: its UTF-8 text must not be re-read as GBK.
  const stray = Buffer.concat([Buffer.from('bulletin: 杭州'), Buffer.from([0xff]), Buffer.from('人大信息\nnumber: 2\n')]);
  const decoded = decodeIssueBytes(stray);
  assert.deepEqual(decoded.encoding, { name: 'utf-8', bom: false, lossless: false });
  assert.equal(decoded.text, 'bulletin: 杭州\ufffd人大信息\nnumber: 2\n');
  assert.deepEqual(decoded.damage, { offset: 12, count: 1 });
  // A GBK line pasted into a UTF-8 file.
  const mixed = Buffer.concat([Buffer.from(TEXT), gbk('  - name: 代表工作\n')]);
  assert.equal(decodeIssueBytes(mixed).encoding.lossless, false);
  // Latin-1 (é as one byte) is not GBK either.
  assert.equal(decodeIssueBytes(Buffer.from([0x6e, 0x61, 0x6d, 0x65, 0x3a, 0x20, 0x63, 0x61, 0x66, 0xe9, 0x0a])).encoding.lossless, false);
});
