/** The report's inline style sheet: readable, printable, no web fonts, no external resources. */
export const REPORT_CSS = `
:root { color-scheme: light; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, Helvetica, sans-serif; color: #222; background: #fff;
  margin: 0 auto; padding: 24px; max-width: 1100px; line-height: 1.45; font-size: 14px; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 32px 0 8px; border-bottom: 1px solid #ddd; padding-bottom: 4px; }
.sub { color: #555; margin: 0 0 16px; }
.winner { font-size: 16px; background: #f3f7fb; border-left: 4px solid #4c78a8; padding: 8px 12px; }
.warning { background: #fff4e5; border-left: 4px solid #e8a317; padding: 8px 12px; }
.note { color: #555; font-style: italic; }
dl.summary { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 0; }
dl.summary dt { color: #555; }
dl.summary dd { margin: 0; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; margin: 8px 0; font-size: 13px; }
th, td { padding: 3px 10px; border-bottom: 1px solid #e6e6e6; text-align: left; white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.best td { background: #f3f7fb; font-weight: bold; }
figure { margin: 16px 0 24px; }
figure svg { max-width: 100%; height: auto; }
details summary { cursor: pointer; color: #4c78a8; }
ul.problems li { margin: 2px 0; }
`;
