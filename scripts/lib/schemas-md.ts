/**
 * The output tables' documentation, rendered from their definitions (src/pipeline/tables.ts):
 * the README's compact "Output schemas" section and docs/schemas.md with every column's type and
 * meaning. scripts/schemas-doc.ts writes both; test/schemas-doc.test.ts fails when either differs.
 */
import { TABLES, type TableDef } from '../../src/pipeline/tables.js';

const defs = Object.values(TABLES) as TableDef[];

const written = (t: TableDef) => (t.mode === 'append' ? `appended by ${t.key.join(', ')}` : 'overwritten');

/** Where BigQuery keeps the table's rows together, for the tables run-all publishes. */
function layout(t: TableDef): string | undefined {
  const l = t.layout;
  return (
    l && `BigQuery: ${[l.partitionBy && `partitioned by ${l.partitionBy}`, l.clusterBy && `clustered by ${l.clusterBy.join(', ')}`].filter(Boolean).join(', ')}`
  );
}

const CELLS =
  "Dates are ISO `yyyy-mm-dd`; empty cells are missing. Text a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab or CR first) gets a leading `'` (OWASP). `lower`/`upper` belong to the first interval level; each further level adds `lower_<pct>`/`upper_<pct>` (`lower_95`).";

/**
 * The README's section: each file run-all writes (predict's table is in docs/schemas.md only),
 * how it is written where that matters, what a row is, and its header.
 */
export function readmeSection(): string {
  const files = defs
    .filter((t) => t.title.endsWith('.csv'))
    .map((t) => {
      const how = t.layout || t.mode === 'append' ? ` (${[written(t), layout(t)].filter(Boolean).join('; ')})` : '';
      return `**${t.title}**${how}: ${t.summary}.\n\`${t.columns.map((c) => c[0]).join()}\``;
    });
  return `## Output schemas

Every table is CSV with a header row, and in BigQuery has an explicit schema ([docs/schemas.md](docs/schemas.md): each column's type and meaning). ${CELLS}

${files.join('\n\n')}
`;
}

/** docs/schemas.md: every table, how it is written, and each column's type and meaning. */
export function schemasDoc(): string {
  const tables = defs.map(
    (t) => `## ${t.title}

${t.summary[0].toUpperCase()}${t.summary.slice(1)}.

${written(t)[0].toUpperCase()}${written(t).slice(1)}; ${layout(t) ?? 'not published to BigQuery by run-all'}.${t.levels ? ' Further interval levels add their columns at the end.' : ''}

| column | type | meaning |
|---|---|---|
${t.columns.map(([name, type, description]) => `| ${name} | ${type} | ${description} |`).join('\n')}
`,
  );
  return `# Output schemas

The tables \`forecast\` writes, generated from their definitions in \`src/pipeline/tables.ts\` by \`scripts/schemas-doc.ts\`; a test fails when this page and the definitions differ. Every table is CSV with a header row and, in BigQuery, gets an explicit schema with these types and descriptions. ${CELLS}

${tables.join('\n')}`;
}
