import type { Db, QxgPrismaClient, UserRole } from '@qxg/db';
import { createLoaders, type Loaders } from './loaders';
import { clientAddressOf, type NodeRequestLike } from './services/client-address';
import { defaultLoginSecurity, type LoginSecurity } from './services/login';
import { type SessionOfRequest, sessionsOfRequests } from './services/sessions';
import { chinaToday } from './services/status';
import { visibleWhere } from './visibility';

/** The signed-in user, as resolvers see it. */
export interface Viewer {
  readonly id: string;
  readonly username: string;
  readonly role: UserRole;
  /** The unit a REPORTER writes for. */
  readonly unitId: string | null;
  /** Signed in with a one-time password: only `me`, `changePassword` and `logout` answer (password-gate.ts). */
  readonly mustChangePassword: boolean;
}

export interface GatewaySettings {
  readonly sessionTtlHours: number;
}

export interface Context {
  readonly db: Db;
  readonly prisma: QxgPrismaClient;
  /** The request's clock: "now" is read once, here, and passed to the core. */
  readonly now: Date;
  /** Today in China (`YYYY-MM-DD`): the default `asOf`. */
  readonly today: string;
  readonly viewer: Viewer | null;
  readonly sessionId: string | null;
  readonly loaders: Loaders;
  readonly settings: GatewaySettings;
  /** The client's address (the TCP peer, or X-Forwarded-For's last entry with QXG_TRUST_PROXY=1). */
  readonly clientAddress: string | null;
  /** The request's User-Agent (at most 300 characters), kept with a new session. */
  readonly userAgent: string | null;
  /** Login throttling and password checks, one per gateway (tests inject spies). */
  readonly login: LoginSecurity;
}

export interface ContextOptions {
  readonly db: Db;
  readonly settings: GatewaySettings;
  /** Defaults to the system clock; tests pass a fixed one. */
  readonly clock?: () => Date;
  /** Shared with the result cache, so a request's session is looked up once. */
  readonly sessionOf?: SessionOfRequest;
  /** Honour X-Forwarded-For (QXG_TRUST_PROXY=1). */
  readonly trustProxy?: boolean;
  /** Defaults to a fresh throttle and the real scrypt checks. */
  readonly login?: LoginSecurity;
}

export function createContextFactory(
  options: ContextOptions,
): (init: { request: Request; req?: NodeRequestLike | undefined }) => Promise<Context> {
  const clock = options.clock ?? (() => new Date());
  const login = options.login ?? defaultLoginSecurity();
  const trustProxy = options.trustProxy ?? false;
  const sessionOf = options.sessionOf ?? sessionsOfRequests(options.db.prisma);
  return async ({ request, req }) => {
    const now = clock();
    const session = await sessionOf(request, now);
    return {
      db: options.db,
      prisma: options.db.prisma,
      now,
      today: chinaToday(now),
      viewer: session
        ? {
            id: session.user.id,
            username: session.user.username,
            role: session.user.role,
            unitId: session.user.unitId,
            mustChangePassword: session.user.mustChangePassword,
          }
        : null,
      sessionId: session?.sessionId ?? null,
      // The visibility rule (visibility.ts): an anonymous request's loaders see PUBLIC plans only.
      loaders: createLoaders(options.db.prisma, visibleWhere(session !== null)),
      settings: options.settings,
      clientAddress: clientAddressOf(request, req, trustProxy),
      userAgent: request.headers.get('user-agent')?.slice(0, 300) ?? null,
      login,
    };
  };
}
