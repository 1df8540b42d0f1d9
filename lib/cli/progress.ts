/**
 * Progress on stderr, so stdout stays clean for `--json`. On a terminal it redraws one
 * line with a bar; in a pipe or CI log it prints a line per phase and every 25%. Labels
 * and notes carry file content (names, cells): control characters are escaped.
 */
import { oneLine } from './escape';

export interface Progress {
  /** A new phase ("Training Win Potential"). */
  phase(label: string): void;
  /** Progress within the phase. */
  update(done: number, total: number): void;
  /** A note that stays on screen. */
  note(message: string): void;
  done(): void;
}

export function stderrProgress(stream: NodeJS.WriteStream = process.stderr, quiet = false): Progress {
  const tty = stream.isTTY === true;
  let label = '';
  let lastQuarter = -1;
  let drawn = false;
  const clear = (): void => {
    if (tty && drawn) {
      stream.write('\r\x1b[2K');
      drawn = false;
    }
  };
  return {
    phase(next) {
      if (quiet) return;
      clear();
      label = oneLine(next);
      lastQuarter = -1;
      if (!tty) stream.write(`${label}…\n`);
    },
    update(done, total) {
      if (quiet || total <= 0) return;
      const share = Math.min(1, done / total);
      if (tty) {
        const width = 24;
        const filled = Math.round(share * width);
        stream.write(`\r\x1b[2K${label} [${'█'.repeat(filled)}${'·'.repeat(width - filled)}] ${Math.round(share * 100)}%`);
        drawn = true;
      } else {
        const quarter = Math.floor(share * 4);
        if (quarter > lastQuarter && quarter > 0) {
          lastQuarter = quarter;
          stream.write(`${label}: ${quarter * 25}%\n`);
        }
      }
    },
    note(message) {
      if (quiet) return;
      clear();
      stream.write(`${oneLine(message)}\n`);
    },
    done() {
      clear();
    },
  };
}
