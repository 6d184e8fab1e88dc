import { createContext, useContext, type ReactNode } from 'react';
import type { Round } from '../../shared/rounds';
import { api } from './api';
import { useResult, type Loadable } from './hooks/useResult';

interface RoundsState {
  /** Active (not archived) rounds, for the switcher. */
  rounds: Loadable<Round[]>;
  reload: () => void;
}

const RoundsContext = createContext<RoundsState | null>(null);

export function RoundsProvider({ children }: { children: ReactNode }) {
  const [rounds, reload] = useResult(() => api.rounds.list({ includeArchived: false }), 'active-rounds');
  return <RoundsContext.Provider value={{ rounds, reload }}>{children}</RoundsContext.Provider>;
}

export function useRounds(): RoundsState {
  const state = useContext(RoundsContext);
  if (!state) throw new Error('useRounds outside RoundsProvider');
  return state;
}
