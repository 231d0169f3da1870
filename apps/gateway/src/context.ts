import type { Db, QxgPrismaClient, UserRole } from '@qxg/db';
import { createLoaders, type Loaders } from './loaders';
import { type SessionOfRequest, sessionsOfRequests } from './services/sessions';
import { chinaToday } from './services/status';

/** The signed-in user, as resolvers see it. */
export interface Viewer {
  readonly id: string;
  readonly username: string;
  readonly role: UserRole;
  /** The unit a REPORTER writes for. */
  readonly unitId: string | null;
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
}

export interface ContextOptions {
  readonly db: Db;
  readonly settings: GatewaySettings;
  /** Defaults to the system clock; tests pass a fixed one. */
  readonly clock?: () => Date;
  /** Shared with the result cache, so a request's session is looked up once. */
  readonly sessionOf?: SessionOfRequest;
}

export function createContextFactory(
  options: ContextOptions,
): (init: { request: Request }) => Promise<Context> {
  const clock = options.clock ?? (() => new Date());
  const sessionOf = options.sessionOf ?? sessionsOfRequests(options.db.prisma);
  return async ({ request }) => {
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
          }
        : null,
      sessionId: session?.sessionId ?? null,
      loaders: createLoaders(options.db.prisma),
      settings: options.settings,
    };
  };
}
