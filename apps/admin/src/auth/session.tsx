import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useEffect, useMemo } from 'react';
import { readToken, setUnauthenticatedHandler, writeToken } from '../graphql/client';
import { QUERY_KEYS } from '../graphql/query-keys';
import { present, useProvided } from '../lib/required';
import type { Viewer } from './permissions';
import { fetchViewer, logIn, logOut } from './session-api';

interface SessionValue {
  readonly viewer: Viewer | null;
  /** True while the stored token is being checked on first load. */
  readonly checking: boolean;
  /** Signs in; rejects with the gateway's reason (a wrong password, no connection). */
  readonly logIn: (username: string, password: string) => Promise<void>;
  readonly logOut: () => Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

/** Who is signed in: null without a token (or with one the gateway no longer accepts). */
export const meQuery = {
  queryKey: QUERY_KEYS.me,
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
    () => client.removeQueries({ predicate: (q) => q.queryKey[0] !== QUERY_KEYS.me[0] }),
    [client],
  );

  const clear = useCallback(() => {
    writeToken(null);
    forgetData();
    client.setQueryData(QUERY_KEYS.me, null);
  }, [client, forgetData]);

  useEffect(() => setUnauthenticatedHandler(clear), [clear]);

  const value = useMemo<SessionValue>(
    () => ({
      viewer: me.data ?? null,
      checking: me.isPending,
      logIn: async (username, password) => {
        const { token, viewer } = await logIn(username, password);
        writeToken(token);
        forgetData();
        client.setQueryData(QUERY_KEYS.me, viewer);
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
  return useProvided(SessionContext, 'useSession outside SessionProvider');
}

/** The signed-in user, for pages behind the login (the layout guarantees one). */
export function useViewer(): Viewer {
  return present(useSession().viewer, 'useViewer without a signed-in user');
}
