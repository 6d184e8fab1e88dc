import { useState } from 'react';
import { api } from '../../api';
import { LoadFailure } from '../../components/Page';
import type { Notice } from './notice-words';
import { WordingFields, type EditorValues } from './WordingFields';

/** The lead officer's editor for a notice's title, marking and standard wording, folded away. */
export function NoticeEditor({
  notice,
  fund,
  onSaved,
}: {
  notice: Notice;
  fund: string;
  onSaved: (message: string) => void;
}) {
  const [values, setValues] = useState<EditorValues>({
    title: notice.title,
    marking: notice.marking,
    wording: notice.wording,
    appendixB: notice.includeAppendixB,
    summary: notice.summary ?? '',
  });
  const [error, setError] = useState<string | null>(null);
  const saveTemplate = async () => {
    const result = await api.notices.setTemplate({ fund, wording: values.wording });
    if (!result.ok) return setError(result.error.message);
    setError(null);
    onSaved(`This wording is now the ${fund} standard for new notices.`);
  };
  const save = async () => {
    const { title, marking, wording, appendixB, summary } = values;
    const result = await api.notices.update({
      noticeId: notice.id,
      title,
      marking,
      wording,
      includeAppendixB: appendixB,
      summary,
    });
    if (!result.ok) return setError(result.error.message);
    setError(null);
    onSaved('Notice saved.');
  };
  return (
    <details className="details">
      <summary>Edit the notice&apos;s title, marking and standard wording</summary>
      {error && <LoadFailure message={error} />}
      <div className="form form--wide">
        <WordingFields values={values} onChange={(change) => setValues((v) => ({ ...v, ...change }))} />
        <div className="button-group">
          <button type="button" className="button" onClick={() => void save()}>
            Save the notice
          </button>
          <button type="button" className="button button--secondary" onClick={() => void saveTemplate()}>
            Use this wording for every {fund} notice
          </button>
        </div>
      </div>
    </details>
  );
}
