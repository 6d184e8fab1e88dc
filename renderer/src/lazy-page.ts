import { createElement, lazy, useState, type ComponentType } from 'react';
import { LOADED_PAGES, loadPage, PAGE_CODE, type PageName } from './start/page-code';

type Modules = { [N in PageName]: Awaited<ReturnType<(typeof PAGE_CODE)[N]>> };
type PageComponent<N extends PageName> = Modules[N] extends Record<N, infer C> ? C : never;
type PageProps<N extends PageName> =
  PageComponent<N> extends (props: infer P) => unknown ? (P extends object ? P : object) : never;

/**
 * The page, for a route. Until its code has arrived React shows Suspense's fallback; once it has (it
 * was loaded as the app started, or shown before), the page is drawn at once, without suspending:
 * React holds back content that resolves soon after a fallback, which would delay the first rows.
 */
export function lazyPage<N extends PageName>(name: N) {
  const componentOf = (code: Record<string, unknown>) => code[name] as ComponentType<PageProps<N>>;
  const Lazy = lazy(async () => ({ default: componentOf(await loadPage(name)) }));
  function RoutePage(props: PageProps<N>) {
    // Chosen once per visit: switching between the two would draw the page afresh and lose its state.
    const [loaded] = useState(() => LOADED_PAGES.get(name));
    return createElement(loaded ? componentOf(loaded) : Lazy, props);
  }
  RoutePage.displayName = name;
  return RoutePage;
}
