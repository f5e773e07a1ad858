"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect, useId, useState } from "react";
import { Field } from "@/components/ui/field";
import { describeImport, ImportProgress, type SentImport } from "./import-progress";

interface AddDocumentState {
  ok: boolean;
  message?: string;
  field?: string;
  slug?: string;
}

interface Props {
  action: (prev: AddDocumentState, form: FormData) => Promise<AddDocumentState>;
  accept: string;
  maxBytes: number;
  /** Set when the upload is a new version of this document (no metadata fields then). */
  versionOf?: string;
}

function sentFrom(form: FormData): SentImport {
  const file = form.get("file");
  return {
    file: file instanceof File && file.size > 0 ? { name: file.name, size: file.size } : null,
    suggest: form.get("suggest") === "yes",
  };
}

const megabytes = (n: number) => `${(n / 1024 / 1024).toFixed(n < 10 * 1024 * 1024 ? 1 : 0)} MB`;

/**
 * Upload a file or paste text, with optional metadata. A file over the limit is refused
 * here before it is sent; a request the server refuses to read at all (over Next's body
 * limit, or the connection drops) also ends as a message on the form, not an error page.
 */
export function AddDocumentForm({ action, accept, maxBytes, versionOf }: Props) {
  const router = useRouter();
  const [tooBig, setTooBig] = useState<string | null>(null);
  // What the form was sent with, for the progress message (the inputs keep their values, but
  // the message must describe the submitted import, not later edits).
  const [sent, setSent] = useState<SentImport>({ file: null, suggest: false });
  const [state, submit, pending] = useActionState<AddDocumentState, FormData>(
    async (prev, form) => {
      try {
        return await action(prev, form);
      } catch {
        return {
          ok: false,
          message: `The upload could not be read by the server: is the file over ${megabytes(maxBytes)}?`,
        };
      }
    },
    { ok: false },
  );
  const statusId = useId();
  const textId = useId();

  useEffect(() => {
    if (state.ok && state.slug) router.push(`/documents/${state.slug}`);
  }, [state, router]);

  const fileError = tooBig ?? (state.field === "file" ? state.message : undefined);
  const formError = state.message && state.field !== "file" ? state.message : undefined;
  return (
    <form
      className="stack add-document"
      action={submit}
      // Read here, not in the action: state set inside an action only commits when it ends.
      onSubmit={(e) => setSent(sentFrom(new FormData(e.currentTarget)))}
      noValidate
    >
      <fieldset className="stack">
        <legend>The text</legend>
        <Field
          label="File"
          name="file"
          type="file"
          accept={accept}
          error={fileError}
          hint={`.txt, .md, .html, .pdf or .docx, up to ${megabytes(maxBytes)}.`}
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            setTooBig(
              file && file.size > maxBytes
                ? `“${file.name}” is ${megabytes(file.size)}; the limit is ${megabytes(maxBytes)}.`
                : null,
            );
          }}
        />
        <div className="field">
          <label htmlFor={textId}>Or paste text</label>
          <textarea id={textId} name="text" rows={8} className="paste-text" />
        </div>
      </fieldset>
      {versionOf ? (
        <input type="hidden" name="versionOf" value={versionOf} />
      ) : (
        <fieldset className="stack">
          <legend>About it (optional: taken from the file where it says)</legend>
          <Field label="Title" name="title" maxLength={300} />
          <Field label="Author" name="author" maxLength={200} />
          <Field label="Publication" name="publication" maxLength={200} />
          <Field label="Date" name="date" type="date" error={state.field === "date" ? state.message : undefined} />
          <Field
            label="Source URL"
            name="sourceUrl"
            type="url"
            error={state.field === "sourceUrl" ? state.message : undefined}
          />
        </fieldset>
      )}
      <label className="check-field">
        <input type="checkbox" name="suggest" value="yes" /> Suggest claims: mark the sentences that state a figure, a
        law or an opinion as suggestions to accept or reject one key each
        {versionOf ? " (only passages no claim or pending suggestion covers yet)" : ""}
      </label>
      {formError && !["date", "sourceUrl"].includes(state.field ?? "") ? (
        <p className="form-error" role="alert">
          {formError}
        </p>
      ) : null}
      {fileError ? (
        <p className="form-error" role="alert">
          {fileError}
        </p>
      ) : null}
      <p id={statusId} role="status" className="field-hint" aria-live="polite">
        {pending ? describeImport(sent) : ""}
      </p>
      {pending ? <ImportProgress labelledBy={statusId} suggest={sent.suggest} /> : null}
      <button
        type="submit"
        className="button-primary"
        disabled={pending || tooBig !== null}
        aria-describedby={statusId}
      >
        {pending ? "Importing…" : versionOf ? "Upload new version" : "Add document"}
      </button>
    </form>
  );
}
