import { createHash, randomBytes } from 'node:crypto';
import type { QxgPrismaClient, User } from '@qxg/db';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Creates a session; returns the bearer token (only its SHA-256 is stored). */
export async function createSession(
  prisma: Pick<QxgPrismaClient, 'session'>,
  userId: string,
  options: {
    readonly now: Date;
    readonly ttlHours: number;
    /** The client's User-Agent and address at login, for the session list. */
    readonly userAgent?: string | null;
    readonly address?: string | null;
  },
): Promise<{ token: string; expiresAt: Date; sessionId: string }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(options.now.getTime() + options.ttlHours * 3_600_000);
  const row = await prisma.session.create({
    data: {
      tokenHash: hashToken(token),
      userId,
      expiresAt,
      lastSeenAt: options.now,
      userAgent: options.userAgent?.slice(0, 300) ?? null,
      address: options.address?.slice(0, 100) ?? null,
    },
  });
  return { token, expiresAt, sessionId: row.id };
}

/**
 * How often a session's `lastSeenAt` is written: at most once in this many milliseconds (each write
 * moves the database's change marker, which empties the result cache).
 */
export const LAST_SEEN_INTERVAL_MS = 5 * 60_000;

/** The user of a bearer token, or null when the token is unknown, expired or the user disabled. */
export async function userOfToken(
  prisma: QxgPrismaClient,
  token: string,
  now: Date,
): Promise<{ user: User; sessionId: string } | null> {
  const session = await prisma.session.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { user: true },
  });
  if (!session || session.expiresAt <= now || session.user.disabled) return null;
  if (!session.lastSeenAt || now.getTime() - session.lastSeenAt.getTime() >= LAST_SEEN_INTERVAL_MS) {
    // Best effort: a session revoked meanwhile (count 0) or a busy database must not fail the request.
    await prisma.session
      .updateMany({ where: { id: session.id }, data: { lastSeenAt: now } })
      .catch(() => undefined);
  }
  return { user: session.user, sessionId: session.id };
}

/** The session of a request (null for an anonymous visitor or a token that is unknown or expired). */
export type SessionOfRequest = (
  request: Request,
  now: Date,
) => Promise<{ user: User; sessionId: string } | null>;

/**
 * Looks a request's bearer token up once per request: the result cache (to key by the authenticated
 * viewer) and the context factory (to build the viewer) share the answer.
 */
export function sessionsOfRequests(prisma: QxgPrismaClient): SessionOfRequest {
  const seen = new WeakMap<Request, Promise<{ user: User; sessionId: string } | null>>();
  return (request, now) => {
    let session = seen.get(request);
    if (!session) {
      const token = bearerToken(request.headers.get('authorization'));
      session = token ? userOfToken(prisma, token, now) : Promise.resolve(null);
      seen.set(request, session);
    }
    return session;
  };
}

/** Reads `Authorization: Bearer <token>`. */
export function bearerToken(header: string | null): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  return match?.[1] ?? null;
}
