import { useEffect, useRef, type ReactNode } from 'react';

/** The focusable, visually hidden line before the skip link that names the page just opened. */
export const PAGE_START_ID = 'page-start';

/**
 * Every screen: sets the window title and, on arrival, names the page in the focusable line at the
 * very top (before the skip link) and puts focus there, so a screen reader announces where the
 * user now is and the next Tab reaches the skip link and the header, as on a fresh page load.
 * Without that line (tests that render a page alone) focus goes to the main heading.
 */
export function Page({
  title,
  caption,
  children,
  actions,
}: {
  title: string;
  caption?: string;
  children: ReactNode;
  actions?: ReactNode;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} – Tranche`;
    const start = document.getElementById(PAGE_START_ID);
    if (start) {
      start.textContent = `${title} – Tranche`;
      start.focus({ preventScroll: true });
    } else heading.current?.focus({ preventScroll: true });
  }, [title]);
  return (
    <>
      <div className="page-header">
        <div>
          {caption && <span className="caption">{caption}</span>}
          <h1 className="heading-l" tabIndex={-1} ref={heading}>
            {title}
          </h1>
        </div>
        {actions && <div className="page-header__actions">{actions}</div>}
      </div>
      {children}
    </>
  );
}

export function Banner({ kind, children }: { kind: 'success' | 'important'; children: ReactNode }) {
  return (
    <div
      className={`banner banner--${kind}`}
      role={kind === 'success' ? 'status' : 'region'}
      aria-label={kind === 'success' ? 'Success' : 'Important'}
    >
      {children}
    </div>
  );
}

export function LoadFailure({ message }: { message: string }) {
  return (
    <div className="banner banner--error" role="alert">
      <p className="banner__title">Tranche could not load this page</p>
      <p>{message}</p>
    </div>
  );
}
