/**
 * `import 'slotkit/define'`: registers every slotkit element, each under a version guard. The
 * only module with that side effect; `slotkit` itself only exports classes.
 *
 * Like the script tag, it puts only `<slotkit-widget>` in the consumer's first bundle: the
 * widget imports its parts (picker, class list, form, countdown) the first time a step needs
 * one, so a bundler splits each into a chunk of its own. The parts also register themselves
 * once the page idles, for pages that use an element on its own (`<slotkit-slot-picker>`).
 */
import { defineWidget } from './components/widget/widget.ts';
import { prefetchPart } from './components/widget/parts.ts';

defineWidget();

const idle = globalThis.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 200));
idle(() => {
  for (const part of ['classes', 'picker', 'form', 'countdown'] as const) prefetchPart(part);
});
