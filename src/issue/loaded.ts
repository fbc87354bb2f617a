/**
 * An issue file after loading: the source text, the YAML document with its source ranges,
 * and either the validated Issue or the diagnostics that explain why there is none.
 */
import type { Document, LineCounter } from 'yaml';
import type { Diagnostic } from '../diag/diagnostic.js';
import type { FileIdentity } from '../io/read-file.js';
import type { Encoding } from './encoding.js';
import type { Repair } from './traps.js';
import type { Issue } from './types.js';

export interface LoadedIssue {
  /** The path as the user gave it; used in messages. */
  file: string;
  source: string;
  /** Parsed document (kept even when it has errors, so later rules can point into it). */
  doc: Document.Parsed;
  lineCounter: LineCounter;
  /** Present only when the file parsed and the schema accepted it. */
  issue?: Issue;
  diagnostics: Diagnostic[];
  /**
   * How the file's bytes were read (absent for text given as text). `lossless` false means it is
   * never written back: the bytes behind the U+FFFD it holds would be lost.
   */
  encoding?: Encoding;
  /** The file as it was when read, so that `--fix` leaves it alone if it is saved again meanwhile. */
  identity?: FileIdentity;
  /** Repairs of YAML traps and tab indentation that `--fix` may apply, each proved (repair.ts). */
  repairs?: Repair[];
}
