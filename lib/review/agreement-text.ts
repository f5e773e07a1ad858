import { formatFigure, landisKochBand, readFigure } from "../agreement/bands";
import type { AgreementReport } from "../agreement/report";
import type { Figure } from "../agreement/types";
import type { AgreementView } from "./load-agreement";

/** A figure with its plain-words reading, the shape the JSON output and reports carry. */
export function figureJson(figure: Figure) {
  return {
    value: figure.value,
    n: figure.n,
    ...(figure.reason ? { reason: figure.reason } : {}),
    band: figure.value === null ? null : landisKochBand(figure.value),
    reading: readFigure(figure),
  };
}

function reportJson(report: AgreementReport, names: Record<string, string>) {
  const name = (id: string) => names[id] ?? id;
  return {
    claims: report.claims,
    judged: report.judged,
    overlapping: report.overlapping,
    reviewers: report.reviewers.map((id) => ({ id, name: name(id) })),
    fleissKappa: figureJson(report.fleiss),
    krippendorffAlphaNominal: figureJson(report.alpha),
    krippendorffAlphaMasi: figureJson(report.setAlpha),
    pairs: report.pairs.map((p) => ({
      a: { id: p.a, name: name(p.a) },
      b: { id: p.b, name: name(p.b) },
      cohenKappa: figureJson(p.kappa),
      observedAgreement: p.kappa.observed,
      confusion: { categories: p.kappa.categories, table: p.kappa.table },
    })),
    perTag: report.perTag.map((t) => ({
      tag: t.tag,
      applied: t.applied,
      fleissKappa: figureJson(t.fleiss),
      krippendorffAlpha: figureJson(t.alpha),
    })),
  };
}

/** The JSON the CLI prints with --json (and the exports' agreement section): stable names, no NaN. */
export function agreementJson(view: AgreementView) {
  return {
    scope: view.document ? { document: view.document.fileName, slug: view.document.slug } : "corpus",
    ...reportJson(view.report, view.reviewerNames),
    mostDisagreed: view.report.mostDisagreed.map((d) => ({
      claimId: d.claimId,
      document: view.claims[d.claimId]?.documentSlug ?? null,
      exact: view.claims[d.claimId]?.exact ?? null,
      disagreement: d.disagreement,
      judgements: d.judgements.map((j) => ({
        reviewer: view.reviewerNames[j.reviewerId] ?? j.reviewerId,
        tags: j.tags,
      })),
    })),
    perDocument: view.document
      ? undefined
      : view.perDocument.map((d) => ({
          document: d.document.fileName,
          slug: d.document.slug,
          ...reportJson(d.report, view.reviewerNames),
        })),
  };
}

const line = (label: string, f: Figure) => `  ${label.padEnd(36)} ${formatFigure(f).padStart(5)}  ${readFigure(f)}`;

/** The plain-text report the CLI prints: every figure beside its reading and its n. */
export function agreementLines(view: AgreementView): string[] {
  const { report } = view;
  const name = (id: string) => view.reviewerNames[id] ?? id;
  const out = [
    `Agreement — ${view.document ? view.document.title : "whole corpus"}`,
    `${report.claims} claims; ${report.judged} tagged by at least one reviewer, ${report.overlapping} by two or more; ${report.reviewers.length} reviewer(s).`,
    "",
    line("Fleiss' κ (tag sets)", report.fleiss),
    line("Krippendorff's α (nominal)", report.alpha),
    line("Krippendorff's α (MASI, set-valued)", report.setAlpha),
  ];
  if (report.pairs.length) {
    out.push("", "Cohen's κ per pair:");
    for (const p of report.pairs) out.push(line(`${name(p.a)} × ${name(p.b)}`, p.kappa));
  }
  out.push("", "Per tag (applied or not):");
  for (const t of report.perTag) out.push(line(`${view.tagLabels[t.tag] ?? t.tag} α (applied ${t.applied}×)`, t.alpha));
  if (!view.document && view.perDocument.length > 1) {
    out.push("", "Per document (Krippendorff's α, nominal):");
    for (const d of view.perDocument) out.push(line(d.document.fileName, d.report.alpha));
  }
  if (report.mostDisagreed.length) {
    out.push("", "Most disagreed claims:");
    for (const d of report.mostDisagreed) {
      const c = view.claims[d.claimId];
      const sets = d.judgements.map((j) => `${name(j.reviewerId)}: ${j.tags.join("+")}`).join("; ");
      out.push(
        `  ${d.disagreement.toFixed(2)}  ${c?.documentSlug ?? "?"}#claim-${d.claimId}  “${(c?.exact ?? "").slice(0, 60)}”  (${sets})`,
      );
    }
  }
  return out;
}
