/** Saves data as a file through an `<a download>` (no `downloads` permission needed). */
export function downloadBlob(parts: BlobPart[], type: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob(parts, { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser time to start the download before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function fileStamp(now = new Date()): string {
  return now.toISOString().slice(0, 16).replace(/[:T]/g, '-');
}

/** `YYYY-MM-DD` from a date input as the start (or end) of that day, local time. */
export function dayBoundary(value: string, end: boolean): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  return end
    ? new Date(year, month - 1, day, 23, 59, 59, 999).getTime()
    : new Date(year, month - 1, day).getTime();
}
