/** Two screens and a path each: /m/ (my orders) and /m/o/<id> (one order). History API only. */
import { useEffect, useState } from 'react';

export type Route = { name: 'orders' } | { name: 'order'; id: string };

export function parseRoute(path: string): Route {
  const m = /^\/m\/o\/([^/]+)\/?$/.exec(path);
  return m?.[1] ? { name: 'order', id: decodeURIComponent(m[1]) } : { name: 'orders' };
}

export function navigate(path: string): void {
  history.pushState(null, '', path);
  window.dispatchEvent(new PopStateEvent('popstate'));
  window.scrollTo(0, 0);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.pathname));
  useEffect(() => {
    const on = () => setRoute(parseRoute(location.pathname));
    window.addEventListener('popstate', on);
    return () => window.removeEventListener('popstate', on);
  }, []);
  return route;
}
