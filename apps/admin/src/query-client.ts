import { QueryClient } from '@tanstack/react-query';

/** The app's one query cache: shared by components and by route loaders that prefetch. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { staleTime: 30_000, refetchOnWindowFocus: false, retry: 1 },
  },
});
