/**
 * The look shared by every chart: fixed size, white background, DejaVu Sans (the files resvg
 * reads ship with the dejavu-fonts-ttf package; Liberation and sans-serif as fallbacks for browsers), titles
 * anchored left, labels that never overlap.
 */
import type { Freq } from '../../frame/freq.js';

/** Size of the plotting area; titles, axes and the legend come on top (about 720 × 360 in all). */
export const CHART_WIDTH = 640;
export const CHART_HEIGHT = 260;
export const FONT = 'DejaVu Sans, Liberation Sans, Arial, Helvetica, sans-serif';

/** Colours with enough contrast on white (Tableau 10). */
export const COLOURS = {
  actual: '#222222',
  model: '#4c78a8',
  forecast: '#e45756',
  naive: '#9d9d9d',
  positive: '#4c78a8',
  negative: '#e45756',
  kept: '#9ab1c9',
  removed: '#d62728',
  modelBand: '#c6d6e8',
  shade: '#eeeeee',
} as const;

/** Fill colours for `k` nested interval bands, widest (lightest) first. */
export function bandShades(k: number): string[] {
  const shades = ['#fde8e8', '#fbd3d3', '#f6b8b8', '#f09c9c'];
  return shades.slice(Math.max(0, shades.length - k));
}

/** Top-level properties of every chart: size, background, title and config. */
export function chartFrame(title: string, subtitle?: string, height = CHART_HEIGHT) {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: CHART_WIDTH,
    height,
    autosize: { type: 'pad' },
    padding: 12,
    background: 'white',
    title: { text: title, subtitle, anchor: 'start', offset: 12 },
    config: {
      font: FONT,
      view: { stroke: null },
      title: { fontSize: 15, fontWeight: 'bold', subtitleFontSize: 12, subtitleColor: '#555555', color: '#222222' },
      axis: {
        labelFontSize: 11,
        titleFontSize: 12,
        titleFontWeight: 'normal',
        titleColor: '#333333',
        labelColor: '#333333',
        gridColor: '#e6e6e6',
        domainColor: '#888888',
        tickColor: '#888888',
        labelOverlap: true,
        labelLimit: 220,
      },
      legend: {
        orient: 'top',
        direction: 'horizontal',
        labelFontSize: 11,
        titleFontSize: 11,
        titleFontWeight: 'normal',
        titleOrient: 'left',
        labelLimit: 260,
        symbolSize: 90,
      },
    },
  } as const;
}

/** Name of one period of a frequency, for axis titles. */
export function periodWord(freq: Freq): string {
  return freq === 'W-SUN' ? 'week' : freq === 'MS' ? 'month' : 'day';
}

/** "80 %" for 0.8. */
export function percent(level: number): string {
  return `${Math.round(level * 1000) / 10} %`;
}

/** "80 % interval" for 0.8. */
export function levelLabel(level: number): string {
  return `${percent(level)} interval`;
}

/** "80 % and 95 %" for [0.8, 0.95]. */
export function levelsText(levels: readonly number[]): string {
  const p = levels.map(percent);
  return p.length <= 1 ? p.join('') : `${p.slice(0, -1).join(', ')} and ${p[p.length - 1]}`;
}

/** `yyyy-mm-dd` → days since epoch. */
function days(iso: string): number {
  return Date.parse(iso) / 86_400_000;
}

/**
 * A UTC time x axis over `dates`: "%b %Y" month ticks over long spans, "%d %b %Y" over short
 * ones, so a label never repeats and labels never overlap.
 */
export function timeX(field: string, dates: readonly string[], freq: Freq, title?: string) {
  const span = dates.length === 0 ? 0 : Math.max(...dates.map(days)) - Math.min(...dates.map(days));
  const long = span > 200;
  return {
    field,
    type: 'temporal',
    scale: { type: 'utc' },
    title: title ?? (freq === 'W-SUN' ? 'week (ending Sunday)' : periodWord(freq)),
    axis: {
      format: long ? '%b %Y' : '%d %b %Y',
      tickCount: long ? { interval: 'month', step: span > 900 ? 6 : span > 450 ? 3 : 1 } : 6,
      labelOverlap: 'greedy',
      labelFlush: true,
      grid: true,
    },
  } as const;
}

/** The y axis of values of the target column. */
export function valueY(field: string, target: string, title?: string) {
  return { field, type: 'quantitative', scale: { zero: false }, title: title ?? `${target} (value)` } as const;
}
