"use client";

import { useEffect, useState } from "react";

export interface SentImport {
  /** The chosen file (name and size), or null for pasted text. */
  file: { name: string; size: number } | null;
  suggest: boolean;
}

const describeSize = (n: number) =>
  n < 1024 * 1024 ? `${Math.max(1, Math.round(n / 1024))} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;

/**
 * The one sentence announced when an import starts. The server action answers once, so the
 * page knows neither how far the upload got nor which step the server is on: it names the
 * file and the steps the server goes through, and claims no more.
 */
export function describeImport({ file, suggest }: SentImport): string {
  const what = file ? `“${file.name}” (${describeSize(file.size)})` : "the pasted text";
  const steps = [
    file ? "upload and read the text" : "read the text",
    "store it",
    ...(suggest ? ["suggest claims"] : []),
  ];
  return `Importing ${what}: ${steps.join(", then ")}.`;
}

/**
 * An indeterminate bar and the time elapsed, shown while an import runs. It sits outside the
 * form's live region: a region ticking every second would talk over everything else.
 */
export function ImportProgress({ labelledBy, suggest }: { labelledBy: string; suggest: boolean }) {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    const started = Date.now();
    const timer = setInterval(() => setSeconds(Math.floor((Date.now() - started) / 1000)), 1000);
    return () => clearInterval(timer);
  }, []);
  return (
    <div className="import-progress">
      <progress aria-labelledby={labelledBy} />
      <p className="field-hint">
        {seconds} s so far. A 300-page PDF takes a few seconds on the server
        {suggest ? ", most of them suggesting claims" : ""}; the document opens when it is done.
      </p>
    </div>
  );
}
