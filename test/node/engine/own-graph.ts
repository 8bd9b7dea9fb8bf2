import type { GraphDefinition } from '../../../src/engine/graphs/types.ts';

/**
 * A graph of one's own for the diagram's tests (layout and SVG picture): the corners no
 * built-in graph reaches. Only its states and actions matter to the picture.
 */
export function ownGraph(parts: Pick<GraphDefinition, 'states' | 'actions'>): GraphDefinition {
  return {
    name: 'mine',
    description: 'A graph of one’s own.',
    kind: 'slot',
    createAction: 'create',
    needsCustomer: false,
    ...parts,
  };
}
