import { useEffect, useRef, type ReactNode } from 'react';

/**
 * Every screen: sets the window title and, on arrival, puts focus on the main heading so a
 * screen reader announces where the user now is.
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
    heading.current?.focus({ preventScroll: true });
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
