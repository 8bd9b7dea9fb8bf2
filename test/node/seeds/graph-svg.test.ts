import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeXml, graphSvg } from '../../../src/engine/graphs/svg.ts';
import type { GraphDefinition } from '../../../src/engine/graphs/types.ts';
import { allElements, readXml } from '../engine/xml-reader.ts';
import { KEYS, startRealApi, type RealApi } from './real-http.ts';

/**
 * Seed 000 offers a picture of each booking graph beside its JSON. `GET
 * /bookings/graphs/:name.svg` serves the sandbox's drawing as SVG: well-formed XML naming every
 * state and every action of the graph; an unknown graph is 404 naming it.
 */
let api: RealApi;
before(async () => (api = await startRealApi()));
after(() => api.close());

/** The decoded text of every element of a picture, read strictly (xml-reader.ts). */
function readPicture(xml: string): { root: string; texts: string[] } {
  const root = readXml(xml);
  return { root: root.name, texts: allElements(root).map((element) => element.text) };
}

describe('GET /bookings/graphs/:name.svg', () => {
  test('every graph is a well-formed SVG naming each of its states and actions', async () => {
    const graphs = await api.call('GET', '/bookings/graphs', { key: KEYS.barber });
    assert.ok(graphs.body.data.length >= 6, 'graphs.body.data.length >= 6');
    for (const graph of graphs.body.data) {
      const picture = await api.call('GET', `/bookings/graphs/${graph.name}.svg`, {
        key: KEYS.barber,
      });
      assert.equal(picture.status, 200, picture.text);
      assert.equal(picture.headers.get('Content-Type'), 'image/svg+xml');
      const { root, texts } = readPicture(picture.text);
      assert.equal(root, 'svg');
      const words = new Set(texts.flatMap((text) => text.split(/[\s,()·:;]+/)));
      for (const state of Object.keys(graph.states))
        assert.ok(texts.includes(state), `${graph.name}: state ${state} is not drawn`);
      for (const action of Object.keys(graph.actions))
        assert.ok(words.has(action), `${graph.name}: action ${action} is not drawn`);
    }
  });

  test('the JSON stays as it was; an unknown graph is 404 naming it, markup and all', async () => {
    const json = await api.call('GET', '/bookings/graphs/instant');
    assert.equal(json.status, 200);
    assert.equal(json.body.data.name, 'instant');
    const unknown = await api.call(
      'GET',
      `/bookings/graphs/${encodeURIComponent('<b>nope</b>')}.svg`,
    );
    assert.equal(unknown.status, 404, unknown.text);
    assert.match(unknown.body.error.message, /No graph "<b>nope<\/b>"/);
    assert.equal(
      (await api.call('GET', '/bookings/graphs/instant.svg', { key: null })).status,
      401,
    );
  });

  test('a graph of one’s own with markup in every name is drawn as text, never as markup', () => {
    // The engine takes any graphs (BookingEngine's `graphs` option): names are not checked.
    const open = 'open<b>&amp;</b>';
    const shut = `shut"'`;
    const hostile: GraphDefinition = {
      name: 'mine<script>',
      description: 'Tom & "Jerry" <script>alert(1)</script>',
      kind: 'slot',
      createAction: 'make<it>',
      needsCustomer: false,
      states: {
        [open]: { description: '<i>held</i>', holds: true },
        [shut]: { description: 'done', final: true, outcome: 'cancelled' },
      },
      actions: {
        'make<it>': {
          description: 'd',
          from: [],
          by: 'anyone',
          steps: [{ name: 's&1', to: open }],
        },
        'close<it>': {
          description: 'd',
          from: [open],
          by: 'owner',
          steps: [{ name: 's2', to: shut }],
        },
      },
    };
    const { root, texts } = readPicture(graphSvg(hostile));
    assert.equal(root, 'svg');
    assert.ok(texts.includes(open), `the state ${open} drawn as text: ${texts.join(' | ')}`);
    assert.ok(texts.includes(shut), `the state ${shut} drawn as text`);
    assert.ok(texts.includes('close<it>'), 'the action drawn as text');
    assert.ok(
      texts.some((text) => text.includes('Tom & "Jerry" <script>alert(1)</script>')),
      'the description, in the title, as text',
    );
  });

  test('names and attributes are escaped, so a name can never become markup', () => {
    assert.equal(
      escapeXml(`<a href="x">Tom & 'Jerry'</a>`),
      '&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;',
    );
  });
});
