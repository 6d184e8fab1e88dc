import { formatMoney } from '../../../../shared/money';
import { TextField } from '../../components/TextField';
import { costLinesTotalAsTyped, type BidFormErrors, type CostLineRow } from '../../forms/bid-form';
import { bidFieldId as fieldId } from './edits';

/** The business case's cost lines, each removable, a button to add one, and what they add up to. */
export function CostLines({
  lines,
  errors,
  setLine,
  onAdd,
  onRemove,
}: {
  lines: CostLineRow[];
  errors: BidFormErrors;
  setLine: (index: number, part: keyof CostLineRow) => (value: string) => void;
  onAdd: () => void;
  onRemove: (index: number) => void;
}) {
  const total = costLinesTotalAsTyped(lines);
  return (
    <fieldset className="fieldset">
      <legend className="label">Cost lines</legend>
      <div className="hint">
        Each item with its quantity and unit cost, or just its amount. Amounts are kept as stated and checked.
      </div>
      {lines.map((line, i) => (
        <div className="commitment-row" key={i}>
          <CostLineFields index={i} line={line} errors={errors} setLine={setLine} />
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => onRemove(i)}
          >
            Remove<span className="visually-hidden"> line {i + 1}</span>
          </button>
        </div>
      ))}
      <button type="button" className="button button--secondary" onClick={onAdd}>
        Add a cost line
      </button>
      <p className="inset" aria-live="polite">
        Cost lines add up to: <strong>{total === null ? '—' : formatMoney(total)}</strong>
      </p>
    </fieldset>
  );
}

const PARTS: { part: keyof CostLineRow; label: string; money?: boolean; number?: boolean }[] = [
  { part: 'description', label: 'item' },
  { part: 'quantity', label: 'quantity', number: true },
  { part: 'unitCost', label: 'unit cost', money: true, number: true },
  { part: 'amount', label: 'amount', money: true, number: true },
];

/** One cost line's item, quantity, unit cost and amount. */
function CostLineFields({
  index: i,
  line,
  errors,
  setLine,
}: {
  index: number;
  line: CostLineRow;
  errors: BidFormErrors;
  setLine: (index: number, part: keyof CostLineRow) => (value: string) => void;
}) {
  return (
    <>
      {PARTS.map(({ part, label, money, number }) => (
        <TextField
          key={part}
          id={fieldId(`costLines.${i}.${part}`)}
          label={`Line ${i + 1}: ${label}`}
          {...(money ? { prefix: '£' } : {})}
          {...(number ? { inputMode: 'decimal' as const } : {})}
          value={line[part]}
          onChange={setLine(i, part)}
          error={errors[`costLines.${i}.${part}`]}
          autoComplete="off"
          width={part === 'description' ? 'medium' : 'short'}
        />
      ))}
    </>
  );
}
