/**
 * Page frames → PDF bytes, through pdfkit (the only module that imports it). Nothing is
 * measured here: every glyph is drawn where the composer placed it and every rule where the
 * layout put it. Print-ready by construction: DeviceCMYK colours only, fonts embedded and
 * subset, TrimBox on every page (BleedBox and crop marks on request), and no clock or random
 * input, so the same frames give the same bytes.
 */
import { createRequire } from 'node:module';
import type PDFKitDocument from 'pdfkit';
import { deferModules, requirerOf } from '../defer-modules.js';
import type { FontHandle } from '../font/types.js';
import type { Cmyk } from '../style/units.js';
import type { LaidOutDocument, PageFrame, RuleItem, TextItem } from '../layout/types.js';
import { DeflateAhead } from './deflate-ahead.js';
import { type PdfFont, addContentBytes, addRegistrationColor, embedFont, plainDestinationOrder, setOutlineDestination, setPageBoxes } from './pdfkit-private.js';

// The CommonJS build: it shares the fontkit instance font/load.ts uses, so fonts parse once.
const require = createRequire(import.meta.url);
type PDFDocumentCtor = new (options: Record<string, unknown>) => InstanceType<typeof PDFKitDocument>;

export interface RenderOptions {
  /** `bulletin VERSION`, written as Creator and Producer. */
  creator: string;
  /** Bleed on each side, pt (0: MediaBox = TrimBox). */
  bleed?: number;
  /** Crop marks outside the trim, in registration colour. */
  marks?: boolean;
  /** Deflate content streams (default true; tests turn it off to read them). */
  compress?: boolean;
  /**
   * Deflate the large streams on the thread pool while the pages are drawn (render/deflate-ahead.ts;
   * default true). A build session turns it off: it keeps the deflated streams of its last build.
   */
  deflateAhead?: boolean;
}

/** How far crop marks stay off the trim edge, and how long they are. */
const MARK_OFFSET = (3 * 72) / 25.4;
const MARK_LENGTH = (5 * 72) / 25.4;
const MARK_WEIGHT = 0.25;

const fmt = (n: number): string => {
  const r = Math.round(n * 1000) / 1000;
  return Object.is(r, -0) ? '0' : String(r);
};

const cmyk = (c: Cmyk): string => c.map((v) => fmt(v / 100)).join(' ');

export async function renderPdf(document: LaidOutDocument, options: RenderOptions): Promise<Buffer> {
  // AES is for encrypted PDFs and png-js for PNG images, neither of which we write.
  deferModules(requirerOf('pdfkit', require.resolve), ['@noble/ciphers/aes', 'png-js']);
  const PDFDocument = require('pdfkit') as PDFDocumentCtor;
  const bleed = Math.max(0, options.bleed ?? 0);
  // The media grows by the bleed, and by room for the marks when they are drawn.
  const margin = options.marks ? Math.max(bleed, MARK_OFFSET) + MARK_LENGTH + 2 : bleed;
  const mediaWidth = document.width + 2 * margin;
  const mediaHeight = document.height + 2 * margin;
  const meta = document.meta;
  const doc = new PDFDocument({
    autoFirstPage: false,
    compress: options.compress ?? true,
    pdfVersion: '1.7',
    lang: meta.lang,
    displayTitle: true,
    // No default Helvetica: nothing but our own fonts goes into the file.
    font: null,
    info: {
      Title: meta.title,
      Author: meta.author,
      Subject: meta.subject,
      Keywords: meta.keywords,
      Creator: options.creator,
      Producer: options.creator,
      CreationDate: meta.date,
      ModDate: meta.date,
    },
  });
  plainDestinationOrder(doc);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const fonts = new Map<FontHandle, PdfFont>();
  const fontFor = (handle: FontHandle): PdfFont => {
    let f = fonts.get(handle);
    if (!f) {
      f = embedFont(doc, `bf${fonts.size + 1}`, handle);
      fonts.set(handle, f);
    }
    return f;
  };
  /** Page coordinates (y down from the trim's top-left) → PDF user space. */
  const X = (x: number) => margin + x;
  const Y = (y: number) => mediaHeight - (margin + y);

  // Every glyph into its font's subset first, in the order the pages draw them (the order that
  // numbers the subset), so that each font program can be written now and the large ones
  // deflated on the thread pool while the pages are drawn.
  const ahead = (options.compress ?? true) && options.deflateAhead !== false ? new DeflateAhead() : undefined;
  if (ahead) {
    for (const page of document.pages) {
      for (const item of page.items) if (item.kind === 'text') includeGlyphs(item, fontFor);
    }
    for (const f of fonts.values()) void ahead.add(f.program());
  }
  const stopServing = ahead?.serve();
  try {
    const outlineTargets = new Set<string>();
    for (const page of document.pages) {
      doc.addPage({ size: [mediaWidth, mediaHeight], margin: 0 });
      const trim = [margin, margin, margin + document.width, margin + document.height];
      const boxes: Record<string, number[]> = { TrimBox: trim };
      if (bleed > 0 || options.marks) boxes.BleedBox = [margin - bleed, margin - bleed, margin + document.width + bleed, margin + document.height + bleed];
      setPageBoxes(doc, boxes);
      const ops: string[] = [];
      // pdfkit starts each page with a y-flip; undo it so our operators use PDF's own space.
      ops.push(`q 1 0 0 -1 0 ${fmt(mediaHeight)} cm`);
      for (const item of page.items) {
        if (item.kind === 'text') ops.push(textOps(item, fontFor, X, Y));
        else ops.push(ruleOps(item, X, Y));
      }
      if (options.marks) {
        addRegistrationColor(doc, 'CSReg');
        ops.push(cropMarks(margin, document.width, document.height, Math.max(bleed, MARK_OFFSET), mediaHeight));
      }
      ops.push('Q');
      addContentBytes(doc, ops.join('\n'));
      for (const anchor of page.anchors) {
        doc.addNamedDestination(anchor.id, 'XYZ', X(0), margin + anchor.y, null);
        outlineTargets.add(anchor.id);
      }
      linkAreas(doc, page, margin);
    }

    for (const section of document.outline) {
      if (!outlineTargets.has(section.target)) continue;
      const item = doc.outline.addItem(section.title, { expanded: true });
      setOutlineDestination(item, section.target);
      for (const child of section.children) {
        if (!outlineTargets.has(child.target)) continue;
        setOutlineDestination(item.addItem(child.title), child.target);
      }
    }
    await ahead?.settled();
    doc.end();
  } finally {
    stopServing?.();
  }
  return done;
}

