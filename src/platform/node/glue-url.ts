/** The glue as an importable URL: a `data:` URL of exactly the bytes that were checked. */
export function glueModuleUrl(source: string): string {
  return `data:text/javascript;base64,${Buffer.from(source).toString('base64')}`;
}
