/**
 * The rebuild loop: the events of one save make one build; a save by rename (an editor's atomic
 * save) is seen; a build that fails right after a change is read again after the retry delay
 * before anything is reported, so a file caught half-written never shows its errors; a file
 * that is really broken is reported once the retry fails too. Every wait is bounded.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RebuildLoop, type BuildTurn } from '../../src/session/rebuild-loop.js';

const WAIT_MS = 20_000;

interface Turn {
  reason: string | undefined;
  settled: boolean;
  text: string;
  turn: BuildTurn;
}

/** A loop whose "build" reads the file and fails unless it ends with "end". */
function harness(dir: string, options: { debounceMs?: number; retryMs?: number } = {}) {
  const file = join(dir, 'a.yaml');
  writeFileSync(file, 'start end');
  const turns: Turn[] = [];
  let wake: () => void = () => {};
  const loop = new RebuildLoop({
    files: [file],
    debounceMs: options.debounceMs ?? 20,
    retryMs: options.retryMs ?? 150,
    build: async (reason, settled) => {
      const text = readFileSync(file, 'utf8');
      const turn: BuildTurn = text.endsWith('end') || settled ? 'done' : 'retry';
      turns.push({ reason, settled, text, turn });
      wake();
      return turn;
    },
  });
  const until = (what: string, done: () => boolean) => new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}: ${JSON.stringify(turns)}`)), WAIT_MS);
    const check = () => { if (done()) { clearTimeout(timer); resolve(); } };
    wake = check;
    check();
  });
  const quiet = (ms: number) => new Promise((r) => setTimeout(r, ms));
  return { file, turns, loop, until, quiet };
}

test('one save, one build; a rename-save is seen; other files in the directory are not', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-loop-'));
  const h = harness(dir);
  try {
    await h.loop.start();
    assert.equal(h.turns.length, 1);
    assert.deepEqual(h.turns[0], { reason: undefined, settled: true, text: 'start end', turn: 'done' });

    // Truncate, write, write again: events a few milliseconds apart make one build.
    writeFileSync(h.file, '');
    writeFileSync(h.file, 'second');
    writeFileSync(h.file, 'second end');
    await h.until('the build after the save', () => h.turns.length >= 2);
    await h.quiet(300);
    assert.equal(h.turns.length, 2, 'one build');
    assert.equal(h.turns[1].text, 'second end');
    assert.equal(h.turns[1].settled, false);

    writeFileSync(join(dir, '.a.yaml.swp'), 'third end');
    renameSync(join(dir, '.a.yaml.swp'), h.file);
    await h.until('the build after the rename', () => h.turns.some((t) => t.text === 'third end'));

    const before = h.turns.length;
    writeFileSync(join(dir, 'a.pdf'), 'not watched');
    await h.quiet(300);
    assert.equal(h.turns.length, before);
  } finally {
    await h.loop.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a file caught half-written is read again before anything is reported', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-loop-'));
  // A debounce shorter than the writer's pause: the first build sees the half-written file.
  const h = harness(dir, { debounceMs: 5, retryMs: 200 });
  try {
    await h.loop.start();
    writeFileSync(h.file, 'half');
    await h.until('the build of the half-written file', () => h.turns.length >= 2);
    assert.deepEqual(h.turns[1], { reason: h.file, settled: false, text: 'half', turn: 'retry' });
    // The writer finishes within the retry delay: its event starts the next build.
    writeFileSync(h.file, 'half and the end');
    await h.until('the build of the whole file', () => h.turns.some((t) => t.text === 'half and the end'));
    await h.quiet(400);
    assert.ok(h.turns.every((t) => t.turn === 'done' || !t.settled), 'no failure reported');
    assert.equal(h.turns.filter((t) => t.settled).length, 1, 'only the first build ran settled');
  } finally {
    await h.loop.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a file that is really broken is reported after the retry', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-loop-'));
  const h = harness(dir, { debounceMs: 10, retryMs: 100 });
  try {
    await h.loop.start();
    writeFileSync(h.file, 'broken');
    await h.until('the retry', () => h.turns.length >= 3);
    assert.deepEqual(h.turns.slice(1).map((t) => [t.text, t.settled, t.turn]), [['broken', false, 'retry'], ['broken', true, 'done']]);
    await h.quiet(300);
    assert.equal(h.turns.length, 3, 'no more builds');
  } finally {
    await h.loop.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('stop waits for the build under way and ends the watch', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-loop-'));
  const h = harness(dir);
  try {
    await h.loop.start();
    await h.loop.stop();
    writeFileSync(h.file, 'after stop end');
    await h.quiet(300);
    assert.equal(h.turns.length, 1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
