import type { Request } from './http';

export type Theme = 'light' | 'dark';

/**
 * The theme a page renders in: `?theme=dark|light` (which the reply remembers in `cookie`),
 * else the cookie, else light. The page's toggle button sets the same cookie.
 */
export function pageTheme(request: Request, cookie: string): { theme: Theme; headers: Record<string, string> } {
  const requested = request.url.searchParams.get('theme');
  if (requested === 'dark' || requested === 'light') {
    return { theme: requested, headers: { 'Set-Cookie': `${cookie}=${requested}; Path=/; SameSite=Lax` } };
  }
  return { theme: request.cookie(cookie) === 'dark' ? 'dark' : 'light', headers: {} };
}
