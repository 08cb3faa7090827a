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
