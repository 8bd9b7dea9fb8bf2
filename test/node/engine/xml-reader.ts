import assert from 'node:assert/strict';

/** An element as read: its decoded attributes, its child elements and its own decoded text. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string, where: string): string {
  assert.doesNotMatch(
    text,
    /<|&(?!(amp|lt|gt|quot|apos|#\d+);)/,
    `unescaped markup in ${where}: ${text}`,
  );
  return text.replace(/&(amp|lt|gt|quot|apos|#\d+);/g, (_, name: string) =>
    name.startsWith('#') ? String.fromCodePoint(Number(name.slice(1))) : ENTITIES[name]!,
  );
}

/**
 * A strict reader for the XML the graph pictures are written in (`graphs/svg.ts`): one root,
 * balanced tags, quoted attributes, no unescaped `<` or `&`, nothing but space outside the root.
 * Fails the test, saying where, on anything else.
 */
export function readXml(xml: string): XmlElement {
  const body = xml.replace(/^<\?xml [^?]*\?>\s*/, '');
  const token = /<\/([\w:-]+)\s*>|<([\w:-]+)((?:\s+[\w:-]+="[^"]*")*)\s*(\/?)>|([^<]+)/gy;
  const open: XmlElement[] = [];
  let root: XmlElement | undefined;
  let index = 0;
  while (index < body.length) {
    token.lastIndex = index;
    const match = token.exec(body);
    assert.ok(match, `not well-formed at ${index}: ${body.slice(index, index + 60)}`);
    const [whole, close, name, attrs, selfClosing, text] = match;
    if (close) assert.equal(open.pop()?.name, close, `</${close}> closes another element`);
    else if (name) {
      const element: XmlElement = { name, attributes: {}, children: [], text: '' };
      for (const [, key, value] of attrs!.matchAll(/([\w:-]+)="([^"]*)"/g)) {
        assert.ok(!(key! in element.attributes), `<${name}> repeats ${key}`);
        element.attributes[key!] = decode(value!, `<${name} ${key}>`);
      }
      const parent = open.at(-1);
      if (parent) parent.children.push(element);
      else {
        assert.equal(root, undefined, 'a second root element');
        root = element;
      }
      if (!selfClosing) open.push(element);
    } else {
      const parent = open.at(-1);
      assert.ok(parent || !text!.trim(), 'text outside the root');
      if (parent) parent.text += decode(text!, `<${parent.name}>`);
    }
    index += whole.length;
  }
  assert.deepEqual(
    open.map((element) => element.name),
    [],
    'elements left open',
  );
  assert.ok(root, 'no root element');
  return root;
}

/** Every element under `root` (itself included), in document order. */
export function allElements(root: XmlElement): XmlElement[] {
  return [root, ...root.children.flatMap(allElements)];
}
