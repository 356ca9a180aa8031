// Saving something the page made (a picture, a model, progress) as a file: the one way the app
// offers a download, through a temporary link. No network; the blob never leaves the machine.

/** Saves a blob under a file name (the browser's save dialog or downloads bar). */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoke later: the download starts asynchronously and keeps its own reference meanwhile.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Saves text (JSON unless told otherwise) under a file name. */
export function downloadText(fileName: string, text: string, type = 'application/json'): void {
  downloadBlob(new Blob([text], { type }), fileName);
}
