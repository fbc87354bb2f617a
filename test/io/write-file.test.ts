/**
 * io/write-file.ts in process: temporary files that cannot be redirected or guessed (issue item
 * 3), exclusive creation, the check for a save that landed meanwhile, the sweep of temporary
 * files left by killed runs, and long names.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { identityOf } from '../../src/io/read-file.js';
import { sweepStaleTemps, WriteError, writeFileSafely } from '../../src/io/write-file.js';

async function inDir(body: (dir: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-write-'));
  try {
    await body(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('a link planted under a temporary name is never followed: the old predictable names, and names with our pid', async () => {
  await inDir(async (dir) => {
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'precious');
    // What the old code opened with 'w' (following links): .NAME.PID.tmp, and with a time stamp.
    for (const name of [`.out.pdf.${process.pid}.tmp`, `.out.pdf.${process.pid}.${Date.now().toString(36)}.tmp`, `.out.pdf.${process.pid}.0000000000000000.tmp`]) {
      symlinkSync(victim, join(dir, name));
    }
    await writeFileSafely(join(dir, 'out.pdf'), '%PDF-new');
    assert.equal(readFileSync(victim, 'utf8'), 'precious');
    assert.equal(readFileSync(join(dir, 'out.pdf'), 'utf8'), '%PDF-new');
    assert.equal(readdirSync(dir).filter((n) => lstatSync(join(dir, n)).isSymbolicLink()).length, 3, 'the planted links are not ours to remove');
  });
});

test('temporary names are unpredictable: 16 random hex digits, different every time', async () => {
  await inDir(async (dir) => {
    const seen = new Set<string>();
    const before = process.env.BULLETIN_TEST_WRITE_DELAY_MS;
    process.env.BULLETIN_TEST_WRITE_DELAY_MS = '150';
    try {
      for (let i = 0; i < 3; i++) {
        const writing = writeFileSafely(join(dir, 'out.pdf'), `%PDF-${i}`);
        let names: string[] = [];
        for (let k = 0; k < 50 && names.length === 0; k++) {
          await new Promise((r) => setTimeout(r, 5));
          names = readdirSync(dir).filter((n) => n.endsWith('.tmp'));
        }
        await writing;
        assert.equal(names.length, 1);
        assert.match(names[0], new RegExp(`^\\.out\\.pdf\\.${process.pid}\\.[0-9a-f]{16}\\.tmp$`));
        seen.add(names[0]);
      }
    } finally {
      if (before === undefined) delete process.env.BULLETIN_TEST_WRITE_DELAY_MS;
      else process.env.BULLETIN_TEST_WRITE_DELAY_MS = before;
    }
    assert.equal(seen.size, 3);
    assert.deepEqual(readdirSync(dir), ['out.pdf']);
  });
});

test('exclusive creation never replaces anything, not even a dangling link', async () => {
  await inDir(async (dir) => {
    writeFileSync(join(dir, 'taken.yaml'), 'KEEP');
    symlinkSync('nowhere.yaml', join(dir, 'dangling.yaml'));
    for (const name of ['taken.yaml', 'dangling.yaml']) {
      await assert.rejects(writeFileSafely(join(dir, name), 'new', { exclusive: true }), (e: Error) => e instanceof WriteError && e.code === 'EEXIST');
    }
    assert.equal(readFileSync(join(dir, 'taken.yaml'), 'utf8'), 'KEEP');
    await writeFileSafely(join(dir, 'fresh.yaml'), 'new', { exclusive: true });
    assert.equal(readFileSync(join(dir, 'fresh.yaml'), 'utf8'), 'new');
    assert.deepEqual(readdirSync(dir).sort(), ['dangling.yaml', 'fresh.yaml', 'taken.yaml']);
  });
});

test('a file that changed since it was read is left alone (unchangedSince)', async () => {
  await inDir(async (dir) => {
    const file = join(dir, 'a.yaml');
    writeFileSync(file, 'as read');
    const identity = identityOf(statSync(file, { bigint: true }));
    writeFileSync(file, 'saved by an editor, longer');
    await assert.rejects(writeFileSafely(file, 'repaired', { unchangedSince: identity }), (e: Error) => e instanceof WriteError && e.code === 'ECHANGED');
    assert.equal(readFileSync(file, 'utf8'), 'saved by an editor, longer');
    assert.deepEqual(readdirSync(dir), ['a.yaml']);
    await writeFileSafely(file, 'repaired', { unchangedSince: identityOf(statSync(file, { bigint: true })) });
    assert.equal(readFileSync(file, 'utf8'), 'repaired');
  });
});

test('stale temporary files of dead runs are swept; backups, those of live runs, of other targets and not ours stay', async () => {
  await inDir(async (dir) => {
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const deadPid = Number(dead.stdout);
    const names = [
      `.a.pdf.${deadPid}.0123456789abcdef.tmp`, // dead run, this target: swept
      `.a.pdf.${process.ppid}.0123456789abcdef.tmp`, // a live process: kept
      `.a.pdf.${deadPid}.0123456789abcdef.bak`, // a backup of an in-place rewrite (maybe the only whole copy): kept
      `.b.pdf.${deadPid}.0123456789abcdef.tmp`, // another target: kept
      `.a.pdf.${deadPid}.notours.tmp`, // not our pattern: kept
    ];
    for (const n of names) writeFileSync(join(dir, n), 'x');
    const removed = sweepStaleTemps(join(dir, 'a.pdf')).map((p) => p.slice(dir.length + 1)).sort();
    assert.deepEqual(removed, names.slice(0, 1));
    assert.deepEqual(readdirSync(dir).sort(), names.slice(1).sort());
  });
});

test('a target name near NAME_MAX gets a shortened temporary name', async () => {
  await inDir(async (dir) => {
    const name = `${'长'.repeat(83)}.pdf`; // 253 bytes
    await writeFileSafely(join(dir, name), '%PDF-x');
    assert.deepEqual(readdirSync(dir), [name]);
  });
});

test('a new file gets the mode the umask gives; a replaced one keeps its own', async () => {
  await inDir(async (dir) => {
    const file = join(dir, 'a.pdf');
    await writeFileSafely(file, '%PDF-1');
    const umask = process.umask();
    assert.equal(statSync(file).mode & 0o777, 0o666 & ~umask);
  });
});

test('a temporary file swapped for something else before the rename is not renamed into place', async () => {
  await inDir(async (dir) => {
    const target = join(dir, 'out.pdf');
    writeFileSync(target, '%PDF-old');
    writeFileSync(join(dir, 'victim.txt'), 'precious');
    const before = process.env.BULLETIN_TEST_WRITE_DELAY_MS;
    process.env.BULLETIN_TEST_WRITE_DELAY_MS = '300';
    try {
      const writing = writeFileSafely(target, '%PDF-new');
      let temp: string | undefined;
      for (let k = 0; k < 100 && !temp; k++) {
        await new Promise((r) => setTimeout(r, 5));
        temp = readdirSync(dir).find((n) => n.endsWith('.tmp'));
      }
      assert.ok(temp, 'the write began');
      // Another user of a shared directory puts a link to a file of theirs under the name.
      rmSync(join(dir, temp));
      symlinkSync(join(dir, 'victim.txt'), join(dir, temp));
      await assert.rejects(writing, (e: Error) => e instanceof WriteError && e.code === 'ETEMPSWAPPED');
      assert.equal(readFileSync(target, 'utf8'), '%PDF-old');
      assert.equal(readFileSync(join(dir, 'victim.txt'), 'utf8'), 'precious');
      assert.ok(lstatSync(join(dir, temp)).isSymbolicLink(), 'what is not ours is left alone');
    } finally {
      if (before === undefined) delete process.env.BULLETIN_TEST_WRITE_DELAY_MS;
      else process.env.BULLETIN_TEST_WRITE_DELAY_MS = before;
    }
  });
});