/** Take a text item's glyphs into their fonts' subsets, in the order textOps draws them. */
function includeGlyphs(item: TextItem, fontFor: (h: FontHandle) => PdfFont): void {
  for (const run of item.line.runs) {
    const n = run.length;
    if (n === 0) continue;
    const font = fontFor(run.font);
    for (let i = 0; i < n; i++) font.include(run.idAt(i), run, i);
  }
}

function textOps(item: TextItem, fontFor: (h: FontHandle) => PdfFont, X: (x: number) => number, Y: (y: number) => number): string {
  const out: string[] = [`${cmyk(item.color)} k`, 'BT'];
  const y = fmt(Y(item.y));
  for (const run of item.line.runs) {
    const n = run.length;
    if (n === 0) continue;
    const font = fontFor(run.font);
    font.useOnPage();
    const size = run.size;
    const xs = run.xs;
    out.push(`/${font.id} ${fmt(size)} Tf`);
    out.push(`1 0 0 1 ${fmt(X(item.x + xs[0]))} ${y} Tm`);
    // Pen position in text space as a viewer computes it, so rounding never accumulates.
    let pen = xs[0];
    const parts: string[] = [];
    for (let i = 0; i < n; i++) {
      if (i > 0) {
        const adjust = Math.round(((pen - xs[i]) * 1000) / size * 100) / 100;
        if (adjust !== 0) parts.push(fmt(adjust));
        pen -= (adjust * size) / 1000;
      }
      const gid = font.include(run.idAt(i), run, i);
      parts.push(font.code(gid));
      pen += (font.width(gid) * size) / 1000;
    }
    out.push(`[${parts.join(' ')}] TJ`);
  }
  out.push('ET');
  return out.join('\n');
}

function ruleOps(item: RuleItem, X: (x: number) => number, Y: (y: number) => number): string {
  const y = fmt(Y(item.y));
  return `${cmyk(item.color)} K ${fmt(item.weight)} w ${fmt(X(item.x))} ${y} m ${fmt(X(item.x + item.width))} ${y} l S`;
}

/** Eight marks, two per corner, on the trim lines extended, starting `offset` outside the trim. */
function cropMarks(margin: number, width: number, height: number, offset: number, mediaHeight: number): string {
  const ops = ['q', '/CSReg CS 1 SCN', `${fmt(MARK_WEIGHT)} w`];
  const left = margin;
  const right = margin + width;
  const bottom = mediaHeight - margin - height;
  const top = mediaHeight - margin;
  for (const x of [left, right]) {
    for (const y of [bottom, top]) {
      const dx = x === left ? -1 : 1;
      const dy = y === bottom ? -1 : 1;
      ops.push(`${fmt(x + dx * offset)} ${fmt(y)} m ${fmt(x + dx * (offset + MARK_LENGTH))} ${fmt(y)} l S`);
      ops.push(`${fmt(x)} ${fmt(y + dy * offset)} m ${fmt(x)} ${fmt(y + dy * (offset + MARK_LENGTH))} l S`);
    }
  }
  ops.push('Q');
  return ops.join('\n');
}

function linkAreas(doc: InstanceType<typeof PDFKitDocument>, page: PageFrame, margin: number): void {
  for (const link of page.links) {
    // pdfkit's goTo takes y down from the media top, as our frames do (plus the margin).
    (doc as unknown as { goTo(x: number, y: number, w: number, h: number, name: string): void })
      .goTo(margin + link.x, margin + link.y, link.width, link.height, link.target);
  }
}
