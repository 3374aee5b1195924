/**
 * Requests the desk's HTML starts before the entry script has loaded (the inline script in
 * index.html): the session check on every desk page and, when the page is the board with no
 * filters in the URL, its first page of rows once the session answered. On a cold load the entry
 * script (~280 KB gzip) took ~0.5 s to arrive and run before the session was asked for (ADR 025);
 * now its answer is usually there when the app asks. The API client takes each answer once, for
 * the same URL and language, and otherwise asks the server itself (a refetch always does).
 * Same-origin, the session cookie only (credentials: same-origin); the HTML carries no secret.
 */
export interface BootRequests {
  lang: string;
  /** URL → answer; null when the request failed or was not made (nobody signed in). */
  requests: Record<string, Promise<Response | null> | undefined>;
}

declare global {
  interface Window { __gdBoot?: BootRequests }
}

/** The HTML's answer for this GET, once; null when there is none to take. */
export function takeBootResponse(url: string, language: string): Promise<Response | null> | null {
  const boot = typeof window === 'undefined' ? undefined : window.__gdBoot;
  if (!boot || boot.lang !== language) return null;
  const answer = boot.requests[url];
  if (!answer) return null;
  delete boot.requests[url];
  return answer;
}
