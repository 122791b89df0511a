/**
 * Rewrites the "Error codes" section of docs/cli.md from the registry (src/error-codes.ts).
 * test/error-codes.test.ts fails when the two differ; run this after adding a code.
 * Run: node --import tsx scripts/error-codes-doc.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { ERROR_CODES } from '../src/error-codes.js';
import { EXIT } from '../src/errors.js';
import { replaceSection } from './lib/replace-section.js';

const SIGNAL_EXIT: Record<string, number> = { sigint: EXIT.interrupted, sigpipe: EXIT.closedPipe, sigterm: EXIT.terminated };
const exitOf = (family: string, name: string): number => (family === 'signal' ? SIGNAL_EXIT[name] : EXIT[family as 'input' | 'cloud' | 'limit']);

const rows = Object.entries(ERROR_CODES).flatMap(([family, codes]) =>
  Object.entries(codes).map(([name, meaning]) => `| \`${family}.${name}\` | ${exitOf(family, name)} | ${meaning} |`),
);
const section = `## Error codes

Every error line starts with its code, for example \`forecast: [input.bad_date] trends.csv row 3, column 'date': …\`; the Cloud Function returns it as \`error\`. Scripts may rely on the codes: they are listed here from \`src/error-codes.ts\` (\`scripts/error-codes-doc.ts\` writes this section), and a test fails when this list and the registry differ. A bug that is not one of these is \`[internal]\`, exit 1.

| code | exit | meaning |
|---|---|---|
${rows.join('\n')}
`;
writeFileSync('docs/cli.md', replaceSection(readFileSync('docs/cli.md', 'utf8'), '## Error codes', section));
