import { useState } from 'react';
import { formatDate } from '../../../../shared/dates';
import { RAG_LABELS } from '../../../../shared/grants';
import { api } from '../../api';
import { FormGroup } from '../../components/FormGroup';
import { readFileAsBase64, saveFile } from '../../files';
import type { GrantFormProps } from './form-props';
import { NotOffered } from './NotOffered';

// Monitoring returns: the grant's template to send out, and a completed one imported back, all or
// nothing, with every bad cell named in the error summary and beside the file field.

const FILE_ID = 'return-file';

// long-function: a section read top to bottom as it appears; the template and the import share its errors
export function ReturnsSection(
  props: GrantFormProps & {
    /** Why importing a return is not offered (null: it is). */
    whyNotImport: string | null;
  },
) {
  const { grant } = props;
  const [file, setFile] = useState<File | null>(null);
  const { errors, setErrors } = props;
  const template = async () => {
    const result = await api.returns.template({ roundId: props.roundId, bidRef: grant.ref });
    if (!result.ok) return setErrors([{ message: result.error.message }]);
    saveFile(result.value);
  };
  const upload = async () => {
    if (!file) return setErrors([{ fieldId: FILE_ID, message: 'Choose the completed return to import' }]);
    const result = await api.returns.import({
      roundId: props.roundId,
      fileName: file.name,
      dataBase64: await readFileAsBase64(file),
    });
    if (!result.ok) {
      const lines = result.error.issues?.length ? result.error.issues : [{ message: result.error.message }];
      return setErrors(lines.map((i) => ({ fieldId: FILE_ID, message: i.message })));
    }
    setErrors([]);
    const r = result.value;
    props.onSaved(
      `Return for grant ${r.ref} due ${formatDate(r.dueOn)} imported` +
        `${r.late ? ' (late)' : ''}: ${RAG_LABELS[r.rag]}.`,
    );
  };
  const fileErrors = errors.filter((e) => e.fieldId === FILE_ID).map((e) => e.message);
  return (
    <section aria-labelledby="returns-title">
      <h2 id="returns-title" className="heading-m">
        Monitoring returns
      </h2>
      <ul className="list--compact">
        {grant.returns.map((r) => (
          <li key={r.dueOn}>
            Due {formatDate(r.dueOn)}:{' '}
            {r.receivedOn
              ? `received ${formatDate(r.receivedOn)}${r.late ? ', late' : ''}${r.rag ? `, ${RAG_LABELS[r.rag]}` : ''}`
              : `not received${r.late ? ', overdue' : ''}`}
          </li>
        ))}
      </ul>
      <p>
        <button type="button" className="button button--secondary" onClick={() => void template()}>
          Download the return template
        </button>
      </p>
      <NotOffered why={props.whyNotImport} />
      {props.whyNotImport === null && (
        <form
          aria-labelledby="return-import-title"
          onSubmit={(e) => {
            e.preventDefault();
            void upload();
          }}
        >
          <h3 id="return-import-title" className="heading-s">
            Import a completed return
          </h3>
          <FormGroup
            id={FILE_ID}
            label="Completed return (.xlsx)"
            hint="A return with any bad cell is not imported at all."
            error={fileErrors.length ? fileErrors : undefined}
          >
            {(field) => (
              <input
                {...field}
                type="file"
                accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                onChange={(e) => setFile(e.target.files?.[0] ?? null)}
              />
            )}
          </FormGroup>
          <button type="submit" className="button">
            Import the return
          </button>
        </form>
      )}
    </section>
  );
}
