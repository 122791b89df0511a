import { test } from 'node:test';
import assert from 'node:assert/strict';
import { redactSecrets } from '../src/redact-secrets.js';

test('redactSecrets: the values of secret query parameters, and nothing else', () => {
  const cases: [string, string][] = [
    ['gs://b/x.csv?access_token=ya29.a0AfH6', 'gs://b/x.csv?access_token=[redacted]'],
    ["--source 'gs://b/x.csv?token=abc&format=long'", "--source 'gs://b/x.csv?token=[redacted]&format=long'"],
    [
      'https://storage.googleapis.com/b/o?X-Goog-Algorithm=GOOG4-RSA-SHA256&X-Goog-Credential=sa%40p.iam%2F20260101&X-Goog-Signature=8f3a',
      'https://storage.googleapis.com/b/o?X-Goog-Algorithm=GOOG4-RSA-SHA256&X-Goog-Credential=[redacted]&X-Goog-Signature=[redacted]',
    ],
    ['x.csv?SIG=abc;key=AIzaXYZ rest', 'x.csv?SIG=[redacted];key=[redacted] rest'],
    ['{"uri":"gs://b/x.csv?sig=abc","rows":3}', '{"uri":"gs://b/x.csv?sig=[redacted]","rows":3}'],
    ['gs://b/x.csv?format=wide&prefix=k_', 'gs://b/x.csv?format=wide&prefix=k_'],
    ['a monkey=1 and token bucket', 'a monkey=1 and token bucket'],
  ];
  for (const [input, want] of cases) assert.equal(redactSecrets(input), want);
});
