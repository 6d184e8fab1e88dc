import { createContext, useContext, type ReactNode } from 'react';
import type { Person } from '../../shared/people';
import { api } from './api';
import { useResult, type Loadable } from './hooks/useResult';

interface ProfileState {
  me: Loadable<Person | null>;
  reload: () => void;
}

const ProfileContext = createContext<ProfileState | null>(null);

/** Who is using Tranche on this computer: every operation is checked against their role. */
export function ProfileProvider({ children }: { children: ReactNode }) {
  const [me, reload] = useResult(() => api.people.me(), 'me');
  return <ProfileContext.Provider value={{ me, reload }}>{children}</ProfileContext.Provider>;
}

export function useProfile(): ProfileState {
  const state = useContext(ProfileContext);
  if (!state) throw new Error('useProfile outside ProfileProvider');
  return state;
}

export function useMe(): Person | null {
  const { me } = useProfile();
  return me.state === 'ready' ? me.value : null;
}
