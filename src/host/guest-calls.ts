/**
 * A check the host runs before every call the guest makes into it: free functions, resource
 * methods and drops alike (the engine's memory limit is one). The glue calls a resource's methods
 * on the object itself (`rsc.readViaStream(…)`) after an `instanceof` test against the class it
 * was given, so no per-run wrapper can stand between the glue and a method; instead each resource
 * class's methods run the check that is current on this thread. A thread runs one guest call at a
 * time (every call is synchronous), so "current" is exact.
 */
let current: (() => void) | undefined;

/** Runs `check` before every guest call on this thread until the returned function is called. */
export function checkGuestCalls(check: () => void): () => void {
  const previous = current;
  current = check;
  return () => {
    current = previous;
  };
}

type Method = (...args: unknown[]) => unknown;

/** Makes every method of a resource class (its drop included) run the current check first. */
export function checkedMethods(resource: { prototype: object }): void {
  const proto = resource.prototype as Record<PropertyKey, unknown>;
  for (const key of Reflect.ownKeys(proto)) {
    const method = Object.getOwnPropertyDescriptor(proto, key)?.value as unknown;
    if (key === 'constructor' || typeof method !== 'function') continue;
    proto[key] = function checked(this: unknown, ...args: unknown[]) {
      current?.();
      return (method as Method).apply(this, args);
    };
  }
}

/** An import table whose functions run the current check first; resource classes pass as they are. */
export function checkedFunctions(
  imports: Record<string, Record<string, unknown>>,
): Record<string, Record<string, unknown>> {
  const checked = (fn: Method): Method =>
    function checkedImport(...args: unknown[]) {
      current?.();
      return fn(...args);
    };
  return Object.fromEntries(
    Object.entries(imports).map(([iface, members]) => [
      iface,
      Object.fromEntries(
        Object.entries(members).map(([name, member]) => [
          name,
          typeof member === 'function' && !isResourceClass(name) ? checked(member as Method) : member,
        ]),
      ),
    ]),
  );
}

/** The glue's naming: resources are classes (`Descriptor`), functions are camelCase (`getStdin`). */
export const isResourceClass = (name: string): boolean => /^[A-Z]/.test(name);
