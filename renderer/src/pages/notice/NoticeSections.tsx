import { whyNotNow } from '../../../../shared/may-act';
import type { NoticeData } from '../../../../shared/notice-data';
import type { AppError } from '../../../../shared/result';
import type { Stage } from '../../../../shared/stages';
import { NoticeContact } from '../../components/NoticeContact';
import { NoticePreview } from '../../components/NoticePreview';
import { NoticeWords } from '../../components/NoticeWords';
import { useMayWrite } from '../../packs/round-copy';
import { useMe } from '../../profile-context';
import { NoticeEditor } from './NoticeEditor';
import { NoticeExports } from './NoticeExports';
import { NoticeStatus } from './NoticeStatus';
import { isOpen, type Notice } from './notice-words';
import { SignOffSteps } from './SignOffSteps';

type Outcome = { ok: true } | { ok: false; error: AppError };

export type NoticeSectionProps = {
  roundId: number;
  round: { fund: string; stage: Stage } | null;
  notice: Notice;
  generation: number;
  act: (label: string, call: () => Promise<Outcome>) => Promise<Outcome>;
  say: (message: string) => void;
  fail: (message: string) => void;
  reload: () => void;
  reloadAll: () => void;
};

/** A drafted notice's page, top to bottom: status, downloads, its words, sending, signing, preview. */
export function NoticeSections(props: NoticeSectionProps) {
  const { roundId, round, notice: n, generation, say, fail, reload, reloadAll } = props;
  const me = useMe();
  const { copy, may } = useMayWrite(roundId);
  // On a round copy (the commissioner's, from a sign-off pack) the notice is the office's: it can
  // only be signed there.
  const lead = me?.role === 'lead_officer' && may('notices:update');
  const commissioner = me?.role === 'commissioner' && may('notices:sign');
  const open = isOpen(n);
  const saved = (message: string) => {
    say(message);
    reloadAll();
  };
  const refreshKey = `${n.status}:${generation}`;
  return (
    <>
      <NoticeStatus notice={n} />
      <NoticeExports
        roundId={roundId}
        notice={n}
        lead={lead}
        onExported={reload}
        onMessage={say}
        onError={fail}
      />
      {/* On a copy the contact details are the office's, frozen in the content sent for signing. */}
      {!copy && open && (
        <NoticeContact
          contact={(n.preview as NoticeData).contact}
          canEdit={lead}
          onSaved={() => saved('Contact details saved: the notice now prints them.')}
        />
      )}
      {!copy && open && (
        <NoticeWords
          key={`words:${n.id}`}
          notice={n}
          canEdit={
            me?.role === 'lead_officer' &&
            may('notices:set') &&
            !!round &&
            !whyNotNow('notices:set', round.stage)
          }
          onSaved={saved}
        />
      )}
      {lead && open && <NoticeEditor key={n.id} notice={n} fund={round?.fund ?? ''} onSaved={saved} />}
      <SignOffSteps {...props} lead={lead} commissioner={commissioner} refreshKey={refreshKey} />
      <h2 className="heading-m">Preview</h2>
      <NoticePreview data={n.preview as NoticeData} />
    </>
  );
}
