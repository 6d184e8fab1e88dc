import { Link } from 'wouter';
import { TASK_STATUS_LABELS, type RoundProgress, type TaskStatus } from '../../../shared/progress';
import { roundPagePath } from '../../../shared/readiness';
import { api } from '../api';
import { useResult } from '../hooks/useResult';
import { LoadFailure } from './Page';

const TAG: Record<TaskStatus, string> = {
  done: 'tag--green',
  in_progress: 'tag--blue',
  not_started: 'tag--grey',
  attention: 'tag--red',
  cannot_start: 'tag--plain',
  hidden: 'tag--plain',
};

/** Scoring, assessor by assessor: sheets submitted of those each is to score. */
function ByAssessor({ assessors }: { assessors: RoundProgress['assessors'] }) {
  if (assessors.length === 0) return null;
  return (
    <details className="details task-list__more">
      <summary>Scoring by assessor</summary>
      <ul className="task-list__assessors">
        {assessors.map((a) => (
          <li key={a.person}>
            {a.person}: {a.submitted} of {a.expected} submitted
            {a.conflicts > 0 && ` (${a.conflicts} conflict${a.conflicts === 1 ? '' : 's'} declared)`}
          </li>
        ))}
      </ul>
    </details>
  );
}

/**
 * Where the round stands, as a GOV.UK task list: each task's status, its count and a link to the
 * next thing to do. The figures come from one handler (rounds:progress).
 */
export function RoundTasks({ roundId, refreshKey }: { roundId: number; refreshKey: string }) {
  const [progress] = useResult(() => api.rounds.progress({ roundId }), `progress:${roundId}:${refreshKey}`);
  if (progress.state === 'loading') return <p aria-live="polite">Counting where the round stands…</p>;
  if (progress.state === 'failed') return <LoadFailure message={progress.error.message} />;
  const { tasks, assessors } = progress.value;
  return (
    <section aria-labelledby="round-tasks-title">
      <h2 id="round-tasks-title" className="heading-m">
        Where the round stands
      </h2>
      <ul className="task-list">
        {tasks.map((task) => (
          <li key={task.key} className="task-list__item">
            <div className="task-list__name">
              <span className="task-list__label">{task.label}</span>
              <div className="task-list__count">
                {task.count}
                {task.next && task.page !== 'overview' && (
                  <>
                    {' · '}
                    <Link href={roundPagePath(roundId, task.page)} className="task-list__next">
                      {task.next}
                      <span className="visually-hidden"> ({task.label.toLowerCase()})</span>
                    </Link>
                  </>
                )}
              </div>
              {task.key === 'scoring' && <ByAssessor assessors={assessors} />}
            </div>
            <strong id={`task-${task.key}-status`} className={`tag task-list__status ${TAG[task.status]}`}>
              {TASK_STATUS_LABELS[task.status]}
            </strong>
          </li>
        ))}
      </ul>
    </section>
  );
}
