/**
 * Headless Chromium driven over the Chrome DevTools Protocol through `--remote-debugging-pipe`:
 * JSON messages, each ended by a NUL byte, written to the browser's fd 3 and read from its
 * fd 4. No WebSocket client and no port are needed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** One CDP event, with the session it came from (flat mode). */
export interface CdpEvent {
  readonly method: string;
  readonly params: Record<string, unknown>;
  readonly sessionId?: string;
}

export interface Browser {
  /** Sends a command (to the browser, or to a page session) and resolves with its result. */
  send(method: string, params?: Record<string, unknown>, sessionId?: string): Promise<Record<string, unknown>>;
  /** Every event received so far. */
  readonly events: CdpEvent[];
  /** Resolves with the first event (already received or future) matching `method` and `sessionId`. */
  waitFor(method: string, sessionId?: string, timeoutMs?: number): Promise<CdpEvent>;
  /** The browser's stderr so far, for failure messages. */
  stderr(): string;
  close(): Promise<void>;
}

/** Whether a Chromium binary is installed at {@link CHROMIUM}. */
export function hasChromium(): boolean {
  return existsSync(CHROMIUM);
}

/** Starts headless Chromium with a fresh profile and no background networking. */
export function launchChromium(): Browser {
  if (!hasChromium()) throw new Error(`launchChromium requires Chromium at ${CHROMIUM}: run .ci/install-chromium.sh`);
  const profile = mkdtempSync(join(tmpdir(), 'report-chromium-'));
  const child: ChildProcess = spawn(
    CHROMIUM,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
      '--disable-extensions',
      '--mute-audio',
      '--hide-scrollbars',
      `--user-data-dir=${profile}`,
      '--remote-debugging-pipe',
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] },
  );
  const toBrowser = child.stdio[3] as Writable;
  const fromBrowser = child.stdio[4] as Readable;
  let err = '';
  child.stderr?.on('data', (d: Buffer) => {
    err += d.toString();
  });
  const events: CdpEvent[] = [];
  const waiters: { match: (e: CdpEvent) => boolean; resolve: (e: CdpEvent) => void }[] = [];
  const pending = new Map<number, { resolve: (r: Record<string, unknown>) => void; reject: (e: Error) => void; method: string }>();
  let nextId = 1;
  let buffer = Buffer.alloc(0);
  let exited: Error | undefined;

  fromBrowser.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (let end = buffer.indexOf(0); end >= 0; end = buffer.indexOf(0)) {
      const msg = JSON.parse(buffer.subarray(0, end).toString('utf8')) as {
        id?: number;
        result?: Record<string, unknown>;
        error?: { message: string };
        method?: string;
        params?: Record<string, unknown>;
        sessionId?: string;
      };
      buffer = buffer.subarray(end + 1);
      if (msg.id !== undefined) {
        const p = pending.get(msg.id);
        pending.delete(msg.id);
        if (msg.error) p?.reject(new Error(`${p.method}: ${msg.error.message}`));
        else p?.resolve(msg.result ?? {});
      } else if (msg.method !== undefined) {
        const e: CdpEvent = { method: msg.method, params: msg.params ?? {}, sessionId: msg.sessionId };
        events.push(e);
        for (const w of waiters.filter((x) => x.match(e))) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(e);
        }
      }
    }
  });
  const fail = (e: Error) => {
    exited = e;
    for (const p of pending.values()) p.reject(e);
    pending.clear();
  };
  toBrowser.on('error', (e: Error) => fail(new Error(`writing to chromium: ${e.message}`)));
  child.on('error', (e) => fail(new Error(`chromium failed to start: ${e.message}`)));
  child.on('exit', (code, signal) => fail(new Error(`chromium exited (code ${code}, signal ${signal}): ${err.slice(-2000)}`)));

  return {
    events,
    stderr: () => err,
    send(method, params = {}, sessionId) {
      if (exited) return Promise.reject(exited);
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject, method });
        toBrowser.write(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }) + '\0');
      });
    },
    waitFor(method, sessionId, timeoutMs = 15_000) {
      const match = (e: CdpEvent) => e.method === method && (sessionId === undefined || e.sessionId === sessionId);
      const seen = events.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${method}`)), timeoutMs);
        waiters.push({
          match,
          resolve: (e) => {
            clearTimeout(timer);
            resolve(e);
          },
        });
      });
    },
    async close() {
      if (!exited) {
        const gone = new Promise((r) => child.once('exit', r));
        toBrowser.write(JSON.stringify({ id: nextId++, method: 'Browser.close', params: {} }) + '\0');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await gone;
        clearTimeout(timer);
      }
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Opens `url` in a new page with Runtime, Log, Network and Page events on; resolves after load. */
export async function openPage(browser: Browser, url: string, width = 1200, height = 900): Promise<string> {
  const { targetId } = await browser.send('Target.createTarget', { url: 'about:blank' });
  const { sessionId } = (await browser.send('Target.attachToTarget', { targetId, flatten: true })) as { sessionId: string };
  for (const domain of ['Runtime', 'Log', 'Network', 'Page']) await browser.send(`${domain}.enable`, {}, sessionId);
  await browser.send('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: 1, mobile: false }, sessionId);
  const loaded = browser.waitFor('Page.loadEventFired', sessionId);
  const nav = await browser.send('Page.navigate', { url }, sessionId);
  if (typeof nav.errorText === 'string') throw new Error(`Page.navigate ${url}: ${nav.errorText}`);
  await loaded;
  return sessionId;
}
