/**
 * Chart rendering: Vega-Lite spec → SVG (vega, headless `renderer: 'none'`) → PNG (resvg with
 * the DejaVu Sans files shipped by the dejavu-fonts-ttf package, never the system's: the Cloud
 * Functions image has no DejaVu). Both libraries are loaded on first use with dynamic import(),
 * so a run that skips the report never pays for loading them.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import { FONT } from './charts/chart-style.js';
import { vegaTextWidth } from './text-width.js';

type Libraries = {
  vega: typeof import('vega');
  vegaLite: typeof import('vega-lite');
  resvg: typeof import('@resvg/resvg-js');
};
let libraries: Promise<Libraries> | undefined;

function load(): Promise<Libraries> {
  libraries ??= Promise.all([import('vega'), import('vega-lite'), import('@resvg/resvg-js')]).then(([vega, vegaLite, resvg]) => {
    // Vega's documented hook for a text measurer when there is no canvas (as vl-convert does).
    (vega as unknown as { textMetrics: { width: typeof vegaTextWidth } }).textMetrics.width = vegaTextWidth;
    return { vega, vegaLite, resvg };
  });
  return libraries;
}

/**
 * Compiles a Vega-Lite spec to a Vega spec. Throws on any Vega-Lite warning (an unknown field
 * type, a dropped channel…), because a warning means the chart is not what was asked for.
 */
export async function compileSpec(spec: TopLevelSpec): Promise<object> {
  const { vegaLite } = await load();
  const warnings: string[] = [];
  const logger = {
    level: () => logger,
    error: (...a: unknown[]) => {
      warnings.push(a.join(' '));
      return logger;
    },
    warn: (...a: unknown[]) => {
      warnings.push(a.join(' '));
      return logger;
    },
    info: () => logger,
    debug: () => logger,
  };
  const compiled = vegaLite.compile(spec, { logger: logger as never }).spec;
  if (warnings.length > 0) throw new Error(`compileSpec: Vega-Lite warned: ${warnings.join('; ')}`);
  return compiled;
}

/** SVG markup of a Vega-Lite spec. About 100 ms for a 73-point line chart. */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const { vega } = await load();
  const view = new vega.View(vega.parse((await compileSpec(spec)) as never), { renderer: 'none' });
  try {
    return numberClipIds(await view.toSVG());
  } finally {
    view.finalize();
  }
}

/**
 * Vega numbers clip paths from a process-wide counter (`clip9` on the ninth chart drawn), so the
 * same chart would differ byte for byte between runs; renumber them per document, in order
 * (inline-svg.ts then prefixes ids per chart on the page).
 */
export function numberClipIds(svg: string): string {
  const ids = new Map<string, string>();
  return svg.replace(/\bclip(\d+)\b/g, (_, n: string) => {
    if (!ids.has(n)) ids.set(n, `clip${ids.size + 1}`);
    return ids.get(n)!;
  });
}

/**
 * PNG bytes of an SVG at its own size (a chart's width and height in pixels). Drawing at 2× for
 * high-density screens cost 0.3 s and 18 MiB more on the demo's five charts.
 */
export async function svgToPng(svg: string): Promise<Uint8Array> {
  const { resvg } = await load();
  const r = new resvg.Resvg(svg, { background: 'white', font: chartFonts() });
  return new Uint8Array(r.render().asPng());
}

/**
 * resvg's font options: the regular and bold DejaVu Sans files of the dejavu-fonts-ttf package
 * (Bitstream Vera licence, see its LICENSE), and no system fonts, so every machine draws the
 * same glyphs with the widths text-width.ts assumes. Resolved from the installed package, which
 * ships with the function's dependencies.
 */
export function chartFonts(): { loadSystemFonts: false; fontFiles: string[]; defaultFontFamily: string; sansSerifFamily: string } {
  const dir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  const family = FONT.split(',')[0].trim();
  return {
    loadSystemFonts: false,
    fontFiles: [join(dir, 'DejaVuSans.ttf'), join(dir, 'DejaVuSans-Bold.ttf')],
    defaultFontFamily: family,
    sansSerifFamily: family,
  };
}
