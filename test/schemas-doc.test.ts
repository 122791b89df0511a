import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { replaceSection } from '../scripts/lib/replace-section.js';
import { readmeSection, schemasDoc } from '../scripts/lib/schemas-md.js';
import { header } from '../src/pipeline/table-schema.js';
import { TABLES } from '../src/pipeline/tables.js';

const STALE = 'out of date with src/pipeline/tables.ts: run node --import tsx scripts/schemas-doc.ts';

test('the README\'s "Output schemas" section is the one the table definitions give (scripts/schemas-doc.ts writes it)', () => {
  const readme = readFileSync('README.md', 'utf8');
  assert.equal(replaceSection(readme, '## Output schemas', readmeSection()), readme, `README.md ${STALE}`);
});

test('docs/schemas.md is the one the table definitions give', () => {
  assert.equal(readFileSync('docs/schemas.md', 'utf8'), schemasDoc(), `docs/schemas.md ${STALE}`);
});

test("the README shows each file's header row as it is written, and docs/schemas.md each column", () => {
  const readme = readmeSection();
  const doc = schemasDoc();
  for (const t of [TABLES.predictions, TABLES.weeklyScore, TABLES.scores]) assert.ok(readme.includes(`\`${header(t).join()}\``), t.title);
  assert.ok(doc.includes('| deadline_hit | BOOL | true when the model search stopped early for the deadline |'));
  assert.ok(doc.includes('## predict --to') && !readme.includes('predict --to'));
});

test('replaceSection replaces up to the next second-level heading, or to the end', () => {
  const cases: [string, string][] = [
    ['# t\n\n## A\nold\n\n## B\nb\n', '# t\n\n## A\nnew\n\n## B\nb\n'],
    ['## A\nold\n### sub\nx\n', '## A\nnew\n'],
  ];
  for (const [doc, want] of cases) assert.equal(replaceSection(doc, '## A', '## A\nnew\n'), want);
  assert.throws(() => replaceSection('## B\n', '## A', ''), { message: "no '## A' section" });
});
