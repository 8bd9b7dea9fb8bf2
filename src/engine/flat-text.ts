/**
 * Text the store keeps (audit-log lines, invitation ids, email fields) written as one flat
 * string. V8 keeps `a + b` and a template literal as a tree of their parts (a "cons string",
 * 32 bytes a node in Node) until something reads it whole; a stored line built from six parts
 * then lives as five nodes that every garbage collection visits and copies, and a sign-up keeps
 * about twenty such lines. `join` writes the characters once: one string, no tree.
 * (ids.ts explains the same for ids.)
 */
export function flat(...parts: string[]): string {
  return parts.join('');
}
