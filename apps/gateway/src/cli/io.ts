import { type ParseArgsConfig, parseArgs } from 'node:util';
/** Where a command writes, so tests and the terminal see the same thing. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** True on an interactive terminal: progress is shown only then. */
  readonly isTTY: boolean;
  /** The directory relative paths are read from. */
  readonly cwd: string;
}

/** A command: its arguments (after the command words) in, an exit code out. */
export type CliCommand = (argv: readonly string[], io: CliIo) => Promise<number>;

/** Exit codes: 0 done, 1 the input was read but has errors, 2 the command could not run. */
export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

const HELP = { type: 'boolean', short: 'h', default: false } as const;

type CommandOptions = NonNullable<ParseArgsConfig['options']>;

/** What parseArgs answers for a command's options `O`: its values and positionals. */
export type CommandArgs<O extends CommandOptions> = ReturnType<
  typeof parseArgs<{ args: string[]; allowPositionals: true; options: O & { help: typeof HELP } }>
>;

/**
 * The arguments of a command that takes one file: parsed by `node:util` parseArgs with its
 * `options`, `--help` / `-h` always known. On a parse error, or without exactly one file, it writes
 * the usage to stderr and answers `EXIT.usage`; with `--help` it writes the usage to stdout and
 * answers `EXIT.ok`. A number back is the command's exit code.
 */
export function fileCommandArgs<const O extends CommandOptions>(
  argv: readonly string[],
  options: O,
  usage: string,
  io: CliIo,
): { readonly values: CommandArgs<O>['values']; readonly file: string } | number {
  let parsed: CommandArgs<O>;
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, options: { ...options, help: HELP } });
  } catch (cause) {
    io.stderr(`${(cause as Error).message}\n${usage}\n`);
    return EXIT.usage;
  }
  // `help` is known to every command (the generic values do not show it inside this function).
  if ((parsed.values as { readonly help?: boolean }).help) {
    io.stdout(`${usage}\n`);
    return EXIT.ok;
  }
  const [file, ...more] = parsed.positionals;
  if (file === undefined || more.length > 0) {
    io.stderr(`${usage}\n`);
    return EXIT.usage;
  }
  return { values: parsed.values, file };
}

/** A progress line on a terminal (rewritten in place), nothing elsewhere. */
export function progress(io: CliIo): { step: (text: string) => void; done: () => void } {
  let shown = false;
  return {
    step: (text) => {
      if (!io.isTTY) return;
      io.stderr(`\r\x1b[2K${text}`);
      shown = true;
    },
    done: () => {
      if (shown) io.stderr('\r\x1b[2K');
    },
  };
}

/** Display width in a terminal: CJK and full-width characters take two columns. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s)
    w +=
      /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u.test(
        ch,
      )
        ? 2
        : 1;
  return w;
}

/** Cuts and pads `s` to `width` display columns. */
export function fit(s: string, width: number): string {
  let out = '';
  let w = 0;
  for (const ch of s.replace(/\s+/gu, ' ')) {
    const cw = displayWidth(ch);
    if (w + cw > width - (w + cw < width ? 0 : 1) && displayWidth(s) > width) {
      out += '…';
      w += 1;
      break;
    }
    out += ch;
    w += cw;
  }
  return out + ' '.repeat(Math.max(0, width - w));
}
