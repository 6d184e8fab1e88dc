import type { Output } from '../../../../shared/contract';
import { BoardViews, type BoardViewList } from './BoardViews';
import { offersSave, type Option } from './maths';
import type { AllocationEditor } from './useAllocationEditor';

type Ranked = Output<'assessment:rankingRows'>[number];

/** Why a bid's award departs from the ranking: the recorded reason, or what still needs one. */
export function Departure({
  ranked,
  editor,
  canAllocate,
}: {
  ranked: Ranked;
  editor: AllocationEditor;
  canAllocate: boolean;
}) {
  const ref = ranked.ref;
  const item = editor.item(ref);
  return (
    <>
      {editor.pending(ref) && canAllocate && (
        <div className="reason-form">
          <label className="label" htmlFor={`reason-${ref}`}>
            Reason for {ref}&apos;s award (recorded and printed in the notice)
          </label>
          <textarea
            id={`reason-${ref}`}
            className="input"
            rows={2}
            value={editor.reason(ref)}
            onChange={(e) => editor.setReason(ref, e.target.value)}
          />
          <button
            type="button"
            className="button button--secondary"
            onClick={() => void editor.allocateWithReason(ref)}
          >
            Allocate with this reason
          </button>
        </div>
      )}
      {item?.reason && (
        <p className="reason-note">
          <strong>Reason recorded:</strong> {item.reason}
        </p>
      )}
      {!item?.reason &&
        item?.departures.map((d) => (
          <p key={d} className="reason-note reason-note--missing">
            {d}: no reason recorded yet.
          </p>
        ))}
    </>
  );
}

/**
 * The conditions of grant for a funded bid, and why the commissioner considers it will reduce crime
 * and disorder (the register prints it): full-width boxes under the bid, with their own Save.
 */
export function Conditions({ refText, editor }: { refText: string; editor: AllocationEditor }) {
  return (
    <div className="conditions-form">
      <label className="label label--small" htmlFor={`conditions-${refText}`}>
        Conditions of grant for {refText}
      </label>
      <textarea
        id={`conditions-${refText}`}
        className="input"
        rows={2}
        value={editor.conditions(refText)}
        onChange={(e) => editor.setConditions(refText, e.target.value)}
      />
      <label className="label label--small" htmlFor={`crime-${refText}`}>
        Why {refText} will reduce crime and disorder
      </label>
      <textarea
        id={`crime-${refText}`}
        className="input"
        rows={2}
        value={editor.crimeReduction(refText)}
        onChange={(e) => editor.setCrimeReduction(refText, e.target.value)}
      />
      <button
        type="button"
        className="button button--secondary button--small"
        onClick={() => void editor.saveConditions(refText)}
      >
        Save<span className="visually-hidden"> conditions for {refText} and why it will reduce crime</span>
      </button>
    </div>
  );
}

/** The option select for a bid, its custom amount and its Save button. */
export function OptionChoice({
  refText,
  editor,
  canAllocate,
}: {
  refText: string;
  editor: AllocationEditor;
  canAllocate: boolean;
}) {
  const shown: Option = editor.chosen(refText) ?? editor.saved(refText);
  return (
    <>
      <label className="visually-hidden" htmlFor={`alloc-${refText}`}>
        Allocation for {refText}
      </label>
      <select
        id={`alloc-${refText}`}
        className="select"
        disabled={!canAllocate}
        value={shown}
        onChange={(e) => editor.choose(refText, e.target.value as Option)}
      >
        <option value="none">Nothing</option>
        <option value="full">Full amount</option>
        <option value="reduced">Reduced amount</option>
        <option value="custom">Custom amount</option>
      </select>
      {canAllocate && shown === 'custom' && (
        <span className="inline-custom">
          <label className="visually-hidden" htmlFor={`custom-${refText}`}>
            Custom amount for {refText}
          </label>
          <input
            id={`custom-${refText}`}
            className="input input--short"
            inputMode="decimal"
            placeholder="£"
            value={editor.custom(refText)}
            onChange={(e) => editor.setCustom(refText, e.target.value)}
          />
        </span>
      )}
      {canAllocate && offersSave(editor.chosen(refText), editor.saved(refText)) && (
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => void editor.allocate(refText, shown)}
        >
          Save<span className="visually-hidden"> allocation for {refText}</span>
        </button>
      )}
    </>
  );
}

/** The bid's cell: what it is, any error, why it departs from the ranking, the board's views, its terms. */
export function BidCell(props: {
  ranked: Ranked;
  views: BoardViewList | undefined;
  editor: AllocationEditor;
  canAllocate: boolean;
}) {
  const { ranked: r, editor, canAllocate } = props;
  const item = editor.item(r.ref);
  return (
    <>
      <strong>{r.ref}</strong> {r.title}
      <div className="hint">{r.partnership}</div>
      {editor.error(r.ref) && (
        <p className="error-message" role="alert">
          {editor.error(r.ref)}
        </p>
      )}
      <Departure ranked={r} editor={editor} canAllocate={canAllocate} />
      <BoardViews refText={r.ref} views={props.views} />
      {canAllocate && editor.saved(r.ref) !== 'none' && <Conditions refText={r.ref} editor={editor} />}
      {!canAllocate && item?.conditions && (
        <p className="reason-note">
          <strong>Conditions of grant:</strong> {item.conditions}
        </p>
      )}
      {!canAllocate && item?.crimeReduction && (
        <p className="reason-note">
          <strong>Why it will reduce crime and disorder:</strong> {item.crimeReduction}
        </p>
      )}
    </>
  );
}
