interface Props {
  versionNumber: number;
  report: { unchanged: number; moved: number; fuzzy: number; orphaned: number };
  waiting: number;
}

/** What happened to the claims when the current version replaced the last one: nothing moved silently. */
export function VersionBanner({ versionNumber, report, waiting }: Props) {
  return (
    <section className="version-banner" aria-label="New version">
      <p>
        <strong>Version {versionNumber}.</strong> Claims carried over from the previous text: {report.unchanged}{" "}
        unchanged, {report.moved} moved, {report.fuzzy} fuzzy (to confirm), {report.orphaned} orphaned.
        {waiting > 0 ? ` ${waiting} wait for a reviewer below.` : " None is waiting for a reviewer."}
      </p>
    </section>
  );
}
