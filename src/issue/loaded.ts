/**
 * An issue file after loading: the source text, the YAML document with its source ranges,
 * and either the validated Issue or the diagnostics that explain why there is none.
 */
import type { Document, LineCounter } from 'yaml';
import type { Diagnostic } from '../diag/diagnostic.js';
import type { FileIdentity } from '../io/read-file.js';
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
  /** How `source` came from a file's bytes (absent for text that was never a file). */
  origin?: SourceOrigin;
}

/**
 * How an issue file's bytes became its text: what `check --fix` needs to write a repair back
 * without changing anything else — and to know when it must not.
 */
export interface SourceOrigin {
  /** The encoding the bytes were decoded from, e.g. 'utf-8'. */
  encoding: string;
  /** The bytes began with a byte-order mark; writing back keeps it. */
  bom: boolean;
  /**
   * Decoding lost nothing: encoding the text again gives the file's bytes. A file decoded with
   * losses (invalid UTF-8 became U+FFFD) is never written back: the bytes behind it would be lost.
   */
  lossless: boolean;
  /** The file as it was when read, to leave it alone if it is saved again meanwhile. */
  identity?: FileIdentity;
}
