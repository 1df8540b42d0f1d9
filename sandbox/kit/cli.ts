/**
 * What the servers' command lines share: numeric options with a clear error, and running
 * until Ctrl+C or SIGTERM.
 */

/** `--name`'s value as a number (undefined when not given); exits with status 2 on anything else. */
export function numberOption(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isFinite(value)) {
    process.stderr.write(`--${name} must be a number, got "${text}"\n`);
    process.exit(2);
  }
  return value;
}

/** Prints `lines`, then closes the server on SIGINT or SIGTERM and exits. */
export function serveUntilStopped(server: { close(): Promise<void> }, lines: string[]): void {
  process.stdout.write([...lines, 'Ctrl+C stops it.', ''].join('\n'));
  const stop = (): void => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** Runs `start`, printing its error and exiting 1 when it fails. */
export async function runServer(start: () => Promise<void>): Promise<void> {
  try {
    await start();
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  }
}
