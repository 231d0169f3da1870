/**
 * Login throttling: failed sign-ins are counted per username and per client address, and after a
 * few free attempts each further attempt must wait a growing delay (1 s, 2 s, 4 s … up to 15
 * minutes). A success clears the username's count; an hour without failures forgets a key. The
 * counts live in the process (a restart forgets them; with several gateway processes each counts its
 * own share, which still multiplies an attacker's cost by the number of free attempts).
 */
export interface LoginGuardOptions {
  /** Failures allowed before delays start (default 5). */
  readonly freeAttempts?: number;
  /** The longest delay, in seconds (default 900). */
  readonly maxDelaySeconds?: number;
  /** Seconds without a failure after which a key is forgotten (default 3600). */
  readonly forgetAfterSeconds?: number;
  /** Keys kept at most (default 10,000; the stalest go first). */
  readonly maxKeys?: number;
}

interface Failures {
  count: number;
  last: number;
}

export interface LoginGuard {
  /** Seconds the caller must still wait before another attempt for these keys (0: go ahead). */
  waitSeconds(keys: readonly string[], now: Date): number;
  /** Records a failed attempt for each key. */
  failed(keys: readonly string[], now: Date): void;
  /** Forgets the failures of these keys (after a successful sign-in). */
  succeeded(keys: readonly string[]): void;
}

/** The keys of one attempt: the normalised username and the client's address. */
export function loginKeys(username: string, address: string | null): string[] {
  const keys = [`user:${username.normalize('NFKC').trim().toLowerCase()}`];
  if (address) keys.push(`addr:${address}`);
  return keys;
}

export function createLoginGuard(options: LoginGuardOptions = {}): LoginGuard {
  const free = options.freeAttempts ?? 5;
  const maxDelay = options.maxDelaySeconds ?? 900;
  const forget = (options.forgetAfterSeconds ?? 3600) * 1000;
  const maxKeys = options.maxKeys ?? 10_000;
  const failures = new Map<string, Failures>();

  const current = (key: string, now: number): Failures | undefined => {
    const f = failures.get(key);
    if (f && now - f.last > forget) {
      failures.delete(key);
      return undefined;
    }
    return f;
  };
  return {
    waitSeconds(keys, now) {
      const t = now.getTime();
      let wait = 0;
      for (const key of keys) {
        const f = current(key, t);
        if (!f || f.count < free) continue;
        const delay = Math.min(maxDelay, 2 ** (f.count - free)) * 1000;
        wait = Math.max(wait, Math.ceil((f.last + delay - t) / 1000));
      }
      return wait;
    },
    failed(keys, now) {
      const t = now.getTime();
      for (const key of keys) {
        const f = current(key, t) ?? { count: 0, last: t };
        f.count++;
        f.last = t;
        failures.delete(key);
        failures.set(key, f);
      }
      while (failures.size > maxKeys) {
        const oldest = failures.keys().next().value;
        if (oldest === undefined) break;
        failures.delete(oldest);
      }
    },
    succeeded(keys) {
      for (const key of keys) if (key.startsWith('user:')) failures.delete(key);
    },
  };
}
