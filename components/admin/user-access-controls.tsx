"use client";

import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/auth/guarded-write";
import { ROLES, type Role } from "@/lib/validation/user";

interface Props {
  user: { id: string; name: string; role: Role; active: boolean };
  /** The server action that saves a change (passed in by the page). */
  updateAccess: (input: unknown) => Promise<ActionResult<unknown>>;
}

/** Role and active state of one account, saved as soon as they change. */
export function UserAccessControls({ user, updateAccess }: Props) {
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const save = (change: { role?: Role; active?: boolean }) =>
    start(async () => {
      const result = await updateAccess({ userId: user.id, ...change });
      setError(result.ok ? null : result.error);
    });
  return (
    <div className="access-controls">
      <select
        aria-label={`Role of ${user.name}`}
        defaultValue={user.role}
        disabled={pending}
        onChange={(e) => save({ role: e.target.value as Role })}
      >
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </select>
      <button type="button" className="button-quiet" disabled={pending} onClick={() => save({ active: !user.active })}>
        {user.active ? "Deactivate" : "Reactivate"}
      </button>
      {!user.active ? <span className="claim-flag">inactive</span> : null}
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
