/**
 * Query-string credentials in URIs: OAuth tokens (`access_token`, `token`), Cloud Storage signed
 * URLs (`X-Goog-Signature`, `X-Goog-Credential`), SAS-style signatures (`sig`) and API keys
 * (`key`). Their values never reach a message or a log line.
 *
 * `key` is also the name of `--source`'s key-column option (`?format=long&key=keyword`); that
 * column name is redacted too, since the text alone cannot tell a column name from an API key.
 */
export const SECRET_PARAMS = ['access_token', 'token', 'sig', 'key', 'X-Goog-Signature', 'X-Goog-Credential'] as const;

// A parameter starts after `?`, `&` or `;`; its value runs to the next separator, quote or
// blank, or a colon that ends it (`…?sig=abc: not found`).
const SECRET_VALUE = new RegExp(`([?&;](?:${SECRET_PARAMS.join('|')})=)(?:[^&;#:\\s'"\`]|:(?!\\s|$))*`, 'gi');

/**
 * The text with the value of every secret query parameter replaced by `[redacted]`:
 * `gs://b/x.csv?access_token=ya29.abc` → `gs://b/x.csv?access_token=[redacted]`. O(length).
 */
export function redactSecrets(text: string): string {
  return text.replace(SECRET_VALUE, '$1[redacted]');
}
