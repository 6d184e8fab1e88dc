/** The one line a grant's page shows where the rule book keeps a form from this person now. */
export function NotOffered({ why }: { why: string | null }) {
  return why ? <p className="body not-offered">{why}</p> : null;
}
