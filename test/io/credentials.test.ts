import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkCredentials, credentialSource } from '../../src/io/credentials.js';
import { cloudFailure } from '../../src/io/cloud-failure.js';
import { tempDir } from '../support/run-cli.js';

const dir = tempDir('forecast-creds-');
const pem = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const sa = { type: 'service_account', client_email: 'sa@p.iam.gserviceaccount.com', private_key: pem };

test('the credential source, in the order the client libraries use', async () => {
  const home = join(dir, 'home');
  mkdirSync(join(home, '.config', 'gcloud'), { recursive: true });
  const adc = file('home/.config/gcloud/application_default_credentials.json', '{}');
  const sdk = join(dir, 'sdk');
  mkdirSync(sdk);
  const cases: [Record<string, string>, string, string | undefined][] = [
    [{ GOOGLE_APPLICATION_CREDENTIALS: '/k.json', HOME: home }, 'the GOOGLE_APPLICATION_CREDENTIALS file', '/k.json'],
    [{ HOME: home }, 'the Application Default Credentials file (gcloud auth application-default login)', adc],
    [{ HOME: home, CLOUDSDK_CONFIG: sdk }, 'the metadata server (the service account of the machine or function)', undefined],
    [{ HOME: join(dir, 'nobody') }, 'the metadata server (the service account of the machine or function)', undefined],
  ];
  for (const [env, name, path] of cases) assert.deepEqual(await credentialSource(env), path ? { name, path } : { name }, JSON.stringify(env));
});

test('a malformed credentials file is input.credentials (exit 2) naming the source and what is wrong', async () => {
  const cases: [string, string, RegExp | undefined][] = [
    ['sa.json', JSON.stringify(sa), undefined],
    ['user.json', JSON.stringify({ type: 'authorized_user', client_id: 'i', client_secret: 's', refresh_token: 'r' }), undefined],
    ['no-email.json', JSON.stringify({ ...sa, client_email: undefined }), /no-email\.json \(type service_account\) has no client_email field/],
    [
      'bad-pem.json',
      JSON.stringify({ ...sa, private_key: '-----BEGIN PRIVATE KEY-----\nnope\n-----END PRIVATE KEY-----\n' }),
      /bad-pem\.json has a private_key that is not a PEM private key/,
    ],
    ['not-json.json', 'not json', /not-json\.json is not JSON/],
    ['array.json', '[]', /array\.json is not a JSON object/],
    ['odd-type.json', JSON.stringify({ type: 'api_key' }), /odd-type\.json has type 'api_key', not one of service_account, authorized_user/],
    [
      'user-no-token.json',
      JSON.stringify({ type: 'authorized_user', client_id: 'i', client_secret: 's' }),
      /\(type authorized_user\) has no refresh_token field/,
    ],
  ];
  for (const [name, text, re] of cases) {
    const env = { GOOGLE_APPLICATION_CREDENTIALS: file(name, text) };
    if (re === undefined) {
      assert.equal((await checkCredentials(env)).path, env.GOOGLE_APPLICATION_CREDENTIALS, name);
      continue;
    }
    await assert.rejects(checkCredentials(env), (e: Error & { code?: string; exitCode?: number }) => {
      assert.equal(e.code, 'input.credentials', name);
      assert.equal(e.exitCode, 2);
      assert.match(e.message, /^the GOOGLE_APPLICATION_CREDENTIALS file /);
      assert.match(e.message, re);
      assert.doesNotMatch(e.message, /BEGIN PRIVATE KEY/, 'the key never appears');
      return true;
    });
  }
  await assert.rejects(checkCredentials({ GOOGLE_APPLICATION_CREDENTIALS: join(dir, 'missing.json') }), /missing\.json cannot be read \(ENOENT\)/);
});

test('no credentials at all is a configuration error, not an outage', () => {
  const e = cloudFailure(
    'Cloud Storage',
    'stat',
    'gs://b/x.csv',
    new Error('Could not load the default credentials. Browse to https://cloud.google.com/docs/authentication/getting-started for more information.'),
  );
  assert.equal(e.exitCode, 2);
  assert.match(e.message, /gs:\/\/b\/x\.csv failed: .*Application Default Credentials found none/);
});
