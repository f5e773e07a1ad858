import "server-only";
import { formatFigure, readFigure } from "../../agreement/bands";
import type { Figure } from "../../agreement/types";
import { type AgreementView, loadAgreement } from "../../review/load-agreement";
import type { ExportSource } from "../source";

/**
 * The reports' agreement section (issue 14): the agreement page's headline figures for the
 * export's scope, each with its n and plain-words reading. One function per format, so a
 * renderer adds the section with one line.
 */
async function agreementOf(source: ExportSource): Promise<AgreementView> {
  const request = source.scope.request;
  const document = request.kind === "corpus" ? null : (request.document ?? null);
  return loadAgreement(source.db, document, source.scope.includeClaim);
}

function rows(view: AgreementView): [string, Figure][] {
  const { report } = view;
  const name = (id: string) => view.reviewerNames[id] ?? id;
  return [
    ["Fleiss' κ, all reviewers (tag sets)", report.fleiss],
    ["Krippendorff's α, nominal", report.alpha],
    ["Krippendorff's α, MASI (set-valued)", report.setAlpha],
    ...report.pairs.map((p): [string, Figure] => [`Cohen's κ, ${name(p.a)} × ${name(p.b)}`, p.kappa]),
    ...report.perTag.map((t): [string, Figure] => [
      `α for ${view.tagLabels[t.tag] ?? t.tag} (applied or not)`,
      t.alpha,
    ]),
  ];
}

const INTRO = (view: AgreementView) =>
  `${view.report.judged} of ${view.report.claims} claims tagged by at least one reviewer, ${view.report.overlapping} by two or more; ${view.report.reviewers.length} reviewer(s). A claim a reviewer has not tagged is missing, not "no tag".`;

export async function agreementMarkdown(source: ExportSource, escapeText: (s: string) => string): Promise<string> {
  const view = await agreementOf(source);
  const lines = [
    "## Agreement",
    "",
    escapeText(INTRO(view)),
    "",
    "| Figure | Value | Reading |",
    "| --- | ---: | --- |",
    ...rows(view).map(([label, f]) => `| ${escapeText(label)} | ${formatFigure(f)} | ${escapeText(readFigure(f))} |`),
  ];
  return `${lines.join("\n")}\n\n`;
}

export async function agreementHtml(source: ExportSource, escapeText: (s: string) => string): Promise<string> {
  const view = await agreementOf(source);
  const body = rows(view)
    .map(
      ([label, f]) =>
        `<tr><th scope="row">${escapeText(label)}</th><td class="num">${formatFigure(f)}</td><td>${escapeText(readFigure(f))}</td></tr>`,
    )
    .join("\n");
  return `<h2 id="agreement" style="break-before:auto">Agreement</h2>
<p class="explain">${escapeText(INTRO(view))}</p>
<table><thead><tr><th scope="col">Figure</th><th scope="col">Value</th><th scope="col">Reading</th></tr></thead>
<tbody>
${body}
</tbody></table>
`;
}

/** The section as plain lines (the PDF writes them as text): the intro, then one line per figure. */
export async function agreementTextLines(source: ExportSource): Promise<{ intro: string; lines: string[] }> {
  const view = await agreementOf(source);
  return {
    intro: INTRO(view),
    lines: rows(view).map(([label, f]) => `${label}: ${formatFigure(f)} — ${readFigure(f)}`),
  };
}
