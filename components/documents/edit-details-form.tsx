"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Field } from "@/components/ui/field";
import type { ActionResult } from "@/lib/auth/guarded-write";

interface Details {
  documentId: string;
  title: string;
  author: string | null;
  publication: string | null;
  publishedOn: string | null;
  sourceUrl: string | null;
}

/**
 * An admin fills in or corrects what the document says about itself — for the shipped
 * articles that name no author or outlet, once someone has found them. Every field is sent
 * (an empty one clears it); the change is audited.
 */
export function EditDetailsForm({
  details,
  editDetails,
}: {
  details: Details;
  /** The server action that saves (passed in by the page). */
  editDetails: (input: unknown) => Promise<ActionResult<unknown>>;
}) {
  const router = useRouter();
  const [error, setError] = useState<{ field?: string; message: string } | null>(null);
  const [saved, setSaved] = useState(false);
  const [pending, start] = useTransition();
  const fieldError = (name: string) => (error?.field === name ? error.message : undefined);
  return (
    <details className="edit-details">
      <summary>Edit details</summary>
      <form
        className="stack"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          const text = (name: string) => String(form.get(name) ?? "");
          start(async () => {
            const result = await editDetails({
              documentId: details.documentId,
              title: text("title"),
              author: text("author"),
              publication: text("publication"),
              date: text("date"),
              sourceUrl: text("sourceUrl"),
            });
            setSaved(result.ok);
            setError(result.ok ? null : { field: result.field, message: result.error.replace(/^\w+: /, "") });
            if (result.ok) router.refresh();
          });
        }}
      >
        <Field label="Title" name="title" defaultValue={details.title} error={fieldError("title")} />
        <Field label="Author" name="author" defaultValue={details.author ?? ""} error={fieldError("author")} />
        <Field
          label="Outlet"
          name="publication"
          defaultValue={details.publication ?? ""}
          error={fieldError("publication")}
        />
        <Field
          label="Published on"
          name="date"
          defaultValue={details.publishedOn ?? ""}
          hint="YYYY-MM-DD"
          error={fieldError("date")}
        />
        <Field
          label="Source URL"
          name="sourceUrl"
          type="url"
          defaultValue={details.sourceUrl ?? ""}
          error={fieldError("sourceUrl")}
        />
        {error && !["title", "author", "publication", "date", "sourceUrl"].includes(error.field ?? "") ? (
          <p className="form-error" role="alert">
            {error.message}
          </p>
        ) : null}
        <p className="copy-row">
          <button type="submit" className="button-small" disabled={pending}>
            {pending ? "Saving…" : "Save details"}
          </button>
          <span role="status" className="field-hint">
            {saved && !pending ? "Saved." : null}
          </span>
        </p>
      </form>
    </details>
  );
}
