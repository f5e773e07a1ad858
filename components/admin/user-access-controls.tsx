"use client";

import { useRef, useState, useTransition } from "react";
import type { ActionResult } from "@/lib/auth/guarded-write";
import { ROLES, type Role } from "@/lib/validation/user";

interface Props {
  user: { id: string; name: string; role: Role; active: boolean };
  /** The server action that saves a change (passed in by the page). */
  updateAccess: (input: unknown) => Promise<ActionResult<unknown>>;
}

type Change = { role: Role } | { active: boolean };

function question(name: string, from: { role: Role; active: boolean }, change: Change): string {
  if ("role" in change)
    return `Change ${name}’s role from ${from.role} to ${change.role}? Their sessions end and they sign in again.`;
  return change.active
    ? `Reactivate ${name}? They can sign in again.`
    : `Deactivate ${name}? They are signed out at once and cannot sign in; their work stays.`;
}

/**
 * Role and active state of one account. Either change asks first (it ends the user's
 * sessions) and says when it is saved.
 */
export function UserAccessControls({ user, updateAccess }: Props) {
  const [saved, setSaved] = useState({ role: user.role, active: user.active });
  const [role, setRole] = useState<Role>(user.role);
  const [pendingChange, setPendingChange] = useState<Change | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const select = useRef<HTMLSelectElement>(null);

  const ask = (change: Change) => {
    setError(null);
    setStatus(null);
    setPendingChange(change);
  };
  const cancel = () => {
    setPendingChange(null);
    setRole(saved.role);
    select.current?.focus();
  };
  const confirm = (change: Change) =>
    start(async () => {
      const result = await updateAccess({ userId: user.id, ...change });
      setPendingChange(null);
      if (result.ok) {
        const next = { ...saved, ...change };
        setSaved(next);
        setStatus(
          "role" in change
            ? `Saved: ${user.name} is now ${change.role}.`
            : `Saved: ${user.name} is ${change.active ? "active" : "inactive"}.`,
        );
      } else {
        setRole(saved.role);
        setError(result.error);
      }
    });

  return (
    <div className="access-controls">
      <select
        ref={select}
        aria-label={`Role of ${user.name}`}
        value={role}
        disabled={pending}
        onChange={(e) => {
          const next = e.target.value as Role;
          setRole(next);
          if (next === saved.role) setPendingChange(null);
          else ask({ role: next });
        }}
      >
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </select>
      <button type="button" className="button-quiet" disabled={pending} onClick={() => ask({ active: !saved.active })}>
        {saved.active ? "Deactivate" : "Reactivate"}
      </button>
      {!saved.active ? <span className="claim-flag">inactive</span> : null}
      {pendingChange ? (
        // biome-ignore lint/a11y/useSemanticElements: an inline confirmation, not a modal dialog.
        <div className="confirm-row" role="group" aria-label={`Confirm the change to ${user.name}`}>
          <span>{question(user.name, saved, pendingChange)}</span>
          <button type="button" className="button-small" disabled={pending} onClick={() => confirm(pendingChange)}>
            {pending
              ? "Saving…"
              : "role" in pendingChange
                ? "Save role"
                : pendingChange.active
                  ? "Reactivate"
                  : "Deactivate"}
          </button>
          <button type="button" className="button-quiet" disabled={pending} onClick={cancel}>
            Cancel
          </button>
        </div>
      ) : null}
      <span role="status" className="field-hint">
        {status}
      </span>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
