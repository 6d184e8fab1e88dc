/** A table cell drawing what was allocated (dark) over what was requested (light), to a shared scale. */
export function RequestedAllocatedBar({
  requestedPence,
  allocatedPence,
  maxPence,
}: {
  requestedPence: number;
  allocatedPence: number;
  maxPence: number;
}) {
  const width = (pence: number) => `${(pence / Math.max(1, maxPence)) * 100}%`;
  return (
    <td className="bar-cell" aria-hidden="true">
      <div className="bar-track">
        <span className="bar bar--requested" style={{ width: width(requestedPence) }} />
        <span className="bar bar--allocated" style={{ width: width(allocatedPence) }} />
      </div>
    </td>
  );
}
