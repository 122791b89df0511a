/**
 * A one-line progress indicator for long stages, drawn on stderr only when it is a terminal.
 * When stderr is piped or logged (Cloud Functions, CI) it is a no-op, so logs stay clean JSON.
 * The line is registered per stream, so a log line written to the same terminal clears it first
 * and draws it again after (`aroundStatusLine`): the two never overwrite each other.
 */

type Stream = { write(s: string): unknown };

/** The status line drawn on each stream, if any: its text now. */
const lines = new WeakMap<Stream, { text: string }>();

/** Writes `text` to `stream` with its status line cleared first and redrawn after. */
export function aroundStatusLine(stream: Stream, text: string): void {
  const line = lines.get(stream);
  if (!line?.text) {
    stream.write(text);
    return;
  }
  stream.write(`\r\x1b[2K${text}${line.text}`);
}

export interface Progress {
  /** Begins a stage; with `total`, ticks show "label 3/10 (30 %)", else a tick count once there is one. */
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
export function createProgress(stream: Stream, isTTY: boolean): Progress {
  if (!isTTY) return NOOP;
  const line = { text: '' };
  lines.set(stream, line);
  let label = '';
  let total: number | undefined;
  let count = 0;
  let shown = '';
  let active = false;
  const draw = () => {
    const text =
      total !== undefined && total > 0
        ? `${label} ${Math.min(count, total)}/${total} (${Math.floor((100 * Math.min(count, total)) / total)} %)`
        : count > 0
          ? `${label} ${count}`
          : label;
    if (text === shown) return;
    shown = text;
    line.text = text;
    stream.write(`\r\x1b[2K${text}`);
  };
  return {
    start(l, t) {
      label = l;
      total = t;
      count = 0;
      shown = '';
      active = true;
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
      line.text = '';
      stream.write('\r\x1b[2K');
    },
  };
}
