/**
 * Text kept for the life of the store (audit-log lines), made one flat string.
 *
 * V8 keeps a concatenation or template literal as a tree of its parts (a "cons string", 32
 * bytes a node) until something reads it character by character, and then flattens it in
 * place. A sign-up keeps a dozen log lines, the interpolated ones trees of two to five nodes,
 * and every garbage collection copied those nodes until the store was dropped (about 250 bytes
 * a sign-up). Reading one character makes V8
 * flatten the text now, while it is young; the collector then keeps only the flat copy.
 * Elsewhere this is a cheap no-op: the text is the same either way.
 */
export function flat(text: string): string {
  text.charCodeAt(0);
  return text;
}
