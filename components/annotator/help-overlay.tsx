"use client";

import { useEffect, useRef } from "react";
import type { TagView } from "@/lib/db/tags";
import { shortcutList } from "./shortcuts";

/** Every keyboard shortcut, in a modal dialog (Esc or the button closes it). */
export function HelpOverlay({ tags, onClose }: { tags: TagView[]; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    ref.current?.showModal();
  }, []);
  return (
    <dialog ref={ref} className="help-dialog" aria-labelledby="help-title" onClose={onClose}>
      <h2 id="help-title">Keyboard shortcuts</h2>
      <table>
        <tbody>
          {shortcutList(tags).map((s) => (
            <tr key={s.keys}>
              <th scope="row">
                <kbd>{s.keys}</kbd>
              </th>
              <td>{s.does}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {/* biome-ignore lint/a11y/noAutofocus: a modal dialog moves focus into itself on open */}
      <button type="button" className="button-primary" onClick={onClose} autoFocus>
        Close
      </button>
    </dialog>
  );
}
