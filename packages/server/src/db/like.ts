/** LIKE treats `%`, `_` and the escape character as wildcards: what people type is matched literally. */
export function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
