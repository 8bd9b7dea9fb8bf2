import { html, type TemplateResult } from 'lit';

const compacted = new WeakMap<TemplateStringsArray, TemplateStringsArray>();

/**
 * Lit's `html` without the whitespace that only formats the template: a run of whitespace
 * holding a line break is dropped between tags and kept as one space inside a tag (between
 * attributes). In a class row it made 27 of ~60 nodes, text nodes no one sees: in the row's
 * flex and grid boxes such whitespace renders as nothing, and screen readers skip it. For
 * templates whose text comes from bindings only (a `<` or `>` in static text would confuse it).
 */
export function compactHtml(strings: TemplateStringsArray, ...values: unknown[]): TemplateResult {
  let compact = compacted.get(strings);
  if (!compact) {
    let inTag = false;
    const parts = strings.map((part) =>
      part.replace(/[<>]|\s*\n\s*/g, (match) => {
        if (match === '<' || match === '>') {
          inTag = match === '<';
          return match;
        }
        return inTag ? ' ' : '';
      }),
    );
    // Lit caches a template by its strings array and accepts only arrays with `raw`.
    compact = Object.assign(parts, { raw: parts }) as unknown as TemplateStringsArray;
    compacted.set(strings, compact);
  }
  return html(compact, ...values);
}
