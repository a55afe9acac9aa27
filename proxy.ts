import { NextResponse, type NextRequest } from 'next/server';
import { negotiateScript, scriptCookie, scriptPath } from '@/lib/script';
import { site } from '@/lib/site';

/** `/` sends each reader to their script: the remembered cookie, then Accept-Language, then the default. */
export function proxy(request: NextRequest) {
  const script = negotiateScript(
    request.cookies.get(scriptCookie)?.value,
    request.headers.get('accept-language'),
    site.defaultScript,
  );
  const response = NextResponse.redirect(new URL(scriptPath(script), request.url), 307);
  // The answer depends on these request headers: shared caches must keep them apart.
  response.headers.set('Vary', 'Cookie, Accept-Language');
  response.headers.set('Cache-Control', 'private, no-store');
  return response;
}

export const config = { matcher: '/' };
