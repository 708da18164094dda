import { redirect } from "@remix-run/node";
import { getDatabase } from "~/db.server";
import { getEnv } from "~/env.server";
import { createLucia, LAST_USED_EVERY_MS, markSessionUsed, type AppLucia } from "./lucia.server";
import type { Database } from "~db/client";
import { unavailableAs503 } from "~db/unavailable";
import { oncePerRequest } from "~/server/request-scope.server";
import { SESSION_IP_MAX, SESSION_USER_AGENT_MAX } from "~db/schema";

/**
 * The only module that knows sessions are Lucia's. Routes ask for the user; they never
 * see Lucia, cookies' names, or the sessions table.
 */
const cache = new WeakMap<Database, AppLucia>();

async function lucia(): Promise<AppLucia> {
  // Every signed-in request starts here; a database that could not even be opened (dev
  // server started while PostgreSQL was down) is a 503 like any other outage.
  const database = await unavailableAs503(getDatabase);
  let instance = cache.get(database);
  if (!instance) {
    const env = getEnv();
    instance = createLucia(database.db, { idleMinutes: env.SESSION_IDLE_MINUTES, secureCookie: env.cookieSecure });
    cache.set(database, instance);
  }
  return instance;
}

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  /** Whether the address is proven (decision 017); read with the session, no query of its own. */
  emailVerified?: boolean;
}

function readSessionId(request: Request, auth: AppLucia): string | null {
  return auth.readSessionCookie(request.headers.get("Cookie") ?? "");
}

/** The request's session and its user, or null for no, expired, idle-timed-out or tampered session. */
async function currentSession(request: Request): Promise<{ user: SessionUser; handle: string } | null> {
  const auth = await lucia();
  const sessionId = readSessionId(request, auth);
  if (!sessionId) return null;
  // The page's loaders share one check of the session (request-scope.server.ts).
  return oncePerRequest(`session ${sessionId}`, () => checkSession(auth, sessionId));
}

async function checkSession(auth: AppLucia, sessionId: string): Promise<{ user: SessionUser; handle: string } | null> {
  const { session, user } = await auth.validateSession(sessionId);
  if (!session || !user) return null;
  if (session.absoluteExpiresAt.getTime() <= Date.now()) {
    await auth.invalidateSession(sessionId);
    return null;
  }
  // "Last used" on the sessions page: written at most every few minutes, not on every request.
  if (!session.lastUsedAt || Date.now() - session.lastUsedAt.getTime() > LAST_USED_EVERY_MS) {
    await markSessionUsed((await getDatabase()).db, sessionId);
  }
  return { user: { id: user.id, email: user.email, name: user.name, emailVerified: user.emailVerified }, handle: session.handle ?? "" };
}

/** The signed-in user, or null for no, expired, idle-timed-out or tampered session. */
export async function getSessionUser(request: Request): Promise<SessionUser | null> {
  return (await currentSession(request))?.user ?? null;
}

/** The signed-in user and the handle of this request's session (the sessions page marks "this device"). */
export async function requireUserSession(request: Request): Promise<{ user: SessionUser; handle: string }> {
  const current = await currentSession(request);
  if (!current) throw toSignIn(request);
  return current;
}

function toSignIn(request: Request) {
  const url = new URL(request.url);
  const redirectTo = url.pathname + url.search;
  return redirect(`/login?redirectTo=${encodeURIComponent(redirectTo)}`);
}

export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getSessionUser(request);
  if (!user) throw toSignIn(request);
  return user;
}

export async function requireAnonymous(request: Request): Promise<void> {
  if (await getSessionUser(request)) throw redirect("/");
}

/** Who is signing in, as the sessions page shows it: the browser's User-Agent and the client address. */
export interface SessionClient {
  userAgent: string;
  ip: string;
}

/** The client of `request` (the address as server.mjs resolved it, TRUST_PROXY), cut to the columns' bounds. */
export function sessionClient(request: Request, ip: string): SessionClient {
  return { userAgent: (request.headers.get("User-Agent") ?? "").slice(0, SESSION_USER_AGENT_MAX), ip: ip.slice(0, SESSION_IP_MAX) };
}

/** Starts a session and returns the Set-Cookie value. The cookie lives until the absolute expiry. */
export async function startSession(userId: string, client?: SessionClient): Promise<string> {
  const auth = await lucia();
  const env = getEnv();
  const maxAgeSeconds = env.SESSION_MAX_DAYS * 24 * 60 * 60;
  const session = await auth.createSession(userId, {
    absoluteExpiresAt: new Date(Date.now() + maxAgeSeconds * 1000),
    ...(client ? { userAgent: client.userAgent, ipAddress: client.ip } : {}),
  });
  const cookie = auth.createSessionCookie(session.id);
  cookie.attributes.maxAge = maxAgeSeconds;
  return cookie.serialize();
}

/** Ends the request's session; returns the Set-Cookie value that clears the cookie. */
export async function endSession(request: Request): Promise<string> {
  const auth = await lucia();
  const sessionId = readSessionId(request, auth);
  if (sessionId) await auth.invalidateSession(sessionId);
  return auth.createBlankSessionCookie().serialize();
}

/*
 * A sign-in waiting for its second factor (decision 021): the password was right, no session
 * exists. The browser holds the challenge token in this short-lived cookie, sent only to the
 * sign-in pages; the database holds its hash (app/models/two-factor.server.ts).
 */
const PENDING_COOKIE = "cd_2fa";

export function pendingSignInCookie(token: string, maxAgeSeconds: number): string {
  const secure = getEnv().cookieSecure ? "; Secure" : "";
  return `${PENDING_COOKIE}=${token}; Path=/login; Max-Age=${maxAgeSeconds}; HttpOnly; SameSite=Lax${secure}`;
}

export function clearPendingSignInCookie(): string {
  const secure = getEnv().cookieSecure ? "; Secure" : "";
  return `${PENDING_COOKIE}=; Path=/login; Max-Age=0; HttpOnly; SameSite=Lax${secure}`;
}

export function readPendingSignIn(request: Request): string | null {
  for (const part of (request.headers.get("Cookie") ?? "").split(";")) {
    const [name, ...value] = part.trim().split("=");
    if (name === PENDING_COOKIE) return value.join("=") || null;
  }
  return null;
}
