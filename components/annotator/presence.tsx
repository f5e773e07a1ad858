import type { PresentPerson } from "./use-live-events";

/** Who else has this document open, by name (never email); nothing when the reader is alone. */
export function Presence({ people }: { people: PresentPerson[] }) {
  if (people.length === 0) return null;
  const names = people.map((p) => p.name);
  const list = names.length <= 3 ? names.join(", ") : `${names.slice(0, 3).join(", ")} and ${names.length - 3} more`;
  return (
    <p className="presence" title={names.join(", ")}>
      <span aria-hidden="true">●</span> Also here: {list}
    </p>
  );
}
