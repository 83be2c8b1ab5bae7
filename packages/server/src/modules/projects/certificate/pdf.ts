import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import PDFDocument from "pdfkit";
import type { Certificate } from "./particulars.js";

/**
 * The 备案证明 as an A4 PDF (pdfkit). The Chinese font is Noto Sans Hans (Noto Sans CJK SC, GB 2312 and more,
 * OFL-1.1) from the npm package @embedpdf/fonts-sc, so that the certificate renders the same on any machine
 * after `npm ci`, without system fonts; pdfkit embeds only the glyphs used (a subset), which keeps the file
 * small. See FONT-LICENSE.md beside this file.
 */

const require = createRequire(import.meta.url);

/** The package's only export is its font list; the files lie in fonts/ beside dist/. */
function fontFile(name: string): string {
  return join(dirname(require.resolve("@embedpdf/fonts-sc")), "..", "fonts", name);
}

let fonts: { regular: Buffer; bold: Buffer } | undefined;
/** Read once (about 8 MB each) and kept: pdfkit parses a font lazily, so each document costs little. */
function certificateFonts() {
  fonts ??= {
    regular: readFileSync(fontFile("NotoSansHans-Regular.otf")),
    bold: readFileSync(fontFile("NotoSansHans-Bold.otf")),
  };
  return fonts;
}

const PT_PER_MM = 72 / 25.4;
const MARGIN = 20 * PT_PER_MM;
const QR_SIZE = 28 * PT_PER_MM;
const LABEL_WIDTH = 36 * PT_PER_MM;
const CELL_PADDING = 5;
const BODY_SIZE = 10.5;
const LINE_GAP = 2;
const RULE = "#555555";
const MUTED = "#555555";
/** A row that would start with less room than this (about three lines) goes to the next page instead. */
const MIN_ROW_START = 3 * (BODY_SIZE + LINE_GAP) + 2 * CELL_PADDING;

/** 〓 (U+3013) stands for a character the font lacks, as in Chinese typesetting (缺字符号): visible, never blank. */
export const MISSING_GLYPH = "〓";

/**
 * `text` with every character that `hasGlyph` rejects replaced by 〓. The font covers all of GB 2312, the CJK
 * Unified Ideographs block and Extension A; what remains are rare ideographs of Extension B and beyond, and emoji,
 * which would otherwise print as blanks and extract as spaces.
 */
export function withMissingGlyphsMarked(text: string, hasGlyph: (codePoint: number) => boolean): string {
  let out = "";
  for (const ch of text) out += /\s/.test(ch) || hasGlyph(ch.codePointAt(0)!) ? ch : MISSING_GLYPH;
  return out;
}

/** The glyph test of the current font: pdfkit keeps the fontkit font of an embedded font as `_font.font`. */
function currentFontHasGlyph(doc: PDFKit.PDFDocument): (codePoint: number) => boolean {
  const font = (doc as unknown as { _font?: { font?: { hasGlyphForCodePoint?(cp: number): boolean } } })._font?.font;
  if (typeof font?.hasGlyphForCodePoint !== "function") throw new Error("pdfkit no longer exposes the font's glyph coverage");
  return (cp) => font.hasGlyphForCodePoint!(cp);
}

export interface RenderOptions {
  /** PNG of the QR label of the project's public page. */
  qrPng: Buffer;
  /** The document's creation time (the business clock), stored in its metadata. */
  createdAt: Date;
}

/** The longest prefix of `text` whose wrapped height stays within `height` (binary search on characters). */
function fittingPrefix(doc: PDFKit.PDFDocument, text: string, width: number, height: number): number {
  const chars = Array.from(text);
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (doc.heightOfString(chars.slice(0, mid).join(""), { width, lineGap: LINE_GAP }) <= height) lo = mid;
    else hi = mid - 1;
  }
  // Prefer to break after a line break or a space rather than inside a word.
  const head = chars.slice(0, lo).join("");
  const soft = Math.max(head.lastIndexOf("\n"), head.lastIndexOf(" "));
  const cut = soft > head.length / 2 && lo < chars.length ? Array.from(head.slice(0, soft + 1)).length : lo;
  return Math.max(cut, 1);
}

