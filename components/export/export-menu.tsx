"use client";

import { useEffect, useRef, useState } from "react";
import { EXPORT_FORMATS, type ExportFormat, FORMAT_INFO } from "@/lib/export/formats";

interface Scope {
  /** Sent as the `document` parameter; empty or absent for the whole corpus. */
  document?: string;
  /** Sent as the `q` parameter: export the claims this search finds. */
  q?: string;
  label: string;
}

interface Props {
  /** One scope, or a choice of document scopes (the choice is a radio group named `document`). */
  scopes: Scope[];
}

type Progress =
  | { state: "idle" }
  | { state: "running"; received: number; claims: number | null }
  | { state: "done"; fileName: string; size: number }
  | { state: "error"; message: string };

function formatBytes(n: number): string {
  return n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${(n / 1024).toFixed(0)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;
}

function fileNameOf(response: Response, fallback: string): string {
  const header = response.headers.get("Content-Disposition") ?? "";
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star) return decodeURIComponent(star[1]);
  return /filename="([^"]+)"/i.exec(header)?.[1] ?? fallback;
}

/**
 * The export menu: pick what and how, then download. Without JavaScript the form is a
 * plain GET to the download route; with it, the download is fetched here so a long export
 * shows its progress, then handed to the browser under the server's file name.
 */
export function ExportMenu({ scopes }: Props) {
  const [progress, setProgress] = useState<Progress>({ state: "idle" });
  const abort = useRef<AbortController | null>(null);
  const menu = useRef<HTMLDetailsElement>(null);

  // On a phone the open menu covers its button (a bottom sheet): Close and Escape shut it.
  function close() {
    if (!menu.current?.open) return;
    menu.current.open = false;
    menu.current.querySelector("summary")?.focus();
  }
  // Listened for on the document: focus may have left the menu (a disabled button drops it).
  // biome-ignore lint/correctness/useExhaustiveDependencies: close reads only the menu ref, so the first one is enough
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") close();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const params = new URLSearchParams(new FormData(event.currentTarget) as unknown as Record<string, string>);
    for (const key of ["document", "q"]) if (!params.get(key)) params.delete(key);
    const controller = new AbortController();
    abort.current = controller;
    setProgress({ state: "running", received: 0, claims: null });
    try {
      const response = await fetch(`/api/export?${params}`, { signal: controller.signal });
      if (!response.ok || !response.body) {
        const body = (await response.json().catch(() => null)) as { error?: string } | null;
        throw new Error(body?.error ?? `The export failed (HTTP ${response.status}).`);
      }
      const claims = Number(response.headers.get("X-Claim-Count")) || null;
      const reader = response.body.getReader();
      const parts: Uint8Array<ArrayBuffer>[] = [];
      let received = 0;
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        parts.push(value as Uint8Array<ArrayBuffer>);
        received += value.byteLength;
        setProgress({ state: "running", received, claims });
      }
      const format = params.get("format") as ExportFormat;
      const fileName = fileNameOf(response, `claimbook-export.${FORMAT_INFO[format]?.extension ?? "txt"}`);
      const href = URL.createObjectURL(
        new Blob(parts, { type: response.headers.get("Content-Type") ?? "application/octet-stream" }),
      );
      const link = document.createElement("a");
      link.href = href;
      link.download = fileName;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(href), 10_000);
      setProgress({ state: "done", fileName, size: received });
    } catch (error) {
      if (controller.signal.aborted) setProgress({ state: "idle" });
      else setProgress({ state: "error", message: (error as Error).message });
    } finally {
      abort.current = null;
    }
  }

  const running = progress.state === "running";
  return (
    <details className="export-menu" ref={menu}>
      <summary className="button-quiet">Export…</summary>
      <form className="export-form" action="/api/export" method="get" onSubmit={onSubmit}>
        {scopes.length > 1 ? (
          <fieldset>
            <legend>What</legend>
            {scopes.map((s, i) => (
              <label key={s.document || "corpus"} className="export-choice">
                <input type="radio" name="document" value={s.document ?? ""} defaultChecked={i === 0} /> {s.label}
              </label>
            ))}
          </fieldset>
        ) : (
          <>
            <p className="export-scope">{scopes[0]?.label}</p>
            {scopes[0]?.document ? <input type="hidden" name="document" value={scopes[0].document} /> : null}
            {scopes[0]?.q ? <input type="hidden" name="q" value={scopes[0].q} /> : null}
          </>
        )}
        <fieldset>
          <legend>Format</legend>
          {EXPORT_FORMATS.map((format, i) => (
            <label key={format} className="export-choice">
              <input type="radio" name="format" value={format} defaultChecked={i === 0} />
              <span>
                {FORMAT_INFO[format].label} <small>{FORMAT_INFO[format].hint}</small>
              </span>
            </label>
          ))}
        </fieldset>
        <div className="export-actions">
          <button type="submit" className="button-primary" disabled={running}>
            {running ? "Exporting…" : "Download"}
          </button>
          {running ? (
            <button type="button" className="button-quiet" onClick={() => abort.current?.abort()}>
              Cancel
            </button>
          ) : (
            <button type="button" className="button-quiet" onClick={close}>
              Close
            </button>
          )}
        </div>
        <div className="export-status" role="status" aria-live="polite">
          {progress.state === "running" ? (
            <>
              <progress aria-label="Export progress" />
              <span>
                {progress.claims !== null ? `${progress.claims} claims · ` : ""}
                {formatBytes(progress.received)} received
              </span>
            </>
          ) : progress.state === "done" ? (
            <span>
              Downloaded <strong>{progress.fileName}</strong> ({formatBytes(progress.size)}).
            </span>
          ) : progress.state === "error" ? (
            <span className="form-error">{progress.message}</span>
          ) : null}
        </div>
      </form>
    </details>
  );
}
