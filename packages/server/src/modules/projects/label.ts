import QRCode from "qrcode";

/**
 * 项目代码标识 (code label): a QR symbol of the project's public page, so that the code shown with the project
 * name (Art. 13) leads anyone who scans it to the project's public record (Art. 18).
 *
 * Error-correction level M (about 15 % of the symbol may be lost) is the usual choice for printed labels: it
 * survives a scuffed site board without making the symbol much denser than level L. The quiet zone is the four
 * modules ISO/IEC 18004 asks for around the symbol.
 */
const SYMBOL = { errorCorrectionLevel: "M", margin: 4 } as const;
/** Pixel width of the PNG and the nominal width of the SVG: legible on screen, printable at about 2.5 cm. */
export const LABEL_WIDTH_PX = 300;

/** The portal page of a project (`baseUrl` is PUBLIC_BASE_URL; a trailing slash is tolerated). */
export function projectPublicUrl(baseUrl: string, code: string): string {
  return `${baseUrl.replace(/\/+$/, "")}/projects/${encodeURIComponent(code)}`;
}

export function qrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { ...SYMBOL, type: "svg", width: LABEL_WIDTH_PX });
}

export function qrPng(url: string): Promise<Buffer> {
  return QRCode.toBuffer(url, { ...SYMBOL, type: "png", width: LABEL_WIDTH_PX });
}
