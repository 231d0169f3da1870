// Logins over the API: throttling per username and per address, the same code path for unknown
// users (verifyNobody), failed logins audited, the password policy on changePassword.
import { describe, expect, it, vi } from 'vitest';
import { createGatewayYoga, type GatewayYoga } from '../src/server';
import { defaultLoginSecurity, type LoginSecurity } from '../src/services/login';
import { createLoginGuard } from '../src/services/login-guard';
import { ADMIN_PASSWORD, type Json, SQLITE_ENGINE, TEST_NOW, useGateway } from './harness';

const LOGIN = `mutation($i: LoginInput!) { login(input: $i) {
  token retryAfterSeconds userErrors { code message { zh en } } } }`;

describe('login', () => {
  const gw = useGateway(SQLITE_ENGINE);

  /** A gateway over the same database with a clock the test moves and spies on the password checks. */
  function gateway(options: { trustProxy?: boolean } = {}) {
    let now = TEST_NOW.getTime();
    const real = defaultLoginSecurity(createLoginGuard());
    const login: LoginSecurity = {
      guard: real.guard,
      verifyPassword: vi.fn(real.verifyPassword),
      verifyNobody: vi.fn(real.verifyNobody),
    };
    const yoga: GatewayYoga = createGatewayYoga({
      db: gw.db,
      clock: () => new Date(now),
      graphiql: false,
      responseCache: false,
      login,
      ...(options.trustProxy ? { trustProxy: true } : {}),
    });
    const attempt = async (username: string, password: string, headers: Record<string, string> = {}) => {
      const response = await yoga.fetch('http://yoga/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query: LOGIN, variables: { i: { username, password } } }),
      });
      return ((await response.json()) as Json).data.login;
    };
    return { login, attempt, advance: (seconds: number) => (now += seconds * 1000) };
  }

  it('throttles a username after five failures with a bilingual message, even for the right password, until the wait passes', async () => {
    const { attempt, advance } = gateway();
    for (let i = 0; i < 5; i++) {
      const wrong = await attempt('admin', `wrong guess ${i}`);
      expect(wrong.userErrors[0].code).toBe('INVALID_CREDENTIALS');
    }
    // The fifth failure started a 1 s wait; the right password is refused during it.
    const refused = await attempt('admin', ADMIN_PASSWORD);
    expect(refused.token).toBeNull();
    expect(refused.userErrors[0].code).toBe('LOGIN_THROTTLED');
    expect(refused.retryAfterSeconds).toBe(1);
    expect(refused.userErrors[0].message.zh).toContain('登录失败次数过多');
    expect(refused.userErrors[0].message.zh).toContain('1秒后');
    expect(refused.userErrors[0].message.en).toContain('try again in 1 seconds');
    advance(1);
    // A sixth failure doubles the wait.
    expect((await attempt('admin', 'wrong again')).retryAfterSeconds).toBe(2);
    expect((await attempt('admin', ADMIN_PASSWORD)).userErrors[0].code).toBe('LOGIN_THROTTLED');
    advance(2);
    const ok = await attempt('admin', ADMIN_PASSWORD);
    expect(ok.userErrors).toEqual([]);
    expect(typeof ok.token).toBe('string');
  });

  it('throttles an address guessing many usernames (X-Forwarded-For only with QXG_TRUST_PROXY=1)', async () => {
    const behindProxy = gateway({ trustProxy: true });
    for (let i = 0; i < 5; i++)
      await behindProxy.attempt(`someone-${i}`, 'guess guess', { 'x-forwarded-for': '203.0.113.7' });
    const fromThere = await behindProxy.attempt('admin', ADMIN_PASSWORD, {
      'x-forwarded-for': '203.0.113.7',
    });
    expect(fromThere.userErrors[0].code).toBe('LOGIN_THROTTLED');
    const elsewhere = await behindProxy.attempt('admin', ADMIN_PASSWORD, {
      'x-forwarded-for': '203.0.113.8',
    });
    expect(elsewhere.userErrors).toEqual([]);
    // Without the setting the header is ignored: every in-process request has no address, and
    // different usernames are not throttled by a forged header.
    const direct = gateway();
    for (let i = 0; i < 5; i++)
      await direct.attempt(`nobody-${i}`, 'guess guess', { 'x-forwarded-for': '203.0.113.9' });
    const forged = await direct.attempt('admin', ADMIN_PASSWORD, { 'x-forwarded-for': '203.0.113.9' });
    expect(forged.userErrors).toEqual([]);
  });

  it('reads the address from the node request when there is no trusted proxy', async () => {
    const { login } = gateway();
    const yoga = createGatewayYoga({ db: gw.db, clock: () => TEST_NOW, graphiql: false, login });
    const body = JSON.stringify({
      query: LOGIN,
      variables: { i: { username: 'x-peer', password: 'guess guess' } },
    });
    await yoga.fetch(
      'http://yoga/graphql',
      { method: 'POST', headers: { 'content-type': 'application/json' }, body },
      { req: { socket: { remoteAddress: '::ffff:198.51.100.4' } } },
    );
    const entry = await gw.db.prisma.auditEntry.findFirstOrThrow({
      where: { action: 'loginFailed' },
      orderBy: [{ at: 'desc' }, { id: 'desc' }],
    });
    expect(entry.after).toMatchObject({ username: 'x-peer', address: '198.51.100.4' });
  });

  it('runs the same scrypt check for an unknown username as for a known one (verifyNobody)', async () => {
    const { login, attempt } = gateway();
    const unknown = await attempt('no-such-user', 'some password');
    expect(login.verifyNobody).toHaveBeenCalledTimes(1);
    expect(login.verifyPassword).not.toHaveBeenCalled();
    const known = await attempt('admin', 'some password');
    expect(login.verifyPassword).toHaveBeenCalledTimes(1);
    expect(login.verifyNobody).toHaveBeenCalledTimes(1);
    // Same answer either way.
    expect(unknown).toEqual(known);
    // A disabled user takes the unknown user's path.
    await gw.db.prisma.user.create({
      data: { username: 'gone', role: 'ANALYST', passwordHash: 'scrypt$x', disabled: true },
    });
    await attempt('gone', 'some password');
    expect(login.verifyNobody).toHaveBeenCalledTimes(2);
  });

  it('audits a failed login with the username as typed and the address, never the password', async () => {
    const { attempt } = gateway({ trustProxy: true });
    await attempt(' Admin-Typo ', 'secret-never-stored', { 'x-forwarded-for': '10.1.2.3' });
    const entry = await gw.db.prisma.auditEntry.findFirstOrThrow({
      where: { action: 'loginFailed' },
      orderBy: [{ at: 'desc' }, { id: 'desc' }],
    });
    expect(entry.actorId).toBeNull();
    expect(entry.after).toEqual({ username: ' Admin-Typo ', address: '10.1.2.3', reason: 'unknownUser' });
    expect(JSON.stringify(entry)).not.toContain('secret-never-stored');
    // Admins read it in the audit log.
    const token = await gw.tokenFor('ADMIN');
    const log = await gw.gql<{ auditLog: Json }>(
      `{ auditLog(action: "loginFailed", first: 1) { edges { node { action after } } } }`,
      {},
      token,
    );
    expect(log.data!.auditLog.edges[0].node).toEqual({ action: 'loginFailed', after: entry.after });
  });

  it('applies the password policy when a user changes their password', async () => {
    const { attempt } = gateway();
    const { token } = await attempt('admin', ADMIN_PASSWORD);
    const change = (currentPassword: string, newPassword: string) =>
      gw.gql<{ changePassword: Json }>(
        `mutation($i: ChangePasswordInput!) { changePassword(input: $i) { changed userErrors { code field message { zh en } } } }`,
        { i: { currentPassword, newPassword } },
        token,
      );
    const short = await change(ADMIN_PASSWORD, 'short');
    expect(short.data!.changePassword.changed).toBe(false);
    expect(short.data!.changePassword.userErrors[0]).toMatchObject({
      code: 'WEAK_PASSWORD',
      field: ['newPassword'],
    });
    expect(short.data!.changePassword.userErrors[0].message.zh).toContain('至少需要10个字符');
    const withName = await change(ADMIN_PASSWORD, 'my-admin-password');
    expect(withName.data!.changePassword.userErrors.map((e: Json) => e.code)).toEqual(['WEAK_PASSWORD']);
    const wrongCurrent = await change('not the password', 'a long enough passphrase');
    expect(wrongCurrent.data!.changePassword.userErrors[0]).toMatchObject({
      code: 'INVALID_CREDENTIALS',
      field: ['currentPassword'],
    });
    const ok = await change(ADMIN_PASSWORD, 'a long enough passphrase');
    expect(ok.data!.changePassword).toEqual({ changed: true, userErrors: [] });
    expect((await attempt('admin', 'a long enough passphrase')).userErrors).toEqual([]);
    await change('a long enough passphrase', ADMIN_PASSWORD);
  });
});
