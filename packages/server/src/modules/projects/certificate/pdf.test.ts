import { describe, expect, it } from "vitest";
import { MISSING_GLYPH, withMissingGlyphsMarked } from "./pdf.js";

describe("characters the certificate font lacks", () => {
  // A stand-in font that has everything below the supplementary planes.
  const bmpOnly = (cp: number) => cp <= 0xffff;

  it("are printed as 〓, one mark per character, surrogate pairs included", () => {
    expect(withMissingGlyphsMarked("长河街道𠀀某路2号", bmpOnly)).toBe(`长河街道${MISSING_GLYPH}某路2号`);
    expect(withMissingGlyphsMarked("😀😀", bmpOnly)).toBe("〓〓");
  });

  it("leave covered text and whitespace as they are", () => {
    expect(withMissingGlyphsMarked("浙江省 杭州市\n西湖区", bmpOnly)).toBe("浙江省 杭州市\n西湖区");
    expect(withMissingGlyphsMarked("", () => false)).toBe("");
    expect(withMissingGlyphsMarked("a b", () => false)).toBe("〓 〓");
  });
});
