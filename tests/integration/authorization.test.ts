import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { IDLE, type ActionState } from "@/lib/actions/action-state";
import { ROUTE_POLICIES, SERVER_ACTION_POLICIES } from "@/lib/auth/action-policies";
import type { Caller } from "@/lib/auth/caller";
import { roleMayEver, type Role } from "@/lib/auth/policy";
import { closeDb } from "@/lib/db";

// Every server action and route handler loads the caller through this module; the test sets
// who that is. Caching helpers from Next.js need a request context that tests do not have.
const session = vi.hoisted(() => ({ caller: null as Caller | null }));
vi.mock("@/lib/auth/session", () => ({
  getCaller: async () => session.caller,
  requirePageCaller: async () => session.caller,
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
// Auth.js's own module needs Next.js's server runtime; its endpoints are public and not called.
vi.mock("@/lib/auth/auth", () => {
  const unused = async () => new Response(null, { status: 500 });
  return { auth: async () => null, signIn: unused, signOut: unused, handlers: { GET: unused, POST: unused } };
});

const ROOT = path.resolve(__dirname, "../..");
const TEAM_ID = randomUUID();

type Principal = "signed out" | Role;

const PRINCIPALS: Array<{ label: Principal; caller: Caller | null }> = [
  { label: "signed out", caller: null },
  { label: "viewer", caller: { userId: randomUUID(), email: "viewer@example.org", name: "Viewer", isPlatformAdmin: false, teams: [] } },
  {
    label: "team_member",
    caller: {
      userId: randomUUID(),
      email: "member@example.org",
      name: "Member",
      isPlatformAdmin: false,
      teams: [{ id: TEAM_ID, slug: "t", name: "T", role: "member" }],
    },
  },
  {
    label: "team_owner",
    caller: {
      userId: randomUUID(),
      email: "owner@example.org",
      name: "Owner",
      isPlatformAdmin: false,
      teams: [{ id: TEAM_ID, slug: "t", name: "T", role: "owner" }],
    },
  },
  { label: "platform_admin", caller: { userId: randomUUID(), email: "admin@example.org", name: "Admin", isPlatformAdmin: true, teams: [] } },
];

function expectedCode(principal: Principal, policy: string): "unauthenticated" | "forbidden" | null {
  if (principal === "signed out") return "unauthenticated";
  return roleMayEver(principal, policy as Parameters<typeof roleMayEver>[1]) ? null : "forbidden";
}

function filesUnder(folder: string, name: (file: string) => boolean): string[] {
  return readdirSync(folder).flatMap((entry) => {
    const full = path.join(folder, entry);
    if (statSync(full).isDirectory()) return filesUnder(full, name);
    return name(entry) ? [full] : [];
  });
}

/** Every exported function of every "use server" module under lib/actions. */
async function discoverServerActions(): Promise<Array<{ name: string; run: (state: unknown, form: FormData) => Promise<unknown> }>> {
  const files = filesUnder(path.join(ROOT, "lib/actions"), (file) => file.endsWith(".ts"));
  const actions = [];
  for (const file of files) {
    if (!readFileSync(file, "utf8").trimStart().startsWith('"use server"')) continue;
    const module = (await import(file)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module)) {
      if (typeof value === "function") actions.push({ name, run: value as (state: unknown, form: FormData) => Promise<unknown> });
    }
  }
  return actions;
}

/** Every HTTP method handler of every route.ts under app/, keyed like ROUTE_POLICIES. */
async function discoverRouteHandlers(): Promise<Array<{ key: string; run: (request: Request, context: unknown) => Promise<Response> }>> {
  const files = filesUnder(path.join(ROOT, "app"), (file) => file === "route.ts");
  const handlers = [];
  for (const file of files) {
    const route = `/${path.relative(path.join(ROOT, "app"), path.dirname(file)).split(path.sep).filter((part) => !part.startsWith("(")).join("/")}`;
    const module = (await import(file)) as Record<string, unknown>;
    for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"]) {
      if (typeof module[method] === "function") {
        handlers.push({ key: `${method} ${route}`, run: module[method] as (request: Request, context: unknown) => Promise<Response> });
      }
    }
  }
  return handlers;
}

describe("authorization of every entry point", () => {
  let actions: Awaited<ReturnType<typeof discoverServerActions>>;
  let routes: Awaited<ReturnType<typeof discoverRouteHandlers>>;

  beforeAll(async () => {
    actions = await discoverServerActions();
    routes = await discoverRouteHandlers();
  });

  afterAll(async () => {
    await closeDb();
  });

  it("finds the server actions and routes", () => {
    expect(actions.length).toBeGreaterThanOrEqual(15);
    expect(routes.length).toBeGreaterThanOrEqual(3);
  });

  it("has a policy for every server action", () => {
    const missing = actions.map((action) => action.name).filter((name) => !(name in SERVER_ACTION_POLICIES));
    expect(missing).toEqual([]);
  });

  it("has a policy for every route handler", () => {
    const missing = routes.map((route) => route.key).filter((key) => !(key in ROUTE_POLICIES));
    expect(missing).toEqual([]);
  });

  it("lists no policy without an entry point", () => {
    const actionNames = new Set(actions.map((action) => action.name));
    const routeKeys = new Set(routes.map((route) => route.key));
    expect(Object.keys(SERVER_ACTION_POLICIES).filter((name) => !actionNames.has(name))).toEqual([]);
    expect(Object.keys(ROUTE_POLICIES).filter((key) => !routeKeys.has(key))).toEqual([]);
  });

  for (const principal of PRINCIPALS) {
    it(`applies each action's policy to ${principal.label}`, async () => {
      session.caller = principal.caller;
      for (const action of actions) {
        const policy = SERVER_ACTION_POLICIES[action.name as keyof typeof SERVER_ACTION_POLICIES];
        if (policy === "public") continue;
        const result = (await action.run(IDLE, new FormData())) as ActionState<unknown>;
        const expected = expectedCode(principal.label, policy);

        if (expected) {
          expect(result.code, `${action.name} as ${principal.label}`).toBe(expected);
        } else {
          // Allowed roles get past the policy to input validation, which an empty form fails.
          expect(result.code, `${action.name} as ${principal.label}`).toBe("invalid");
        }
      }
    });

    it(`applies each route's policy to ${principal.label}`, async () => {
      session.caller = principal.caller;
      for (const route of routes) {
        const policy = ROUTE_POLICIES[route.key as keyof typeof ROUTE_POLICIES];
        if (policy === "public") continue;
        const response = await route.run(new Request(`http://127.0.0.1${route.key.split(" ")[1]}`), {
          params: Promise.resolve({ id: randomUUID() }),
        });
        const expected = expectedCode(principal.label, policy);

        if (expected === "unauthenticated") expect(response.status, route.key).toBe(401);
        else if (expected === "forbidden") expect(response.status, route.key).toBe(403);
        else expect([200, 404], route.key).toContain(response.status);
      }
    });
  }
});
