import { createDb, redactUrl } from '@qxg/db';
import { readGatewayEnv } from '../../env';
import { createHttpServer } from '../../http';
import { createGatewayYoga } from '../../server';
import { bootstrap } from '../../services/bootstrap';
import { downloadRoute } from '../../services/downloads';
import { createSqlViews } from '../../services/sql-views';
import { chinaToday } from '../../services/status';
import { createSnapshotRefresher, refreshStatusSnapshots } from '../../services/status-snapshots';
import type { CliCommand } from '../io';

/** `qxg serve`: migrate, load the seed on first run, create the first admin, then serve on PORT. */
export const serveCommand: CliCommand = async (argv, io) => {
  if (argv.includes('--help')) {
    io.stdout(
      'qxg serve: migrates DATABASE_URL, loads the seed plan on first run, serves GraphQL on PORT (default 4000).\n',
    );
    return 0;
  }
  const env = readGatewayEnv();
  const db = createDb({ url: env.databaseUrl });
  const boot = await bootstrap(db, env.databaseUrl, {
    seed: !env.noSeed,
    adminPassword: env.initialAdminPassword,
  });
  io.stdout(`qxg: database ${redactUrl(env.databaseUrl)} (${db.engine})\n`);
  if (boot.migrationsApplied.length > 0)
    io.stdout(`qxg: applied migrations ${boot.migrationsApplied.join(', ')}\n`);
  if (boot.seeded)
    io.stdout('qxg: loaded the seed plan qixingguan-2020 (七星府办通〔2020〕84号) with its units\n');
  if (boot.admin) {
    io.stdout(
      '\nqxg: created the first administrator 已创建管理员. The password is shown ONCE 密码仅显示一次:\n' +
        `       username: ${boot.admin.username}\n       password: ${boot.admin.password}\n\n`,
    );
  }
  await createSqlViews(db);
  // Today's snapshots (what the SQL views read) follow the writes and the clock: refreshed after
  // every status-changing mutation and at each 00:00 China time (on PostgreSQL by one process).
  const snapshots = createSnapshotRefresher({
    db,
    daily: true,
    onError: (error) => io.stderr(`qxg: snapshot refresh failed 状态快照刷新失败: ${error}\n`),
  });
  const yoga = createGatewayYoga({
    db,
    snapshots,
    settings: { sessionTtlHours: env.sessionTtlHours },
    responseCache: env.responseCache,
    responseCacheBytes: env.responseCacheMb * 1024 * 1024,
    trustProxy: env.trustProxy,
  });
  io.stdout(
    `qxg: result cache ${env.responseCache ? 'on' : 'off'} (QXG_RESPONSE_CACHE, QXG_RESPONSE_CACHE_MB=${env.responseCacheMb})\n`,
  );
  const server = createHttpServer({ yoga, adminDist: env.adminDist, routes: [downloadRoute(db)] });
  await new Promise<void>((resolve) => server.listen(env.port, env.host, resolve));
  // The start-up refresh runs while serving, in batches (like the daily one: one process on PostgreSQL).
  refreshStatusSnapshots(db, chinaToday(new Date()), { lock: 'try' }).then(
    (r) =>
      io.stdout(
        r.skipped
          ? 'qxg: status snapshots: another gateway is refreshing them\n'
          : `qxg: SQL views ready; ${r.assignments} status snapshots as of ${r.asOf} (${r.written} rewritten)\n`,
      ),
    (error) => io.stderr(`qxg: snapshot refresh failed 状态快照刷新失败: ${error}\n`),
  );
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : env.port;
  io.stdout(`qxg: GraphQL + GraphiQL at http://localhost:${port}/graphql, health at /healthz\n`);
  await new Promise<void>((resolve) => {
    const stop = () => server.close(() => resolve());
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  snapshots.close();
  await snapshots.idle();
  await db.close();
  return 0;
};
