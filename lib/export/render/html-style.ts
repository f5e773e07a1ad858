/** The HTML report's own stylesheet: inline, so the file stands alone; print rules for paper. */
export const REPORT_CSS = `
:root { --ink: #1f2328; --soft: #57606a; --line: #e3e0d8; --paper: #fbfaf7; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--paper); color: var(--ink); font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
main { max-width: 46rem; margin: 0 auto; padding: 2rem 1.25rem 4rem; }
h1, h2, h3 { line-height: 1.25; }
h1 { font: 600 1.9rem/1.2 Georgia, "Iowan Old Style", serif; }
h2 { font: 600 1.45rem/1.25 Georgia, "Iowan Old Style", serif; margin-top: 3rem; padding-top: 1rem; border-top: 2px solid var(--line); }
h3 { font-size: 1rem; margin: 0 0 0.5rem; display: flex; flex-wrap: wrap; gap: 0.4rem; align-items: center; }
.meta, .explain { color: var(--soft); font-size: 0.9rem; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
th, td { border-bottom: 1px solid var(--line); padding: 0.35rem 0.5rem; text-align: right; font-variant-numeric: tabular-nums; }
th:first-child, td:first-child { text-align: left; }
tfoot td { font-weight: 700; }
.claim { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 0.9rem 1rem; margin: 1rem 0; }
.claim blockquote { margin: 0 0 0.75rem; padding-left: 0.9rem; border-left: 3px solid var(--line); font: 1.02rem/1.65 Georgia, "Iowan Old Style", serif; white-space: pre-line; }
mark { background: #fff2a8; border-bottom: 2px solid #d4a72c; padding: 0 1px; color: inherit; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 0.8rem; margin: 0; font-size: 0.9rem; }
dt { color: var(--soft); }
dd { margin: 0; }
.tag { display: inline-flex; white-space: nowrap; gap: 0.25rem; align-items: center; border: 1px solid var(--tag); border-radius: 999px; padding: 0 0.45rem 0 0.15rem; font-size: 0.8rem; font-weight: 600; }
.tag b { display: inline-grid; place-items: center; width: 1.1rem; height: 1.1rem; border-radius: 4px; background: var(--tag); color: #fff; font-size: 0.7rem; }
.status { font-size: 0.8rem; color: var(--soft); border: 1px solid var(--line); border-radius: 999px; padding: 0 0.45rem; font-weight: 400; }
.number { color: var(--soft); font-weight: 400; }
.reviewers { margin: 0; padding-left: 1.1rem; }
.notes { list-style: none; padding: 0; margin: 0.5rem 0 0; font-size: 0.9rem; }
.note { border-top: 1px dashed var(--line); padding: 0.4rem 0; }
.note .body { margin: 0.2rem 0 0; overflow-wrap: anywhere; }
.note .body p { margin: 0.2rem 0; }
.note .body pre { overflow: auto; background: #f6f4ef; padding: 0.4rem; }
.note-meta { color: var(--soft); font-size: 0.8rem; }
code { font: 0.85em ui-monospace, monospace; overflow-wrap: anywhere; }
@media (max-width: 600px) { main { padding: 1rem 0.75rem 3rem; } dl { grid-template-columns: 1fr; } dt { margin-top: 0.3rem; } }
@page { margin: 16mm 14mm; }
@media print {
  body { background: #fff; font-size: 11pt; }
  main { max-width: none; padding: 0; }
  h2 { break-before: page; border-top: 0; margin-top: 0; }
  .claim { break-inside: avoid; border-color: #bbb; }
  mark { background: none; border-bottom: 2px solid #000; font-weight: 700; }
  .tag b { color: #000; background: none; border: 1px solid #000; }
  a { color: inherit; text-decoration: none; }
}
`;
