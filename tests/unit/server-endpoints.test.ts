import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { discoverServerEndpoints, exportedNames } from "../support/server-endpoints";

let dir: string;
const write = (file: string, text: string) => {
  fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  fs.writeFileSync(path.join(dir, file), text);
};

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimbook-endpoints-"));
  write(
    "app/things/actions.ts",
    '// why\n"use server";\n\nexport async function makeThing() {}\nexport type Thing = {};\n',
  );
  write("app/things/page.tsx", "export default function Page() {}\n");
  write(
    "app/api/things/[id]/route.ts",
    "export const dynamic = 'force-dynamic';\nexport async function GET() {}\nexport function DELETE() {}\n",
  );
  write("app/api/auth/route.ts", "async function handler() {}\nexport { handler as GET, handler as POST };\n");
  write("lib/actions/more.ts", "'use server'\nexport const other = async () => {};\n");
  write("app/inline/page.tsx", 'export default function P() { async function a() { "use server"; } }\n');
  write("lib/plain.ts", 'export function notAnAction() { return "use server is just text here"; }\n');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("discovering the app's public endpoints from its files", () => {
  it("lists every export of a 'use server' file and every HTTP method a route handler exports", () => {
    const found = discoverServerEndpoints(dir);
    expect(found.actions).toEqual(["makeThing", "other"]);
    expect(found.routes).toEqual([
      "DELETE /api/things/[id]",
      "GET /api/auth",
      "GET /api/things/[id]",
      "POST /api/auth",
    ]);
  });

  it("reports files with an inline 'use server' directive, which no table could list", () => {
    expect(discoverServerEndpoints(dir).inlineActions).toEqual(["app/inline/page.tsx"]);
  });

  it("reads value exports, not type exports", () => {
    expect(
      exportedNames("export interface A {}\nexport type B = 1;\nexport const c = 1;\nexport { d, e as f };\n"),
    ).toEqual(["c", "d", "f"]);
  });
});
