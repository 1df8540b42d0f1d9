/**
 * What the CLI prints from a file never drives the terminal. Cells reach stderr in
 * warnings and rejections and stdout in reports; an ANSI escape in a deal name could
 * recolour, clear or retitle the terminal, a carriage return overwrite the line before,
 * a bidirectional override reorder what the user reads (issue 14). Such characters are
 * printed as `\uXXXX`, which is also a valid escape inside the JSON of `--json`.
 */

/** C0 controls but tab and line feed, DEL, C1 controls, the Unicode line separators, bidi overrides and isolates. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const escaped = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** Text for the terminal: lines kept, every other control character escaped. */
export function escapeControls(text: string): string {
  return text.replace(CONTROLS, escaped);
}

/** One line for the terminal: line feeds escaped too, so a note or an error stays one line. */
export function oneLine(text: string): string {
  return escapeControls(text).replaceAll('\n', '\\n');
}
