import { createContext, type ReactNode, useContext, useMemo, useState } from 'react';
import { chinaToday, type IsoDay } from '../lib/dates';

interface AsOfValue {
  /** The day every page computes statuses and scores for (默认今天). */
  readonly asOf: IsoDay;
  readonly setAsOf: (day: IsoDay) => void;
  readonly isToday: boolean;
}

const AsOfContext = createContext<AsOfValue | null>(null);
const KEY = 'qxg.asOf';

/** The as-of day a new page starts with: the tab's last choice, else today in China. */
export function initialAsOf(): IsoDay {
  return sessionStorage.getItem(KEY) ?? chinaToday();
}

/** Holds the header's "as of" date; kept for the browser tab's session so a reload keeps it. */
export function AsOfProvider({ children }: { readonly children: ReactNode }) {
  const today = chinaToday();
  const [asOf, setState] = useState<IsoDay>(initialAsOf);
  const value = useMemo<AsOfValue>(
    () => ({
      asOf,
      isToday: asOf === today,
      setAsOf: (day) => {
        sessionStorage.setItem(KEY, day);
        setState(day);
      },
    }),
    [asOf, today],
  );
  return <AsOfContext.Provider value={value}>{children}</AsOfContext.Provider>;
}

export function useAsOf(): AsOfValue {
  const value = useContext(AsOfContext);
  if (value === null) throw new Error('useAsOf outside AsOfProvider');
  return value;
}
