/**
 * `bulletin preview` in a real browser: Debian's chromium driven by playwright-core, launched
 * once for the file. One preview of a copy of issues/690.yaml serves every test in turn: the
 * pages, an edit on disk seen in place (no reload) in two tabs, an atomic rename-save, a broken
 * save (the located error over the last good pages), a click on a diagnostic (its source lines),
 * the fix (the pages back), a click on a paragraph (its file:line, and the --editor command run
 * with it). Screenshots go to a temporary directory, named in the test output, for a person to
 * look at. Skipped, saying why, where /usr/bin/chromium is not installed.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildIssue } from '../../src/app/build.js';
import { PACKAGE_ROOT } from '../../src/font/vendored.js';

const CHROMIUM = '/usr/bin/chromium';
const SKIP = existsSync(CHROMIUM) ? false : `${CHROMIUM} is not installed (Debian package chromium): the browser tests of the preview are skipped`;
const CLI = join(PACKAGE_ROOT, 'dist', 'cli.js');
const WAIT_MS = 60_000;

const ORIGINAL = readFileSync(join(PACKAGE_ROOT, 'issues', '690.yaml'), 'utf8');
/** A phrase of the first article's second paragraph, on page 2 of 690. */
const PHRASE = '八八战略';

// The page's globals as the functions given to page.evaluate see them (they run in the browser).
interface Element {
  textContent: string | null;
  getAttribute(name: string): string | null;
}
declare const window: {
  __bulletin: { version: number; updates: number; ok: boolean | null; drawn: number; missing: number; last: { version: number; ok: boolean; at: number } | null };
  __loadedOnce?: boolean;
};
declare const document: {
  getElementById(id: string): Element | null;
  querySelectorAll(selector: string): ArrayLike<Element> & Iterable<Element>;
};

