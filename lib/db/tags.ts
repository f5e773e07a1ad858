import "server-only";
import type { Db } from "./client";

export interface TagView {
  slug: string;
  label: string;
  letter: string;
  color: string;
  shortcut: string;
}

export function listTags(db: Db): Promise<TagView[]> {
  return db.tag.findMany({
    orderBy: { position: "asc" },
    select: { slug: true, label: true, letter: true, color: true, shortcut: true },
  });
}