export function renderFilingCertificate(given: Certificate, options: RenderOptions): Promise<Buffer> {
  const { regular, bold } = certificateFonts();
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    lang: "zh-CN",
    displayTitle: true,
    info: {
      Title: `${given.title}（${given.code}）`,
      Author: given.authority,
      Creator: given.authority,
      Subject: given.title,
      CreationDate: options.createdAt,
    },
  });
  const done = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  doc.registerFont("regular", regular);
  doc.registerFont("bold", bold);
  // Labels and headings are ours; what the unit typed is printed in the regular weight, so its coverage decides.
  const hasGlyph = currentFontHasGlyph(doc.font("regular"));
  const mark = (text: string) => withMissingGlyphsMarked(text, hasGlyph);
  const cert: Certificate = {
    ...given,
    rows: given.rows.map((r) => ({ label: r.label, value: mark(r.value) })),
    authority: mark(given.authority),
  };

  const left = MARGIN;
  const width = doc.page.width - 2 * MARGIN;
  const bottom = () => doc.page.height - MARGIN;

  // Heading: the platform, the title, then the code large with the QR label beside it.
  doc.font("regular").fontSize(10).fillColor(MUTED).text(cert.authority, left, MARGIN, { width, align: "center" });
  doc.moveDown(0.6);
  doc.font("bold").fontSize(22).fillColor("black").text(cert.title, { width, align: "center", characterSpacing: 2 });
  const headTop = doc.y + 16;
  doc.image(options.qrPng, left + width - QR_SIZE, headTop, { width: QR_SIZE, height: QR_SIZE });
  doc
    .font("regular")
    .fontSize(8)
    .fillColor(MUTED)
    .text("扫码查询核验", left + width - QR_SIZE, headTop + QR_SIZE + 2, { width: QR_SIZE, align: "center" });
  doc.font("regular").fontSize(10.5).fillColor(MUTED).text("项目代码", left, headTop + 14, { width: width - QR_SIZE - 12 });
  doc.font("bold").fontSize(20).fillColor("black").text(cert.code, left, doc.y + 4, { width: width - QR_SIZE - 12 });
  let y = Math.max(doc.y, headTop + QR_SIZE + 14) + 14;

  // The particulars: a two-column ruled table; a row too long for the page continues on the next one.
  const valueX = left + LABEL_WIDTH;
  const textWidth = (w: number) => w - 2 * CELL_PADDING;
  const valueWidth = width - LABEL_WIDTH;
  doc.fontSize(BODY_SIZE).fillColor("black").lineWidth(0.6).strokeColor(RULE);
  const drawRow = (label: string, value: string, top: number, height: number) => {
    doc.rect(left, top, LABEL_WIDTH, height).stroke();
    doc.rect(valueX, top, valueWidth, height).stroke();
    doc.font("bold").text(label, left + CELL_PADDING, top + CELL_PADDING, { width: textWidth(LABEL_WIDTH), lineGap: LINE_GAP });
    doc.font("regular").text(value, valueX + CELL_PADDING, top + CELL_PADDING, { width: textWidth(valueWidth), lineGap: LINE_GAP });
  };
  for (const row of cert.rows) {
    let label = row.label;
    let rest = row.value;
    while (rest.length > 0) {
      doc.font("regular");
      const need = doc.heightOfString(rest, { width: textWidth(valueWidth), lineGap: LINE_GAP }) + 2 * CELL_PADDING;
      doc.font("bold");
      const labelNeed = doc.heightOfString(label, { width: textWidth(LABEL_WIDTH), lineGap: LINE_GAP }) + 2 * CELL_PADDING;
      const room = bottom() - y;
      if (Math.max(need, labelNeed) <= room) {
        const h = Math.max(need, labelNeed);
        drawRow(label, rest, y, h);
        y += h;
        break;
      }
      if (room < MIN_ROW_START || need <= bottom() - MARGIN) {
        doc.addPage();
        y = MARGIN;
        continue;
      }
      // Longer than what is left of the page: fill it, and carry the rest over.
      doc.font("regular");
      const n = fittingPrefix(doc, rest, textWidth(valueWidth), room - 2 * CELL_PADDING);
      const chars = Array.from(rest);
      drawRow(label, chars.slice(0, n).join("").trimEnd(), y, room);
      rest = chars.slice(n).join("").trimStart();
      label = `${row.label}（续）`;
      doc.addPage();
      y = MARGIN;
    }
  }

  // Closing: the note, where to verify, and the filing platform with the date, as a document is signed.
  const verifyAt = `查询网址：${cert.publicUrl}`;
  doc.font("regular").fontSize(9);
  const noteHeight = doc.heightOfString(cert.note, { width }) + doc.heightOfString(verifyAt, { width });
  doc.fontSize(12);
  const signHeight = 2 * doc.heightOfString(cert.authority, { width });
  if (y + 12 + noteHeight + 18 + signHeight > bottom()) {
    doc.addPage();
    y = MARGIN;
  }
  doc.font("regular").fontSize(9).fillColor(MUTED).text(cert.note, left, y + 12, { width });
  doc.text(verifyAt, { width, link: cert.publicUrl });
  doc.fontSize(12).fillColor("black").text(cert.authority, left, doc.y + 18, { width, align: "right" });
  doc.text(cert.filedOn, { width, align: "right" });

  // Footer on every page: the code and the page number, so that loose pages stay together.
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const footY = doc.page.height - MARGIN + 12;
    doc.page.margins.bottom = 0;
    doc
      .font("regular")
      .fontSize(8)
      .fillColor(MUTED)
      .text(`项目代码 ${cert.code}    第 ${i - start + 1} 页 共 ${count} 页`, left, footY, { width, align: "center", lineBreak: false });
    doc.page.margins.bottom = MARGIN;
  }
  doc.end();
  return done;
}
