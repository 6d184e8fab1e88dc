import { createContext, useCallback, useContext, useEffect, type ReactNode } from 'react';
import type { Person, SessionInfo } from '../../shared/people';
import { api } from './api';
import { useResult, type Loadable } from './hooks/useResult';

interface ProfileState {
  me: Loadable<Person | null>;
  /** Who is acting, whether the session locked, and what set-up the profile page offers. */
  session: Loadable<SessionInfo>;
  reload: () => void;
}

const ProfileContext = createContext<ProfileState | null>(null);

/** How often the app asks whether the session has locked (asking does not keep it alive). */
const SESSION_POLL_MS = 20_000;

/**
 * Who is using Tranche: the person who gave their passphrase. The unlocked key stays in the main
 * process; the page only learns the name, role, fingerprint and whether the session has locked.
 */
export function ProfileProvider({ children }: { children: ReactNode }) {
  const [me, reloadMe] = useResult(() => api.people.me(), 'me');
  const [session, reloadSession] = useResult(() => api.people.session(), 'session');
  const reload = useCallback(() => {
    reloadMe();
    reloadSession();
  }, [reloadMe, reloadSession]);
  useEffect(() => {
    const timer = window.setInterval(reloadSession, SESSION_POLL_MS);
    window.addEventListener('focus', reloadSession);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('focus', reloadSession);
    };
  }, [reloadSession]);
  return <ProfileContext.Provider value={{ me, session, reload }}>{children}</ProfileContext.Provider>;
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
