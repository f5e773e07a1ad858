/**
 * A file the importer will not take, with a message for the person who chose it. Thrown by
 * the parsers and the policy checks; turned into a form error or a CLI message, never a 500.
 */
export class ImportRefusal extends Error {}
