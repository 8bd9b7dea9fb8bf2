import { parseDuration } from './duration.ts';
import type { GraphDefinition } from './graphs/types.ts';

/**
 * Refuses a malformed graph when the engine starts, not when a booking first walks into the
 * mistake: every action starts in a resting state and every chain ends in one.
 */
export function checkGraph(graph: GraphDefinition): void {
  const fail = (problem: string) => {
    throw new Error(`Graph "${graph.name}": ${problem}`);
  };
  const resting = new Set(Object.keys(graph.states));
  const create = graph.actions[graph.createAction];
  if (!create) fail(`create action "${graph.createAction}" is not defined`);
  for (const [name, action] of Object.entries(graph.actions)) {
    if (name !== graph.createAction && action.from.length === 0)
      fail(`action "${name}" starts from no state`);
    for (const state of action.from) {
      if (!resting.has(state)) fail(`action "${name}" starts from undeclared state "${state}"`);
      if (graph.states[state]?.final) fail(`action "${name}" starts from final state "${state}"`);
    }
    const last = action.steps.at(-1);
    if (!last) fail(`action "${name}" has no steps`);
    if (!action.resumes && !resting.has(last!.to))
      fail(`action "${name}" ends in "${last!.to}", not a resting state`);
    for (const step of action.steps) {
      if (step.pause && !resting.has(step.to))
        fail(`step "${step.name}" pauses in "${step.to}", not a resting state`);
    }
  }
  for (const [name, state] of Object.entries(graph.states)) {
    if (!state.timeout) continue;
    const action = graph.actions[state.timeout.action];
    if (!action?.from.includes(name))
      fail(`state "${name}" times out into "${state.timeout.action}", which cannot start there`);
    if (parseDuration(state.timeout.default) === undefined)
      fail(`state "${name}" has an unreadable timeout`);
  }
}
