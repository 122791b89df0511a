import { createPrivateKey } from 'node:crypto';
import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { inputError } from '../errors.js';

/** Where the Google client libraries take their credentials from, as a person would name it. */
export interface CredentialSource {
  readonly name: string;
  /** The JSON file read, when the source is a file. */
  readonly path?: string;
}

import type { CredentialEnv as Env } from '../settings.js';

/**
 * The source google-auth-library's Application Default Credentials will use, in its order:
 * the file named by GOOGLE_APPLICATION_CREDENTIALS; gcloud's application_default_credentials.json
 * (under CLOUDSDK_CONFIG, else %APPDATA%\gcloud on Windows, else ~/.config/gcloud) when it
 * exists; else the metadata server of the machine (a Cloud Function's service account).
 */
export async function credentialSource(
  env: Env,
  exists: (path: string) => Promise<boolean> = fileExists,
  platform = process.platform,
): Promise<CredentialSource> {
  if (env.GOOGLE_APPLICATION_CREDENTIALS) return { name: 'the GOOGLE_APPLICATION_CREDENTIALS file', path: env.GOOGLE_APPLICATION_CREDENTIALS };
  const dir = env.CLOUDSDK_CONFIG || (platform === 'win32' ? env.APPDATA && join(env.APPDATA, 'gcloud') : env.HOME && join(env.HOME, '.config', 'gcloud'));
  const adc = dir ? join(dir, 'application_default_credentials.json') : undefined;
  if (adc && (await exists(adc))) return { name: 'the Application Default Credentials file (gcloud auth application-default login)', path: adc };
  return { name: 'the metadata server (the service account of the machine or function)' };
}

/** The fields each credential type needs (as google-auth-library's fromJSON reads them). */
const REQUIRED: Record<string, readonly string[]> = {
  service_account: ['client_email', 'private_key'],
  authorized_user: ['client_id', 'client_secret', 'refresh_token'],
  impersonated_service_account: ['service_account_impersonation_url', 'source_credentials'],
  external_account: ['audience', 'subject_token_type'],
  external_account_authorized_user: ['refresh_token', 'token_url'],
  gdch_service_account: ['private_key', 'name'],
};

/**
 * Check the credentials file the client libraries would use before any request, so a
 * malformed key is `input.credentials` (exit 2, fix it) naming the source and what is wrong,
 * not a failing service (exit 3, retry later). Returns the source. The metadata server has no
 * file to check.
 */
export async function checkCredentials(env: Env, read: (path: string) => Promise<string> = (p) => readFile(p, 'utf8')): Promise<CredentialSource> {
  const source = await credentialSource(env);
  if (source.path === undefined) return source;
  const bad = (why: string) =>
    inputError(
      'credentials',
      `${source.name} ${source.path} ${why}; fix or replace it (a key file from the Cloud console, or gcloud auth application-default login)`,
    );
  let text: string;
  try {
    text = await read(source.path);
  } catch (e) {
    throw bad(`cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw bad('is not JSON');
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw bad('is not a JSON object');
  const o = json as Record<string, unknown>;
  const type = o.type === undefined ? 'service_account' : String(o.type);
  const required = REQUIRED[type];
  if (required === undefined) throw bad(`has type '${type}', not one of ${Object.keys(REQUIRED).join(', ')}`);
  const missing = required.find((k) => o[k] === undefined || o[k] === null || o[k] === '');
  if (missing !== undefined) throw bad(`(type ${type}) has no ${missing} field`);
  if (type === 'service_account') {
    try {
      createPrivateKey(String(o.private_key));
    } catch {
      throw bad('has a private_key that is not a PEM private key');
    }
  }
  return source;
}

async function fileExists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}
