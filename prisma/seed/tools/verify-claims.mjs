// usage: node /tmp/verify-claims.mjs prisma/seed/claims/XXX.json
import fs from "node:fs";
const file = process.argv[2];
const data = JSON.parse(fs.readFileSync(file, "utf8"));
const text = fs.readFileSync(`prisma/seed/documents/${data.document}`, "utf8");
const TAGS = new Set(["statistic", "opinion", "legal-fact"]);
let bad = 0;
const count = (s) => { let n = 0, i = -1; while ((i = text.indexOf(s, i + 1)) !== -1) n++; return n; };
const spans = [];
for (const [list, name] of [[data.claims, "claim"], [data.nonClaims, "nonClaim"]]) {
  for (const [k, c] of list.entries()) {
    const n = count(c.exact);
    if (n === 0) { bad++; console.log(`${name} ${k}: NOT FOUND: ${JSON.stringify(c.exact)}`); continue; }
    if (n > 1 && !c.occurrence) { bad++; console.log(`${name} ${k}: occurs ${n} times, give "occurrence": ${JSON.stringify(c.exact)}`); }
    if (c.exact !== c.exact.trim()) { bad++; console.log(`${name} ${k}: leading/trailing whitespace`); }
    if (name === "claim") {
      if (!Array.isArray(c.tags) || c.tags.length === 0 || !c.tags.every((t) => TAGS.has(t))) { bad++; console.log(`claim ${k}: bad tags ${JSON.stringify(c.tags)}`); }
      if (!c.statement) { bad++; console.log(`claim ${k}: missing statement`); }
      if (!["factual", "argumentative"].includes(c.kind)) { bad++; console.log(`claim ${k}: bad kind`); }
    } else if (!c.reason) { bad++; console.log(`nonClaim ${k}: missing reason`); }
    let start = -1; for (let i = 0; i < (c.occurrence || 1); i++) start = text.indexOf(c.exact, start + 1);
    spans.push([start, start + c.exact.length]);
  }
}
// every sentence must overlap a claim or a nonClaim
const seg = new Intl.Segmenter("en", { granularity: "sentence" });
for (const s of seg.segment(text)) {
  const str = s.segment.trim(); if (!str) continue;
  const a = s.index + s.segment.indexOf(str), b = a + str.length;
  if (!spans.some(([x, y]) => x < b && a < y)) { bad++; console.log(`UNCOVERED sentence: ${JSON.stringify(str)}`); }
}
console.log(`${data.claims.length} claims, ${data.nonClaims.length} nonClaims, ${bad} problems`);
process.exit(bad ? 1 : 0);
