/**
 * Saves text as a file through the browser's download: a Blob, an object URL and a
 * clicked `<a download>`. Needs no `downloads` permission.
 */
export function downloadText(text: string, fileName: string, type = 'text/csv;charset=utf-8'): Blob {
  const blob = new Blob([text], { type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    // The click starts the download synchronously; revoke on the next task all the same.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
  return blob;
}

/** dealsight-scored-2026-03-27.csv, by the user's calendar (local date). */
export function exportFileName(now: Date = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `dealsight-scored-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.csv`;
}
