"use client";

import { useState } from "react";

/** Copies a value to the clipboard and says so; when the browser refuses, says how to copy by hand. */
export function CopyButton({ value, label }: { value: string; label: string }) {
  const [said, setSaid] = useState<string | null>(null);
  return (
    <>
      <button
        type="button"
        className="button-small"
        aria-label={label}
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(value);
            setSaid("Copied.");
          } catch {
            setSaid("Copying was refused by the browser: select the password and copy it.");
          }
        }}
      >
        Copy
      </button>
      <span role="status" className="field-hint">
        {said}
      </span>
    </>
  );
}
