import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fsError } from '../io/fs-error.js';
import type { IoContext } from '../io/context.js';
import { readText } from '../io/read-text.js';
import { parseUri } from '../io/uri.js';
import { loadConfig, type PipelineConfig } from './config.js';

/** Load a config from a local path, a gs:// URI, or inline JSON (text starting with `{`). */
export async function readConfig(ref: string, ctx: IoContext): Promise<PipelineConfig> {
  if (ref.trim().startsWith('{')) return loadConfig(ref, 'inline config');
  const uri = parseUri(ref, '--config');
  if (uri.kind === 'file') {
    let text: string;
    try {
      text = await readFile(uri.path, 'utf8');
    } catch (e) {
      throw fsError(e, `config ${ref}`);
    }
    return loadConfig(text, ref, dirname(uri.path));
  }
  return loadConfig(await readText(uri, ctx), ref);
}
