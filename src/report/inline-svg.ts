import { escapeHtml } from './html-escape.js';

/**
 * Vega's SVG prepared for inlining in HTML: the XML namespace declarations go (the HTML parser
 * puts <svg> in the SVG namespace itself, and the page then holds no "http://" at all), and any
 * id gets a per-chart prefix so that two charts on one page cannot clash.
 */

/** The SVG markup ready to inline, with ids (and their url(#…) / href="#…" uses) prefixed. */
export function inlineSvg(svg: string, prefix: string, label: string): string {
  const renamed = svg
    .replace(/^<\?xml[^>]*>\s*/, '')
    .replace(/\s+xmlns(:\w+)?="[^"]*"/g, '')
    .replace(/\bid="([^"]+)"/g, (_, id: string) => `id="${prefix}-${id}"`)
    .replace(/url\(#([^)]+)\)/g, (_, id: string) => `url(#${prefix}-${id})`)
    .replace(/href="#([^"]+)"/g, (_, id: string) => `href="#${prefix}-${id}"`);
  // role and aria-label make the chart one image to a screen reader, named by its title.
  return renamed.replace(/^<svg\b/, `<svg role="img" aria-label="${escapeHtml(label)}"`);
}
