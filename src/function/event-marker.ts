import { createHash } from 'node:crypto';
import type { IoContext } from '../io/context.js';
import { subFolder, type Folder } from '../io/uri.js';

/**
 * Where the marker of a handled CloudEvent lives: FORECAST_EVENT_MARKERS (a gs:// prefix), or
 * `<outDir>/_events` when the out dir is a gs:// prefix; null (no dedup by id) otherwise.
 * The object name is the event id when it is safe, else its hash.
 */
export function markerUri(ctx: IoContext, outDir: Folder | undefined, eventId: string): string | null {
  const base = ctx.settings.eventMarkers ?? (outDir?.kind === 'gs' ? subFolder(outDir, '_events').text : undefined);
  if (!base) return null;
  const name = /^[A-Za-z0-9._-]{1,200}$/.test(eventId) ? eventId : createHash('sha256').update(eventId).digest('hex');
  return `${base.replace(/\/+$/, '')}/${name}`;
}

/** True when an earlier delivery of this event already finished a run. */
export async function eventAlreadyHandled(uri: string, ctx: IoContext): Promise<boolean> {
  const { parseGsUri } = await import('../io/uri.js');
  const { statGcsObject } = await import('../io/gcs.js');
  return (await statGcsObject(parseGsUri(uri, 'event marker'), ctx)) !== null;
}

/**
 * Record that this event finished (create-only, `ifGenerationMatch: 0`). Written after the run
 * so a failed run is retried on redelivery; a concurrent duplicate that also ran is harmless
 * because publishing is idempotent per run week.
 */
export async function markEventHandled(uri: string, ctx: IoContext, body: Record<string, unknown>): Promise<boolean> {
  const { parseGsUri } = await import('../io/uri.js');
  const { createGcsObjectIfAbsent } = await import('../io/gcs.js');
  const data = Buffer.from(JSON.stringify({ ...body, markedAt: new Date().toISOString() }));
  return createGcsObjectIfAbsent(parseGsUri(uri, 'event marker'), data, ctx);
}

/**
 * Record that a run for this event hit its deadline: true when this is the first time (the marker
 * `<marker>.deadline` was created now), false when an earlier delivery already hit it. When the
 * marker cannot be written, the event counts as a first hit (a retry is the safe side).
 */
export async function markDeadlineHit(uri: string, ctx: IoContext, eventId: string, graceMs = 2000): Promise<boolean> {
  const { parseGsUri } = await import('../io/uri.js');
  const { createGcsObjectIfAbsent } = await import('../io/gcs.js');
  const data = Buffer.from(JSON.stringify({ eventId, deadlineHitAt: new Date().toISOString() }));
  // The run's own time is spent by now: the marker gets a short budget of its own, inside the
  // margin kept back from the platform timeout.
  const end = Date.now() + graceMs;
  const marking = { ...ctx, remainingMs: () => end - Date.now() };
  return createGcsObjectIfAbsent(parseGsUri(`${uri}.deadline`, 'event marker'), data, marking).catch(() => true);
}
