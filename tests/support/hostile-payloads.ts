import fc from "fast-check";

/** Every field name the schemas in lib/validation/ read, so payloads reach past the first check. */
export const KNOWN_FIELDS = [
  "claimId",
  "documentId",
  "noteId",
  "parentId",
  "start",
  "end",
  "version",
  "status",
  "tag",
  "on",
  "body",
  "email",
  "name",
  "role",
  "password",
  "confirm",
  "document",
  "title",
  "author",
  "publication",
  "date",
  "claims",
  "nonClaims",
  "id",
  "exact",
  "occurrence",
  "prefix",
  "suffix",
  "statement",
  "kind",
  "tags",
  "reason",
] as const;

/** Keys that pollute prototypes when code merges objects naively. */
const POLLUTING_JSON = [
  '{"__proto__": {"polluted": "yes"}}',
  '{"constructor": {"prototype": {"polluted": "yes"}}}',
  '{"__proto__": {"toString": "boom"}, "claimId": "c1"}',
  '{"prototype": {"polluted": "yes"}, "hasOwnProperty": 1, "valueOf": null}',
];

export const hugeString = fc.constantFrom(
  "x".repeat(1_000_000),
  "é".repeat(200_000),
  "\u0000".repeat(10_000),
  "💥".repeat(50_000),
  `${"a".repeat(300_000)}@example.test`,
);

const oddNumber = fc.constantFrom(
  NaN,
  Infinity,
  -Infinity,
  -0,
  -1,
  0.5,
  1e308,
  Number.MAX_SAFE_INTEGER + 2,
  2 ** 31,
  -(2 ** 53),
);

const unicodeString = fc.oneof(
  fc.string({ unit: "binary" }),
  fc.string({ unit: "grapheme" }),
  fc.constantFrom(
    "\uD800",
    "\u202Etxt.exe",
    "a\u0000b",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "=cmd|' /C calc'!A0",
  ),
);

/** Values that look almost right: what a buggy or hostile client sends most often. */
const plausible = fc.oneof(
  fc.constantFrom(
    "proposed",
    "accepted",
    "statistic",
    "opinion",
    "legal-fact",
    "reviewer",
    "admin",
    "factual",
    "a@b.test",
    "000-c001",
    "doc.txt",
    "2026-01-01",
    "",
    " ",
  ),
  fc.integer({ min: -3, max: 5000 }),
  fc.boolean(),
  fc.constant(null),
  fc.string({ maxLength: 80 }),
);

/** Any value at all, including Maps, Sets, boxed values, typed arrays, sparse arrays and null-prototype objects. */
export const anyValue = fc.anything({
  withBoxedValues: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withBigInt: true,
  withDate: true,
  withTypedArray: true,
  withSparseArray: true,
  withObjectString: true,
  stringUnit: "binary",
  maxDepth: 3,
});

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: plausible },
  { weight: 2, arbitrary: anyValue },
  { weight: 2, arbitrary: unicodeString },
  { weight: 1, arbitrary: oddNumber },
  { weight: 1, arbitrary: hugeString },
  { weight: 1, arbitrary: fc.array(plausible, { maxLength: 4 }) },
);

/** An object with some of the known fields set to hostile values, sometimes with polluting keys mixed in. */
export const hostileObject: fc.Arbitrary<Record<string, unknown>> = fc
  .tuple(
    fc.record(
      Object.fromEntries(KNOWN_FIELDS.map((k) => [k, hostileValue])) as Record<
        (typeof KNOWN_FIELDS)[number],
        fc.Arbitrary<unknown>
      >,
      { requiredKeys: [] },
    ),
    fc.option(fc.constantFrom(...POLLUTING_JSON), { nil: undefined }),
  )
  .map(([fields, polluting]) => (polluting ? { ...JSON.parse(polluting), ...fields } : fields));

/** Whole payloads: mostly objects of known fields, sometimes anything at all. */
export const hostilePayload: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileObject },
  { weight: 1, arbitrary: anyValue },
  { weight: 1, arbitrary: fc.constantFrom(...POLLUTING_JSON).map((j) => JSON.parse(j)) },
);

/** True when the payload has polluted Object.prototype (checked after each run). */
export function prototypeIsPolluted(): boolean {
  return "polluted" in Object.prototype || typeof ({} as { toString: unknown }).toString !== "function";
}
