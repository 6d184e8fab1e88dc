/** The declaration's question, its two answers, and the conflict's description when one is declared. */
export function DeclarationFields({
  choice,
  setChoice,
  nature,
  setNature,
}: {
  choice: 'none' | 'conflict' | '';
  setChoice: (choice: 'none' | 'conflict') => void;
  nature: string;
  setNature: (nature: string) => void;
}) {
  return (
    <fieldset className="fieldset">
      <legend className="label">
        Before you see or score this bid: do you have a conflict of interest in it?
      </legend>
      <div className="hint">
        For example, you work for, advise or are related to someone in the applicant partnership. A conflicted
        assessor does not score and is left out of the averages.
      </div>
      <div className="checkbox">
        <input
          type="radio"
          id="declare-none"
          name="declare"
          checked={choice === 'none'}
          onChange={() => setChoice('none')}
        />
        <label htmlFor="declare-none">No, I have no conflict of interest</label>
      </div>
      <div className="checkbox">
        <input
          type="radio"
          id="declare-conflict"
          name="declare"
          checked={choice === 'conflict'}
          onChange={() => setChoice('conflict')}
        />
        <label htmlFor="declare-conflict">Yes, I have a conflict of interest</label>
      </div>
      {choice === 'conflict' && (
        <div className="form-group">
          <label className="label" htmlFor="declare-nature">
            What is the conflict?
          </label>
          <textarea
            id="declare-nature"
            className="input"
            rows={3}
            value={nature}
            onChange={(e) => setNature(e.target.value)}
          />
        </div>
      )}
    </fieldset>
  );
}
