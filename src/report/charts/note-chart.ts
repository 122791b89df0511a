/** A placeholder chart that only says why its section is empty, so every PNG file exists. */
import type { TopLevelSpec } from 'vega-lite';
import { chartFrame } from './chart-style.js';

/** A small white chart with the section title and the note as its only text. */
export function noteChart(title: string, note: string): TopLevelSpec {
  return {
    ...chartFrame(title, undefined, 120),
    data: { values: [{ note }] },
    mark: { type: 'text', fontSize: 13, color: '#555555' },
    encoding: { text: { field: 'note' } },
  } as never;
}
