/** What one sign-in through next-auth's credentials callback gave: the session's Cookie header, or where it sent us. */
export interface SignInAttempt {
  cookie: string | null;
  /** The redirect's target; on a refusal it carries next-auth's `error` parameter (the refusal's message). */
  location: string | null;
}

/** One sign-in through next-auth's credentials callback, as a script would. */
export async function attemptSignInOverHttp(base: string, email: string, password: string): Promise<SignInAttempt> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair.indexOf("=");
      jar.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
  };
  keep(csrf);
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  keep(response);
  const signedIn = [...jar.keys()].some((k) => k.endsWith("next-auth.session-token"));
  // With json=true next-auth answers { url } instead of a redirect; either way it names where it sends us.
  const location =
    response.headers.get("location") ??
    ((await response.json().catch(() => null)) as { url?: string } | null)?.url ??
    null;
  return { cookie: signedIn ? cookie() : null, location };
}

/** Signs in through next-auth's credentials callback, as a script would, and returns the Cookie header to send. */
export async function signInOverHttp(base: string, email: string, password: string): Promise<string> {
  const attempt = await attemptSignInOverHttp(base, email, password);
  if (!attempt.cookie) throw new Error(`sign-in failed for ${email} (sent to ${attempt.location})`);
  return attempt.cookie;
}
