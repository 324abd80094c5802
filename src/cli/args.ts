/**
 * Shared command-line handling for opsnote's commands, on Node's own `util.parseArgs`: `--help`,
 * usage errors (exit 2, usage on stderr) and the exit code, written once for every command.
 */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { limitHeapGrowth } from "./heap.ts";
import { DiagnosticError, formatDiagnostic } from "../diagnostics/diagnostic.ts";

/** Thrown for arguments the command cannot use; `runCommand` prints it with the usage and exits 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** Exit code for bad arguments, as in most Unix tools. */
export const EXIT_USAGE = 2;

type Options = NonNullable<ParseArgsConfig["options"]>;

export interface CommandSpec<T extends Options> {
  /** One line, shown for `--help` and after a usage error. */
  usage: string;
  options: T;
  /** @default false */
  allowPositionals?: boolean;
}

/** What a command receives: `values` typed from its options, and the positional arguments. */
export type ParsedCommandLine<T extends Options> = ReturnType<typeof parseArgs<{ options: T; allowPositionals: true; strict: true }>>;

function parse<T extends Options>(argv: string[], spec: CommandSpec<T>): ParsedCommandLine<T> & { help: boolean } {
  try {
    const parsed = parseArgs({
      args: argv,
      options: { ...spec.options, help: { type: "boolean", short: "h", default: false } },
      allowPositionals: spec.allowPositionals ?? false,
      strict: true,
    });
    return { ...(parsed as unknown as ParsedCommandLine<T>), help: (parsed.values as { help?: boolean }).help === true };
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/**
 * Parses `process.argv`, runs the command and sets `process.exitCode` from what it returns.
 * A UsageError thrown while parsing or by the command itself prints the usage and exits 2.
 */
export async function runCommand<T extends Options>(
  spec: CommandSpec<T>,
  run: (parsed: ParsedCommandLine<T>) => Promise<number>,
  argv: string[] = process.argv.slice(2),
): Promise<number> {
  limitHeapGrowth();
  let code: number;
  try {
    const parsed = parse(argv, spec);
    if (parsed.help) {
      console.log(spec.usage);
      code = 0;
    } else {
      code = await run(parsed);
    }
  } catch (error) {
    if (error instanceof DiagnosticError) {
      // Bad input, said where: its file, line and what was expected, not a stack trace.
      for (const d of error.diagnostics) console.error(formatDiagnostic(d));
      code = 1;
    } else {
      if (!(error instanceof UsageError)) throw error;
      console.error(`${error.message}\n${spec.usage}`);
      code = EXIT_USAGE;
    }
  }
  process.exitCode = code;
  return code;
}
