import QRCode from "qrcode";
import { describe, expect, it } from "vitest";
import { LABEL_WIDTH_PX, projectPublicUrl, qrPng, qrSvg } from "./label.js";

const CODE = "2601-330106-02-01-12345X";
const URL_A = projectPublicUrl("https://tzxm.zj.gov.cn", CODE);
const URL_B = projectPublicUrl("https://tzxm.zj.gov.cn", "2601-330106-02-01-54321X");
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * Reads the dark modules back out of the SVG that qrcode draws: one stroked path of `M x y` / `m dx dy` moves
 * and `h n` runs along the module rows (y is a row's centre, hence the floor).
 */
function darkModules(svg: string): { side: number; dark: Set<string> } {
  const side = Number(/viewBox="0 0 (\d+) \1"/.exec(svg)?.[1]);
  const d = /<path stroke="[^"]+" d="([^"]+)"/.exec(svg)?.[1] ?? "";
  const dark = new Set<string>();
  let x = 0;
  let y = 0;
  for (const [, op, a, b] of d.matchAll(/([MmHhVv])(-?[\d.]+)(?: (-?[\d.]+))?/g)) {
    const p = Number(a);
    const q = Number(b ?? 0);
    if (op === "M") [x, y] = [p, q];
    else if (op === "m") [x, y] = [x + p, y + q];
    else if (op === "h") {
      for (let i = 0; i < p; i++) dark.add(`${x + i},${Math.floor(y)}`);
      x += p;
    } else throw new Error(`unexpected path command ${op}`);
  }
  return { side, dark };
}

describe("project code labels", () => {
  it("points at the project's portal page under the public base address", () => {
    expect(URL_A).toBe(`https://tzxm.zj.gov.cn/projects/${CODE}`);
    expect(projectPublicUrl("https://tzxm.zj.gov.cn/", CODE)).toBe(URL_A);
  });

  it("draws an SVG document whose path holds exactly the level-M symbol of the URL, with a 4-module quiet zone", async () => {
    const svg = await qrSvg(URL_A);
    expect(svg.trimStart()).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg.trimEnd()).toMatch(/<\/svg>$/);
    expect(svg).toContain(`width="${LABEL_WIDTH_PX}"`);
    expect(svg).toMatch(/<path [^>]*d="M[\d. ]+h\d/);

    const symbol = QRCode.create(URL_A, { errorCorrectionLevel: "M" });
    const { size, data } = symbol.modules;
    const { side, dark } = darkModules(svg);
    expect(side).toBe(size + 8);
    const expected = new Set<string>();
    for (let row = 0; row < size; row++) {
      for (let col = 0; col < size; col++) if (data[row * size + col]) expected.add(`${col + 4},${row + 4}`);
    }
    expect(dark.size).toBeGreaterThan(0);
    expect(dark).toEqual(expected);
    // A level-L symbol of the same text differs: the level is really M.
    const low = QRCode.create(URL_A, { errorCorrectionLevel: "L" });
    expect(Buffer.from(low.modules.data).equals(Buffer.from(data))).toBe(false);
  });

  it("draws a PNG of the label width", async () => {
    const png = await qrPng(URL_A);
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    // IHDR is the first chunk: width and height are the big-endian words at bytes 16 and 20.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([LABEL_WIDTH_PX, LABEL_WIDTH_PX]);
  });

  it("gives different URLs different images", async () => {
    expect(await qrSvg(URL_A)).not.toBe(await qrSvg(URL_B));
    expect((await qrPng(URL_A)).equals(await qrPng(URL_B))).toBe(false);
    expect(await qrSvg(URL_A)).toBe(await qrSvg(URL_A));
  });
});
