import type { z } from "zod";

/** The first problem of a failed parse: the field it concerns (if any) and a sentence for a person. */
export interface FirstIssue {
  field: string | undefined;
  message: string;
}

/**
 * One failed parse, reported the same way everywhere (forms, actions, JSON API, CLI): the
 * first issue only, since a person fixes one thing at a time. Unknown keys name themselves.
 * `nameField` renames a field for the caller's vocabulary (a CLI flag, a URL parameter).
 */
export function firstIssue(error: z.ZodError, nameField: (path: string) => string = (p) => p): FirstIssue {
  const issue = error.issues[0];
  if (issue.code === "unrecognized_keys") {
    const keys = issue.keys.map(nameField);
    return { field: keys[0], message: `Unknown parameter${keys.length > 1 ? "s" : ""}: ${keys.join(", ")}.` };
  }
  const path = issue.path.map(String).join(".");
  return { field: path ? nameField(path) : undefined, message: issue.message };
}

/** The first issue as one line: "field: message", or the message alone when no field is at fault. */
export function describeFirstIssue(error: z.ZodError, nameField?: (path: string) => string): string {
  const { field, message } = firstIssue(error, nameField);
  return field && !message.startsWith("Unknown parameter") ? `${field}: ${message}` : message;
}
