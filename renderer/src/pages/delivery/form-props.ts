import type { GrantDetail } from '../../../../shared/grants';
import type { SummaryError } from '../../components/ErrorSummary';

/** What each form on a grant's page is given: the grant, and the page's one error summary. */
export interface GrantFormProps {
  roundId: number;
  grant: GrantDetail;
  onSaved: (message: string) => void;
  errors: SummaryError[];
  setErrors: (errors: SummaryError[]) => void;
}
