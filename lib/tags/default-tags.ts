/** The tag vocabulary a new installation starts with; admins can extend it. */
export const DEFAULT_TAGS = [
  {
    slug: "statistic",
    label: "statistic",
    letter: "S",
    shortcut: "s",
    color: "#2563eb",
    position: 1,
    description: "A number, count, quantity, rate or trend that can be checked against data.",
  },
  {
    slug: "opinion",
    label: "opinion",
    letter: "O",
    shortcut: "o",
    color: "#c2410c",
    position: 2,
    description: "An evaluation, prediction, motive, characterisation or normative statement.",
  },
  {
    slug: "legal-fact",
    label: "legal fact",
    letter: "L",
    shortcut: "l",
    color: "#047857",
    position: 3,
    description: "What a statute, regulation or agreement says, authorises or requires.",
  },
] as const;
