/**
 * `--help` / `-h` for the project's commands: prints the text and ends the process before the
 * command does anything (no build, no database, no server).
 */
export function printHelpAndExitIfAsked(argv: readonly string[], text: string): void {
  if (!argv.includes('--help') && !argv.includes('-h')) return;
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  process.exit(0);
}
