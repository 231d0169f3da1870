import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo } from 'react';
import { readToken, setUnauthenticatedHandler, writeToken } from '../graphql/client';
import type { Viewer } from './permissions';
import { fetchViewer, logIn, logOut } from './session-api';

interface SessionValue {
  readonly viewer: Viewer | null;
  /** True while the stored token is being checked on first load. */
  readonly checking: boolean;
  readonly logIn: (username: string, password: string) => Promise<string | null>;
  readonly logOut: () => Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

/** Who is signed in: null without a token (or with one the gateway no longer accepts). */
export const meQuery = {
  queryKey: ['me'],
  queryFn: async (): Promise<Viewer | null> => (readToken() ? await fetchViewer() : null),
  staleTime: 5 * 60_000,
  retry: false,
} as const;

/** The signed-in user: a bearer token in localStorage, checked with the gateway's `me`. */
export function SessionProvider({ children }: { readonly children: ReactNode }) {
  const client = useQueryClient();
  const me = useQuery(meQuery);

  // Another user's data must not survive a sign-in or sign-out; the `me` query itself stays (its
  // observer is this provider) and is set directly.
  const forgetData = useCallback(
    () => client.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' }),
    [client],
  );

  const clear = useCallback(() => {
    writeToken(null);
    forgetData();
    client.setQueryData(['me'], null);
  }, [client, forgetData]);

  useEffect(() => setUnauthenticatedHandler(clear), [clear]);

  const value = useMemo<SessionValue>(
    () => ({
      viewer: me.data ?? null,
      checking: me.isPending,
      logIn: async (username, password) => {
        const result = await logIn(username, password);
        if (!result.ok) return result.message;
        writeToken(result.token);
        forgetData();
        client.setQueryData(['me'], result.viewer);
        return null;
      },
      logOut: async () => {
        try {
          await logOut();
        } finally {
          clear();
        }
      },
    }),
    [me.data, me.isPending, client, clear, forgetData],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (value === null) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The signed-in user, for pages behind the login (the layout guarantees one). */
export function useViewer(): Viewer {
  const { viewer } = useSession();
  if (viewer === null) throw new Error('useViewer without a signed-in user');
  return viewer;
}
