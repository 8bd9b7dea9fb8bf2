/** What the popover needs from @floating-ui/dom: the script tag's separate floating-ui.js. */
export { autoUpdate, computePosition, flip, offset, shift, size } from '@floating-ui/dom';
