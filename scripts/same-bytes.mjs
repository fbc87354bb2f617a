#!/usr/bin/env node
/**
 * Do two builds of bulletin write the same bytes? For a refactor that must not change output:
 * builds issues/690.yaml (with the CLI, as a user does) and N random issues of the layout-audit
 * generator (test/layout/audit-issues.ts, so `npm test` or `tsc -p tsconfig.test.json` first)
 * with this checkout's dist/ and with another checkout's dist/, and compares exit status,
 * messages and the PDF bytes of each. The random issues go the way the audit takes them —
 * loader, theme, model, layout, renderer — without the typography lint, whose errors (the
 * generator does not balance its brackets) would stop `bulletin build` before any PDF.
 *
 *   node scripts/same-bytes.mjs OTHER_ROOT [N=100] [SEED=690]
 *
 * Prints one line per difference and a summary; exits 1 when anything differs.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const [other, countArg, seedArg] = process.argv.slice(2);
if (!other) {
  console.error('usage: node scripts/same-bytes.mjs OTHER_ROOT [N] [SEED]');
  process.exit(2);
}
const OTHER = resolve(other);
const N = Number(countArg ?? 100);
const SEED = Number(seedArg ?? 690);
for (const root of [ROOT, OTHER]) {
  if (!existsSync(join(root, 'dist', 'cli.js'))) {
    console.error(`${root}/dist/cli.js is missing: run npm run build there`);
    process.exit(2);
  }
}
const generator = join(ROOT, '.test-build', 'test', 'layout', 'audit-issues.js');
if (!existsSync(generator)) {
  console.error('the issue generator is not built: run npx tsc -p tsconfig.test.json');
  process.exit(2);
}

const fc = (await import('fast-check')).default;
const { stringify } = await import('yaml');
const { issue } = await import(generator);

const scratch = mkdtempSync(join(tmpdir(), 'bulletin-same-bytes-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));

const cases = [{ name: '690', file: join(ROOT, 'issues', '690.yaml') }];
fc.sample(issue, { seed: SEED, numRuns: N }).forEach((data, i) => {
  const file = join(scratch, `audit-${String(i).padStart(3, '0')}.yaml`);
  writeFileSync(file, stringify(data));
  cases.push({ name: `audit-${i}`, file });
});

const env = { ...process.env };
delete env.SOURCE_DATE_EPOCH;

/** `bulletin build` as a user runs it. */
function cliBuild(root, c, tag) {
  const out = join(scratch, `${c.name}.${tag}.pdf`);
  const r = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'build', c.file, '-o', out], { encoding: 'utf8', env, cwd: scratch });
  // Messages name the output file, which differs by tag, and the time taken.
  const text = `${r.stdout}${r.stderr}`.replaceAll(out, 'OUT').replace(/, \d+(\.\d+)? s$/m, ', T s');
  const pdf = existsSync(out) ? readFileSync(out) : undefined;
  return { status: r.status, text, hash: pdf && createHash('sha256').update(pdf).digest('hex'), size: pdf?.length };
}

/**
 * The audit's path through `root`'s modules, in one process for all `files`: one JSON line per
 * file with the layout's problems and the PDF's hash. The styled model (src/style) replaced
 * layout/model.js; either is used, whichever the checkout has.
 */
const HARNESS = `
  import { createHash } from 'node:crypto';
  import { existsSync, readFileSync } from 'node:fs';
  const root = process.env.ROOT;
  const dist = (p) => root + '/dist/' + p;
  const { loadIssueSource } = await import(dist('issue/load.js'));
  const { resolveIssueTheme } = await import(dist('app/theme-file.js'));
  const { composeParagraph } = await import(dist('compose/compose.js'));
  const { layoutIssue } = await import(dist('layout/layout.js'));
  const { renderPdf } = await import(dist('render/pdf.js'));
  const styled = existsSync(dist('style/model.js'));
  const model = styled ? await import(dist('style/model.js')) : await import(dist('layout/model.js'));
  for (const file of JSON.parse(process.env.FILES)) {
    const loaded = loadIssueSource(readFileSync(file, 'utf8'), file);
    const prepared = resolveIssueTheme(loaded);
    const theme = styled ? prepared.styles : prepared.resolved;
    if (!theme) { console.log(JSON.stringify({ file, problems: prepared.diagnostics.map((d) => d.message) })); continue; }
    const doc = styled ? model.styleIssue(loaded.issue, theme) : model.buildModel(loaded.issue, theme.theme);
    const result = styled ? layoutIssue(doc, composeParagraph, {}) : layoutIssue(doc, theme, composeParagraph, {});
    const pdf = await renderPdf(result.document, { creator: 'bulletin same-bytes' });
    console.log(JSON.stringify({ file, problems: result.problems.map((p) => p.code + ' ' + p.source.join('.') + ' ' + p.message), size: pdf.length, hash: createHash('sha256').update(pdf).digest('hex') }));
  }`;

function harness(root, files) {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', HARNESS], { encoding: 'utf8', env: { ...env, ROOT: root, FILES: JSON.stringify(files) }, maxBuffer: 256 << 20 });
  if (r.status !== 0) throw new Error(`${root}: ${r.stderr}`);
  return new Map(r.stdout.trim().split('\n').map((l) => JSON.parse(l)).map((x) => [x.file, x]));
}

let same = 0;
let pdfs = 0;
const differences = [];
const [first, ...audit] = cases;
{
  const a = cliBuild(ROOT, first, 'this');
  const b = cliBuild(OTHER, first, 'other');
  const diff = [];
  if (a.status !== b.status) diff.push(`exit ${a.status} vs ${b.status}`);
  if (a.hash !== b.hash) diff.push(`PDF ${a.size ?? 'none'} bytes ${a.hash?.slice(0, 12) ?? ''} vs ${b.size ?? 'none'} bytes ${b.hash?.slice(0, 12) ?? ''}`);
  if (a.text !== b.text) diff.push(`messages differ:\n--- this\n${a.text}--- other\n${b.text}`);
  if (a.hash) pdfs++;
  if (diff.length) differences.push(`${first.name}: ${diff.join('; ')}`);
  else same++;
}
const files = audit.map((c) => c.file);
const mine = harness(ROOT, files);
const theirs = harness(OTHER, files);
for (const c of audit) {
  const a = mine.get(c.file);
  const b = theirs.get(c.file);
  const diff = [];
  if (a.hash) pdfs++;
  if (a.hash !== b.hash) diff.push(`PDF ${a.size ?? 'none'} bytes ${a.hash?.slice(0, 12) ?? ''} vs ${b.size ?? 'none'} bytes ${b.hash?.slice(0, 12) ?? ''}`);
  if (JSON.stringify(a.problems) !== JSON.stringify(b.problems)) diff.push(`problems differ:\n--- this\n${a.problems.join('\n')}\n--- other\n${b.problems.join('\n')}`);
  if (diff.length) differences.push(`${c.name} (${c.file}): ${diff.join('; ')}`);
  else same++;
}
for (const d of differences) console.log(d);
console.log(`${same} of ${cases.length} builds the same (${pdfs} PDFs written here), ${differences.length} differ; seed ${SEED}`);
process.exitCode = differences.length ? 1 : 0;
