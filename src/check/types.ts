/**
 * The contract between the lint driver and its rules. A rule reads text and returns
 * findings; it never mutates anything, so rules are independent of their order except
 * where the registry deliberately lets an earlier rule's fix win an overlap.
 */
import type { Node, Scalar } from 'yaml';
import type { Severity } from '../diag/diagnostic.js';
import type { FontHandle } from '../font/types.js';
import type { LoadedIssue } from '../issue/loaded.js';
import type { Element, Field } from '../style/printed.js';
import type { TextView } from './text.js';
import type { ValueMap } from './source-map.js';

/** What a text scalar is in the printed bulletin: the issue field it is (src/style/printed.ts). */
export type TextRole = Field;

/**
 * The elements a character may be printed in, each with its own chain of faces. A scalar can be
 * printed in several (a title also appears in the table of contents).
 */
export type GlyphRole = Element;

/** Fonts that may draw a character of the given role, in fallback order. */
export type FontResolver = (role: GlyphRole) => readonly FontHandle[];

export interface TextScalar {
  /** e.g. `sections[2].articles[0].body[3]` */
  path: string;
  role: TextRole;
  node: Scalar;
  /** value → source; made on first use (most texts of a clean issue never need it). */
  readonly map: ValueMap;
  view: TextView;
  /** Where the text is printed, for glyph coverage (`bold` runs of paragraphs are added). */
  glyphRoles: GlyphRole[];
  /** Scalars that read as one text (the lines of a multi-line title); shared array. */
  group?: TextScalar[];
  /** The path of the article (or brief) the scalar belongs to. */
  owner?: string;
}

/** A file as rules across files see it: the loaded issue only, so the texts of every file checked are not kept until the end. */
export interface IssueFile {
  loaded: LoadedIssue;
}

export interface LintFile extends IssueFile {
  scalars: TextScalar[];
}

/** A replacement of the plain-text range [start, end) of a scalar. */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

export interface Finding {
  /** Range in the plain text of the scalar (markup removed), UTF-16 units. */
  start: number;
  end: number;
  message: string;
  hint?: string;
  /** Overrides the rule's severity (e.g. an info-level variant). */
  severity?: Severity;
  /** The repair, only when the rule is certain of it. All edits apply together or none. */
  fix?: Edit[];
  /** The scalar the range is in, when not the one being checked (a group member). */
  scalar?: TextScalar;
}

export interface ScalarContext {
  scalar: TextScalar;
  file: LintFile;
  fonts: FontResolver;
}

/** A finding about a node that is not text (a number, a date), located by its source range. */
export interface NodeFinding {
  file: IssueFile;
  node: Node;
  path: string;
  message: string;
  hint?: string;
  severity?: Severity;
}

interface RuleBase {
  id: string;
  severity: Severity;
  description: string;
}

export interface ScalarRule extends RuleBase {
  scope: 'scalar';
  /** Roles the rule applies to; all text roles when absent. */
  roles?: readonly TextRole[];
  /** `ctx` is valid during the call only: the driver reuses the object for the next text. */
  check(ctx: ScalarContext): Finding[];
}

export interface FilesRule extends RuleBase {
  scope: 'files';
  check(files: readonly IssueFile[]): NodeFinding[];
}

export type Rule = ScalarRule | FilesRule;
