import { api } from '../../api';
import { ReadinessGate } from '../../components/ReadinessGate';
import { PacksPanel } from '../../packs/PacksPanel';
import { useMayWrite } from '../../packs/round-copy';
import { signedNoticeReceived } from './notice-words';
import type { NoticeSectionProps } from './NoticeSections';
import { SignDecision } from './SignDecision';

const SIGNOFF_PACK_INTRO =
  'A commissioner who signs on their own laptop gets a sign-off pack of this notice with its ' +
  'full decision, signs it there and sends back the signed notice, which you receive here. ' +
  'It is accepted only if it is exactly the notice sent and the signature is theirs.';

/** Sending for sign-off, the sign-off pack, the commissioner's signing, and superseding a signed notice. */
export function SignOffSteps({
  roundId,
  notice: n,
  act,
  say,
  fail,
  reload,
  lead,
  commissioner,
  refreshKey,
}: NoticeSectionProps & { lead: boolean; commissioner: boolean; refreshKey: string }) {
  const { may } = useMayWrite(roundId);
  return (
    <>
      {lead && n.status === 'draft' && (
        <ReadinessGate
          roundId={roundId}
          refreshKey={refreshKey}
          doing="send the notice for sign-off"
          button="Send for sign-off"
          go={(readinessReason) =>
            act('Sent to the commissioner for sign-off.', () =>
              api.notices.ready({ roundId, readinessReason }),
            )
          }
        />
      )}
      {n.status === 'ready' && may('packs:make') && (
        <PacksPanel
          roundId={roundId}
          intro={SIGNOFF_PACK_INTRO}
          send={{ kind: 'signoff', people: null, buttonLabel: 'Send to the commissioner' }}
          receiveLabel="Receive the signed notice"
          fileLabel="Signed notice returned by the commissioner"
          onReceived={(received) => {
            // Once signed, the notice no longer awaits sign-off and this panel goes: say it here.
            say(signedNoticeReceived(received));
            reload();
          }}
        />
      )}
      {lead && n.status === 'signed' && (
        <button
          type="button"
          className="button button--secondary"
          onClick={() =>
            void act(
              'A superseding notice is drafted: the allocation can change again until it is signed.',
              () => api.notices.supersede({ roundId }),
            ).then((r) => !r.ok && fail(r.error.message))
          }
        >
          Draft a superseding notice
        </button>
      )}
      {commissioner && n.status !== 'signed' && n.status !== 'superseded' && (
        <SignDecision roundId={roundId} notice={n} refreshKey={refreshKey} act={act} />
      )}
    </>
  );
}
