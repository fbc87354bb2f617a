/**
 * Exit statuses CI can trust, the same for every command: 0 clean, 1 content errors (the issue
 * file must change), 2 usage or system errors (a missing file, a full disk, a bad option).
 * A run ended by SIGINT, SIGTERM or SIGHUP exits with 128 + the signal's number (io/write-file.ts).
 */
export const EXIT = { ok: 0, content: 1, usage: 2 } as const;
