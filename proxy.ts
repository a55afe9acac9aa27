import { NextResponse, type NextRequest } from 'next/server';
import { onDemandPagePolicy, prerenderedPagePolicy } from '@/lib/security/page-policy';
import { assetContentSecurityPolicy } from '@/lib/security/headers';
import { negotiateScript, scriptCookie, scriptPath } from '@/lib/script';
import { site } from '@/lib/site';

// The site only serves pages: reading them is all a client may do.
const allowedMethods = new Set(['GET', 'HEAD']);

/** `/` sends each reader to their script; every other page gets its Content-Security-Policy. */
export function proxy(request: NextRequest) {
  if (!allowedMethods.has(request.method)) return methodNotAllowed();
  if (request.nextUrl.pathname === '/') return withPolicy(redirectToReaderScript(request), assetContentSecurityPolicy);
  // `next dev` evaluates code and injects scripts for hot reloading: it gets no CSP.
  if (process.env.NODE_ENV === 'development') return NextResponse.next();
  const prerendered = prerenderedPagePolicy(request.nextUrl.pathname);
  if (prerendered) return withPolicy(NextResponse.next(), prerendered);
  // Next.js reads the nonce from this request header and writes it on the scripts it renders.
  const { policy } = onDemandPagePolicy();
  const headers = new Headers(request.headers);
  headers.set('Content-Security-Policy', policy);
  // Next.js answers 500 when a route parameter is not valid percent-encoding: show the 404 page instead.
  const response = isDecodable(request.nextUrl.pathname)
    ? NextResponse.next({ request: { headers } })
    : NextResponse.rewrite(new URL('/malformed-url', request.url), { request: { headers } });
  return withPolicy(response, policy);
}

function isDecodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

function withPolicy(response: NextResponse, policy: string): NextResponse {
  response.headers.set('Content-Security-Policy', policy);
  return response;
}

function methodNotAllowed(): NextResponse {
  const response = new NextResponse(null, { status: 405 });
  response.headers.set('Allow', [...allowedMethods].join(', '));
  response.headers.set('Cache-Control', 'no-store');
  return withPolicy(response, assetContentSecurityPolicy);
}

function redirectToReaderScript(request: NextRequest): NextResponse {
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

// Built assets are files, not pages: next.config.ts gives them their headers.
export const config = { matcher: ['/((?!_next/static/).*)'] };
