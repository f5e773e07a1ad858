import "server-only";
/** A write that cannot be done as asked; the message is shown to the user as is. */
export class WriteError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export class NotFoundError extends WriteError {}

export class ForbiddenError extends WriteError {}

/** The row changed since the client read it: the write is refused and the newer state returned. */
export class ConflictError<T = unknown> extends WriteError {
  constructor(
    message: string,
    readonly current: T,
  ) {
    super(message);
  }
}
