/** What the popover needs from @floating-ui/dom: a chunk of its own (see floating.ts). */
export { autoUpdate, computePosition, flip, offset, shift, size } from '@floating-ui/dom';
