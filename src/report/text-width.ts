/**
 * Text widths in DejaVu Sans, the font the PNGs are drawn with. Vega in Node has no canvas to
 * measure text and guesses 0.8 em per character, which makes legends and titles reserve far
 * too much room and truncates labels early. These advance widths (in em, for ASCII 32…126)
 * were measured with resvg on fonts-dejavu-core's DejaVuSans.ttf and DejaVuSans-Bold.ttf.
 */

const NORMAL = [
  0.32, 0.4, 0.46, 0.84, 0.64, 0.95, 0.78, 0.27, 0.39, 0.39, 0.5, 0.84, 0.32, 0.36, 0.32, 0.34, 0.64, 0.64, 0.64, 0.64, 0.64, 0.64, 0.64, 0.64, 0.64, 0.64,
  0.34, 0.34, 0.84, 0.84, 0.84, 0.53, 1, 0.71, 0.69, 0.7, 0.77, 0.63, 0.58, 0.77, 0.75, 0.29, 0.29, 0.66, 0.56, 0.86, 0.75, 0.79, 0.6, 0.79, 0.69, 0.63, 0.6,
  0.73, 0.68, 0.99, 0.69, 0.61, 0.69, 0.39, 0.34, 0.39, 0.84, 0.5, 0.5, 0.61, 0.63, 0.55, 0.63, 0.62, 0.34, 0.63, 0.63, 0.28, 0.28, 0.58, 0.28, 0.97, 0.63,
  0.61, 0.63, 0.63, 0.4, 0.52, 0.39, 0.63, 0.59, 0.82, 0.59, 0.59, 0.52, 0.64, 0.34, 0.64, 0.84,
];
const BOLD = [
  0.35, 0.46, 0.52, 0.84, 0.7, 1, 0.87, 0.31, 0.46, 0.46, 0.52, 0.84, 0.38, 0.42, 0.38, 0.37, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.4, 0.4, 0.84,
  0.84, 0.84, 0.58, 1, 0.77, 0.76, 0.73, 0.83, 0.68, 0.68, 0.82, 0.84, 0.37, 0.37, 0.77, 0.64, 1, 0.84, 0.85, 0.73, 0.85, 0.77, 0.68, 0.7, 0.81, 0.77, 1.1,
  0.77, 0.72, 0.73, 0.46, 0.37, 0.46, 0.84, 0.5, 0.5, 0.67, 0.72, 0.59, 0.72, 0.68, 0.41, 0.72, 0.71, 0.34, 0.34, 0.67, 0.34, 1.04, 0.71, 0.69, 0.72, 0.72,
  0.49, 0.6, 0.48, 0.71, 0.65, 0.92, 0.65, 0.65, 0.58, 0.71, 0.37, 0.71, 0.84,
];
/** Non-ASCII characters other than accented letters (e.g. "…", "–", "±"): a generous guess. */
const WIDE = 1;

/**
 * Width in pixels of `text` at `fontSize` px. Accented letters count as their base letter
 * (NFD, combining marks dropped). O(length). @example textWidth('10', 10) === 12.8
 */
export function textWidth(text: string, fontSize: number, bold = false): number {
  const table = bold ? BOLD : NORMAL;
  let em = 0;
  for (const ch of text.normalize('NFD')) {
    const c = ch.codePointAt(0) ?? 32;
    if (c >= 0x300 && c < 0x370) continue;
    em += c >= 32 && c < 127 ? table[c - 32] : WIDE;
  }
  return em * fontSize;
}

/** The subset of a Vega text item that sizes it. */
interface TextItem {
  fontSize?: number | string;
  fontWeight?: number | string;
  limit?: number;
}

/**
 * A replacement for vega's `textMetrics.width(item, text)`. Like vega's own estimate it trims
 * the text and respects the item's `limit` (text past it is truncated, so never wider).
 */
export function vegaTextWidth(item: TextItem, text: unknown): number {
  const t = text === null || text === undefined ? '' : String(text).trim();
  const size = item.fontSize === undefined || item.fontSize === null ? 11 : Number(item.fontSize) || 0;
  const weight = item.fontWeight;
  const bold = weight === 'bold' || weight === 'bolder' || (typeof weight === 'number' && weight >= 600) || Number(weight) >= 600;
  const w = textWidth(t, size, bold);
  return item.limit !== undefined && item.limit > 0 ? Math.min(w, item.limit) : w;
}
