/**
 * The largest file either importer reads: reading one into a string takes about twice its
 * size in memory, and parsing it as much again. The options page refuses larger files
 * before reading a byte, the CLI before opening them, with the same figure.
 */
export const MAX_CSV_BYTES = 200_000_000;
