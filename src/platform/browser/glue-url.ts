/**
 * The glue as an importable URL: a `blob:` URL of exactly the bytes that were checked (a worker of
 * the page can import it; a 500 KB `data:` URL would be copied into every worker's setup).
 */
export function glueModuleUrl(source: string): string {
  return URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
}
