/**
 * What pagination hands the renderer: pages of positioned lines and rules, plus link areas,
 * named destinations and the outline. Pure data in points, y measured down from the top edge of
 * the trimmed page (as pdfkit's own API does); the renderer adds bleed offsets and flips y.
 */
import type { ComposedLine } from '../compose/types.js';
import type { DocumentMeta as StyledMeta } from '../style/model.js';
import type { Cmyk } from '../style/units.js';

/** A composed line drawn with its measure's left edge at x and its baseline at y. */
export interface TextItem {
  kind: 'text';
  x: number;
  y: number;
  line: ComposedLine;
  color: Cmyk;
  /** Where the text was written in the issue file (a path into its data), when it comes from it. */
  source?: (string | number)[];
}

/** A horizontal rule; y is the centre of the stroke. */
export interface RuleItem {
  kind: 'rule';
  x: number;
  y: number;
  width: number;
  weight: number;
  color: Cmyk;
}

export type FrameItem = TextItem | RuleItem;

/** A clickable area (top-left corner, width, height) that jumps to a named destination. */
export interface LinkArea {
  x: number;
  y: number;
  width: number;
  height: number;
  target: string;
}

/** A named destination: the top of a block. */
export interface Anchor {
  id: string;
  y: number;
}

export interface PageFrame {
  /** 1-based page number, as printed in the folio. */
  number: number;
  items: FrameItem[];
  links: LinkArea[];
  anchors: Anchor[];
}

export interface OutlineEntry {
  title: string;
  target: string;
  children: OutlineEntry[];
}

/** The styled document's metadata, with the date the PDF gives as made. */
export interface DocumentMeta extends StyledMeta {
  /** CreationDate and ModDate. */
  date: Date;
}

export interface LaidOutDocument {
  width: number;
  height: number;
  pages: PageFrame[];
  outline: OutlineEntry[];
  meta: DocumentMeta;
}
