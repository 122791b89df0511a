import { createHash } from 'node:crypto';
import type { PipelineConfig } from './config.js';

const key = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);

/** What determines the merged table: the sources, the calendar and the fill. */
export function mergeKey(c: PipelineConfig): string {
  return key({ sources: c.sources, freq: c.freq, start: c.start ?? null, end: c.end ?? null, fill: c.fill ?? null });
}

/** What determines every target's result given the merged table: the targets and the engine's options. */
export function trainKey(c: PipelineConfig): string {
  return key({
    merge: mergeKey(c),
    targets: c.targets,
    horizon: c.horizon,
    levels: c.levels,
    metric: c.metric,
    folds: c.folds,
    candidates: c.candidates ?? null,
  });
}
