/**
 * An audit event in words: what the actor did, to what, and what changed (before → after),
 * for the admin's audit log. Pure: the page reads the names, claim texts and titles it
 * needs and passes them in; the raw JSON stays available behind a "details" toggle.
 */

export interface AuditEventFacts {
  action: string;
  before: unknown;
  after: unknown;
  /** Tag labels by slug, to say "opinion" rather than a slug. */
  tagLabels?: Map<string, string>;
  /** The name of the account a user.* event is about. */
  subjectName?: string | null;
}

/** One field that changed, in words. */
export interface AuditChange {
  label: string;
  before: string;
  after: string;
}

export interface AuditDescription {
  /** What was done, starting with a verb: "changed the status of", "tagged". */
  verb: string;
  /** What it was done to, when not a claim or document shown beside it ("the account of Ada"). */
  object: string | null;
  /** What follows the claim or document: "as opinion", "(a reply)". */
  detail: string | null;
  changes: AuditChange[];
}

type Obj = Record<string, unknown>;

const asObj = (value: unknown): Obj => (value && typeof value === "object" ? (value as Obj) : {});
const MAX_TEXT = 140;

function clip(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > MAX_TEXT ? `${flat.slice(0, MAX_TEXT - 1)}…` : flat;
}

/** A value as a reader says it: yes/no, a quoted text, a number, or "none". */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined || value === "") return "none";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "number") return value.toLocaleString("en");
  if (typeof value === "string") return `“${clip(value)}”`;
  return clip(JSON.stringify(value));
}

/** Field names as words; fields missing here are internal and not listed (they stay in the details). */
const LABELS: Record<string, string> = {
  exact: "passage",
  status: "status",
  deleted: "deleted",
  body: "note",
  role: "role",
  active: "active",
  name: "name",
  email: "email",
  title: "title",
  author: "author",
  publication: "outlet",
  publishedOn: "published",
  statement: "statement",
  kind: "kind",
  anchorState: "anchoring",
  version: "version",
};

/** Fields whose value is a word, not a text to quote. */
const PLAIN = new Set(["status", "role", "kind", "anchorState", "version"]);

/** The fields that differ between before and after, in words. */
export function changesBetween(before: unknown, after: unknown): AuditChange[] {
  const b = asObj(before);
  const a = asObj(after);
  const changes: AuditChange[] = [];
  for (const key of Object.keys(LABELS)) {
    if (!(key in a) && !(key in b)) continue;
    if (!(key in a)) continue; // a field the change did not touch
    if (JSON.stringify(b[key]) === JSON.stringify(a[key])) continue;
    const format = (v: unknown) => (PLAIN.has(key) && typeof v === "string" ? v : formatValue(v));
    changes.push({ label: LABELS[key], before: key in b ? format(b[key]) : "none", after: format(a[key]) });
  }
  return changes;
}

export function describeAuditEvent(event: AuditEventFacts): AuditDescription {
  const before = asObj(event.before);
  const after = asObj(event.after);
  const tag = (slug: unknown) => (typeof slug === "string" ? (event.tagLabels?.get(slug) ?? slug) : "a tag");
  const who = event.subjectName ?? "an account";
  const changes = changesBetween(event.before, event.after);
  const plain = (verb: string, detail: string | null = null, object: string | null = null): AuditDescription => ({
    verb,
    object,
    detail,
    changes,
  });
  switch (event.action) {
    case "claim.create":
      return { ...plain("created"), changes: [] };
    case "claim.adjust-span":
      return plain("moved the passage of");
    case "claim.set-status":
      return plain("changed the status of");
    case "claim.describe":
      return plain("wrote the statement of");
    case "suggestion.accept":
      return { ...plain("accepted the suggested claim", "(it became the claim linked here)"), changes: [] };
    case "suggestion.reject":
      return { ...plain("rejected the suggested claim"), changes: [] };
    case "claim.delete":
      return { ...plain("deleted"), changes: [] };
    case "claim.restore":
      return { ...plain("restored"), changes: [] };
    case "claim.restore-version":
      return plain("put back an earlier version of");
    case "claim.confirm-anchor":
      return plain("confirmed the passage found in the new version for");
    case "claim.retire-orphan":
      return plain("retired", "(its passage is gone from the new version)");
    case "claim.update-curated":
      return plain("updated the curated", null);
    case "claim.retire-curated":
      return plain("retired the curated", "(no longer in the shipped claim set)");
    case "claim.import":
      return { ...plain("imported"), changes: [] };
    case "tag.add":
      return { ...plain("tagged", `as ${tag(after.tag)}`), changes: [] };
    case "tag.remove":
      return { ...plain(`removed the tag ${tag(after.tag)} from`), changes: [] };
    case "note.add":
      return {
        ...plain(after.parentId ? "replied to a note on" : "wrote a note on"),
        changes: [{ label: "note", before: "none", after: formatValue(after.body) }],
      };
    case "note.edit":
      return plain("edited a note on");
    case "note.delete":
      return {
        ...plain("deleted a note on"),
        changes: [{ label: "note", before: formatValue(before.body), after: "deleted" }],
      };
    case "note.import":
      return { ...plain("imported a note on"), changes: [] };
    case "document.import":
      return { ...plain("added the document"), changes: [] };
    case "document.edit-metadata":
      return plain("edited the details of");
    case "document.new-version":
      return {
        ...plain(`uploaded version ${formatValue(after.version)} of`),
        changes: [{ label: "version", before: formatValue(before.version), after: formatValue(after.version) }],
      };
    case "user.create":
      return { ...plain("created", `(${formatPlain(after.role)})`, `the account of ${who}`), changes: [] };
    case "user.create-first-admin":
      return { ...plain("set up", null, "the first admin account"), changes: [] };
    case "user.update-access":
      return plain("changed the access of", null, who);
    case "user.change-password":
      return { ...plain("changed the password of", null, who), changes: [] };
    case "user.reset-password":
      return { ...plain("set a new password for", null, who), changes: [] };
    case "seed.run":
      return { ...plain("loaded the shipped corpus"), changes: [] };
    default:
      return plain(event.action);
  }
}

function formatPlain(value: unknown): string {
  return typeof value === "string" ? value : formatValue(value);
}
