import { type CliCommand, type CliIo, EXIT } from './io';

/** A command of `qxg`: its one-line summary, and its code, loaded only when it runs. */
export interface CommandEntry {
  readonly summary: string;
  /**
   * Imports the command's module. Loading is deferred so that file commands (`import`, `export`)
   * never load the database package (whose Prisma clients are generated) or the GraphQL server.
   */
  readonly load: () => Promise<CliCommand>;
}

/**
 * The commands by their words. Multi-word commands (`user add`) are keys with a space; the longest
 * match wins, so `serve`, `migrate` and `user add` slot in beside `import` and `export`.
 */
export const COMMANDS: Readonly<Record<string, CommandEntry>> = {
  import: {
    summary: '读入方案 read a plan (.txt, .docx, .html, .xlsx, .csv) and print it with its findings',
    load: async () => (await import('./commands/import')).importCommand,
  },
  export: {
    summary: '导出任务分解表 write the decomposition table (.xlsx, .csv)',
    load: async () => (await import('./commands/export')).exportCommand,
  },
  serve: {
    summary: '启动服务 migrate, seed on first run, serve GraphQL on PORT (default 4000)',
    load: async () => (await import('./commands/serve')).serveCommand,
  },
  migrate: {
    summary: '迁移数据库 apply pending migrations to DATABASE_URL',
    load: async () => (await import('./commands/migrate')).migrateCommand,
  },
  'user add': {
    summary: '添加用户 add a user: <username> --role ADMIN|REPORTER|ANALYST [--unit <id>]',
    load: async () => (await import('./commands/user-add')).userAddCommand,
  },
};

export function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((k) => k.length));
  return `用法 usage: qxg <command> [options]\n\n${Object.entries(COMMANDS)
    .map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`)
    .join('\n')}\n\nqxg <command> --help shows a command's options.\n`;
}

/** Runs `qxg <command words> [args]` and returns the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const names = Object.keys(COMMANDS).sort((a, b) => b.split(' ').length - a.split(' ').length);
  for (const name of names) {
    const words = name.split(' ');
    if (words.every((w, i) => argv[i] === w)) {
      const command = COMMANDS[name];
      if (command) return (await command.load())(argv.slice(words.length), io);
    }
  }
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    io.stdout(usage());
    return argv.length === 0 ? EXIT.usage : EXIT.ok;
  }
  io.stderr(`qxg: 未知命令 unknown command "${argv.join(' ')}"\n\n${usage()}`);
  return EXIT.usage;
}