describe('preview in a browser', { skip: SKIP }, () => {
  let dir: string;
  let shots: string;
  let file: string;
  let opened: string;
  let child: ChildProcess;
  let url: string;
  let browser: Browser;
  let page: Page;
  let expectedPages: number;
  let stdout = '';
  let stderr = '';

  const version = (p: Page = page) => p.evaluate(() => window.__bulletin?.version ?? -1);
  /** Save `text` and wait until `p` shows a build after it. */
  const save = async (text: string, p: Page = page, how: 'write' | 'rename' = 'write') => {
    const before = await version(p);
    if (how === 'rename') {
      writeFileSync(join(dir, '.690.yaml.tmp'), text);
      renameSync(join(dir, '.690.yaml.tmp'), file);
    } else {
      writeFileSync(file, text);
    }
    await p.waitForFunction((v) => window.__bulletin.version > v, before, { timeout: WAIT_MS });
  };
  const shot = (name: string) => page.screenshot({ path: join(shots, `${name}.png`), fullPage: false });
  const pagesText = () => page.locator('#pages').evaluate((el) => el.textContent ?? '');

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bulletin-preview-'));
    shots = mkdtempSync(join(tmpdir(), 'bulletin-preview-screenshots-'));
    file = join(dir, '690.yaml');
    opened = join(dir, 'opened.txt');
    writeFileSync(file, ORIGINAL);
    const built = await buildIssue(file, { write: false });
    assert.ok(built.ok);
    expectedPages = built.pages;
    // The "editor" writes what it was asked to open into a file.
    const editor = `"${process.execPath}" -e "require('fs').writeFileSync(process.argv[1], process.argv[2])" "${opened}" {file}:{line}`;
    child = spawn(process.execPath, [CLI, 'preview', file, '--port', '0', '--editor', editor], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.setEncoding('utf8').on('data', (s: string) => { stdout += s; });
    child.stderr!.setEncoding('utf8').on('data', (s: string) => { stderr += s; });
    url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no address printed:\n${stdout}\n${stderr}`)), WAIT_MS);
      const look = () => {
        const m = /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stdout);
        if (m) { clearTimeout(timer); resolve(m[1]); }
      };
      child.stdout!.on('data', look);
      child.on('exit', () => reject(new Error(`preview exited:\n${stdout}\n${stderr}`)));
    });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  });

  after(async () => {
    await browser?.close();
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGINT');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
    if (shots) process.stdout.write(`screenshots of the preview: ${shots}\n`);
  });

  test('the page shows every page of 690 and its diagnostics', async () => {
    await page.goto(url);
    await page.waitForFunction((n) => window.__bulletin?.ok === true && document.querySelectorAll('#pages .page').length === n, expectedPages, { timeout: WAIT_MS });
    await page.evaluate(() => { window.__loadedOnce = true; });
    assert.equal(await page.locator('#pages .page').count(), expectedPages);
    assert.match(await pagesText(), /杭州人大信息/);
    assert.match(await pagesText(), new RegExp(PHRASE));
    // The pages on screen are drawn, every glyph they draw defined, their canvases not blank.
    assert.ok((await page.evaluate(() => window.__bulletin.drawn)) >= 1);
    assert.equal(await page.evaluate(() => window.__bulletin.missing), 0);
    const inked = await page.locator('#pages .page canvas').first().evaluate((c) => {
      const canvas = c as unknown as { width: number; height: number; getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> } } };
      const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
      let dark = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i] + data[i + 1] + data[i + 2] < 300) dark++;
      return dark / (data.length / 4);
    });
    assert.ok(inked > 0.01 && inked < 0.5, `${(inked * 100).toFixed(1)}% of page 1 is ink`);
    assert.match(await page.locator('#status').innerText(), new RegExp(`${expectedPages} 页`));
    await page.locator('#pages .page').nth(1).scrollIntoViewIfNeeded();
    await shot('1-opened');
  });

  test('a save on disk changes the page text in place, without a reload', async () => {
    await save(ORIGINAL.replace(PHRASE, `${PHRASE}（预览测试）`));
    await page.waitForFunction(() => document.getElementById('pages')!.textContent!.includes('预览测试'), null, { timeout: WAIT_MS });
    assert.equal(await page.evaluate(() => window.__loadedOnce), true, 'same document: no reload');
    assert.equal(await page.locator('#pages .page').count(), expectedPages);
    await shot('2-edited');
  });

  test('an atomic save (a new file renamed over the old one) is seen too', async () => {
    await save(ORIGINAL.replace(PHRASE, `${PHRASE}（改名保存）`), page, 'rename');
    await page.waitForFunction(() => document.getElementById('pages')!.textContent!.includes('改名保存'), null, { timeout: WAIT_MS });
    assert.doesNotMatch(await pagesText(), /预览测试/);
  });

  test('a broken save shows the located error over the last good pages', async () => {
    // An unclosed flow sequence on the `number:` line.
    const broken = ORIGINAL.replace(/^number: (\d+)$/m, 'number: [$1');
    assert.notEqual(broken, ORIGINAL);
    await save(broken);
    await page.waitForFunction(() => window.__bulletin.ok === false, null, { timeout: WAIT_MS });
    const expected = (await buildIssue(file, { write: false }));
    assert.equal(expected.ok, false);
    const first = expected.ok ? undefined : expected.diagnostics.find((d) => d.severity === 'error')!;
    const banner = page.locator('#banner');
    assert.equal(await banner.isVisible(), true);
    assert.match(await banner.innerText(), /not updated: \d+ errors?/);
    const panel = await page.locator('#diagnostics').innerText();
    assert.ok(panel.includes(`690.yaml:${first!.line}:${first!.col}: error [yaml-syntax]`), panel);
    assert.equal(await page.locator('#pages .page').count(), expectedPages, 'the last good pages stay');
    assert.match(await pagesText(), /改名保存/);
    assert.equal(await page.locator('#pages.stale').count(), 1);
    assert.equal(child.exitCode, null, 'the preview is still running');
    await shot('3-broken');
  });

  test('clicking a diagnostic shows its source lines', async () => {
    const item = page.locator('#diagnostics .diag.error').first();
    const source = item.locator('pre.source');
    assert.equal(await source.isVisible(), false);
    await item.click();
    await source.waitFor({ state: 'visible', timeout: WAIT_MS });
    const text = await source.innerText();
    assert.match(text, /number: \[\d+/);
    assert.match(await source.locator('.at').innerText(), /^\s*\d+ \| /);
    await shot('4-diagnostic-open');
  });

  test('fixing the file brings the pages back', async () => {
    await save(ORIGINAL);
    await page.waitForFunction(() => window.__bulletin.ok === true, null, { timeout: WAIT_MS });
    assert.equal(await page.locator('#banner').isVisible(), false);
    assert.equal(await page.locator('#pages.stale').count(), 0);
    assert.equal(await page.locator('#pages .page').count(), expectedPages);
    assert.doesNotMatch(await pagesText(), /改名保存/);
    assert.match(await pagesText(), new RegExp(PHRASE));
    await shot('5-fixed');
  });

  test('clicking a paragraph shows where it was written and opens it in the editor', async () => {
    const line = page.locator('#pages .ln[data-s]', { hasText: PHRASE }).first();
    await line.scrollIntoViewIfNeeded();
    await line.click();
    const where = await page.locator('#picked-where').innerText();
    const m = /^690\.yaml:(\d+) +\((.+)\)$/.exec(where);
    assert.ok(m, where);
    const lineNo = Number(m[1]);
    const sourceLine = ORIGINAL.split('\n')[lineNo - 1];
    assert.ok(sourceLine.includes(PHRASE) || ORIGINAL.split('\n').slice(lineNo - 1, lineNo + 3).join('').includes(PHRASE), `line ${lineNo}: ${sourceLine}`);
    assert.match(m[2], /^sections\[\d+\]\.articles\[\d+\]\.body\[\d+\]$/);
    assert.match(await page.locator('#picked-source').innerText(), new RegExp(`${lineNo} \\| `));
    const deadline = Date.now() + WAIT_MS;
    while (!existsSync(opened) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    assert.equal(readFileSync(opened, 'utf8'), `${file}:${lineNo}`);
    await shot('6-paragraph-picked');
  });

  test('two tabs are kept up to date together', async () => {
    const second = await browser.newPage({ viewport: { width: 1000, height: 800 } });
    try {
      await second.goto(url);
      await second.waitForFunction((n) => window.__bulletin?.ok === true && document.querySelectorAll('#pages .page').length === n, expectedPages, { timeout: WAIT_MS });
      const before = [await version(page), await version(second)];
      writeFileSync(file, ORIGINAL.replace(PHRASE, `${PHRASE}（两个标签页）`));
      for (const [i, p] of [page, second].entries()) {
        await p.waitForFunction((v) => window.__bulletin.version > v && document.getElementById('pages')!.textContent!.includes('两个标签页'), before[i], { timeout: WAIT_MS });
      }
      assert.equal(await second.locator('#pages .page').count(), expectedPages);
      await second.screenshot({ path: join(shots, '7-second-tab.png') });
    } finally {
      await second.close();
    }
    assert.doesNotMatch(stderr, /internal error|\n\s+at /);
  });
});
