/**
 * A one-line progress indicator for long stages, drawn on stderr only when it is a terminal.
 * When stderr is piped or logged (Cloud Functions, CI) it is a no-op, so logs stay clean JSON.
 */

export interface Progress {
  /** Begins a stage; with `total`, ticks show "label 3/10 (30 %)", else a tick count. */
  start(label: string, total?: number): void;
  /** Advances by `n` (default 1). */
  tick(n?: number): void;
  /** Clears the line. */
  done(): void;
}

const NOOP: Progress = { start() {}, tick() {}, done() {} };

/**
 * A progress indicator writing to `stream`, or a no-op when `isTTY` is false. Redraws only
 * when the shown text changes, so ticking in a tight loop stays cheap.
 */
export function createProgress(stream: { write(s: string): unknown }, isTTY: boolean): Progress {
  if (!isTTY) return NOOP;
  let label = '';
  let total: number | undefined;
  let count = 0;
  let shown = '';
  let active = false;
  const draw = () => {
    const text = total !== undefined && total > 0
      ? `${label} ${Math.min(count, total)}/${total} (${Math.floor((100 * Math.min(count, total)) / total)} %)`
      : `${label} ${count}`;
    if (text === shown) return;
    shown = text;
    stream.write(`\r\x1b[2K${text}`);
  };
  return {
    start(l, t) {
      label = l; total = t; count = 0; shown = ''; active = true;
      draw();
    },
    tick(n = 1) {
      if (!active) return;
      count += n;
      draw();
    },
    done() {
      if (!active) return;
      active = false;
      stream.write('\r\x1b[2K');
    },
  };
}
