import { lazy, type ComponentType } from 'react';
import { PAGE_CODE, type PageName } from './start/page-code';

type Modules = { [N in PageName]: Awaited<ReturnType<(typeof PAGE_CODE)[N]>> };
type PageComponent<N extends PageName> = Modules[N] extends Record<N, infer C> ? C : never;
type PageProps<N extends PageName> =
  PageComponent<N> extends (props: infer P) => unknown ? (P extends object ? P : object) : never;

/** The page, for a route: React shows Suspense's fallback until its code has loaded. */
export function lazyPage<N extends PageName>(name: N) {
  return lazy(async () => {
    const code = (await PAGE_CODE[name]()) as unknown as Record<N, ComponentType<PageProps<N>>>;
    return { default: code[name] };
  });
}
