import type { Role } from "@/lib/validation/user";

/** The signed-in user as the annotator needs them (what they may do is re-checked on the server). */
export interface Viewer {
  id: string;
  name: string;
  role: Role;
}
