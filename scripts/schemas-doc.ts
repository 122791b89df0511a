/**
 * Rewrites the README's "Output schemas" section and docs/schemas.md from the tables'
 * definitions (src/pipeline/tables.ts). test/schemas-doc.test.ts fails when they differ; run
 * this after changing a table. Run: node --import tsx scripts/schemas-doc.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { replaceSection } from './lib/replace-section.js';
import { readmeSection, schemasDoc } from './lib/schemas-md.js';

writeFileSync('README.md', replaceSection(readFileSync('README.md', 'utf8'), '## Output schemas', readmeSection()));
writeFileSync('docs/schemas.md', schemasDoc());
