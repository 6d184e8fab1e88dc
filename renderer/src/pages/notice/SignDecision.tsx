import { useState } from 'react';
import type { NoticeData } from '../../../../shared/notice-data';
import type { AppError } from '../../../../shared/result';
import { api } from '../../api';
import { ReadinessGate } from '../../components/ReadinessGate';
import { SigningSummary } from '../../components/SigningSummary';
import { TextField } from '../../components/TextField';
import { useMe } from '../../profile-context';
import type { Notice } from './notice-words';

type Outcome = { ok: true } | { ok: false; error: AppError };

/** The commissioner's sign-off: the decision in brief, their interests and passphrase, and the readiness list. */
export function SignDecision({
  roundId,
  notice: n,
  refreshKey,
  act,
}: {
  roundId: number;
  notice: Notice;
  refreshKey: string;
  act: (label: string, call: () => Promise<Outcome>) => Promise<Outcome>;
}) {
  const me = useMe();
  const [interests, setInterests] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const sign = (readinessReason: string | undefined): Promise<Outcome> => {
    if (!passphrase)
      return Promise.resolve({
        ok: false as const,
        error: { code: 'invalid_input' as const, message: 'Enter your passphrase to sign' },
      });
    return act('Decision signed.', () =>
      api.notices.sign({ roundId, interests, readinessReason, passphrase }),
    ).then((result) => {
      setPassphrase('');
      return result;
    });
  };
  return (
    <section className="sign-off" aria-labelledby="sign-title">
      <h2 id="sign-title" className="heading-m">
        Sign the decision
      </h2>
      <p className="body">
        Signing locks the allocation and this notice. A change after that needs a new, numbered notice that
        supersedes this one. Your key signs it, so Tranche asks for your passphrase again now.
      </p>
      <ReadinessGate
        roundId={roundId}
        refreshKey={refreshKey}
        doing="sign the decision"
        button={`Sign decision ${n.number}`}
        go={sign}
      >
        <SigningSummary data={n.preview as NoticeData} />
        <TextField
          id="sign-interests"
          label="Your interests in this decision"
          hint="Leave blank if you have none"
          value={interests}
          onChange={setInterests}
        />
        <TextField
          id="sign-passphrase"
          label="Your passphrase, to sign"
          hint={`Given again at the moment you sign, as ${me?.name ?? 'the commissioner'}`}
          type="password"
          autoComplete="current-password"
          value={passphrase}
          onChange={setPassphrase}
          width="medium"
        />
      </ReadinessGate>
    </section>
  );
}
