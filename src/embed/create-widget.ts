import type { SlotkitWidget } from '../components/widget/widget.ts';
import { chooserFor, prefetchPart } from '../components/widget/parts.ts';
import type { ResolvedEmbed } from './options.ts';

/**
 * A `<slotkit-widget>` (a new one, or `element`) set up from resolved options, not yet in the page: the inline mount and
 * the popup both make theirs here. Its first step's chooser starts loading alongside the
 * project's config, not after it.
 */
export function createWidget(
  options: ResolvedEmbed,
  element = document.createElement('slotkit-widget'),
): SlotkitWidget {
  const { widget } = options;
  if (!widget.bookingId) prefetchPart(chooserFor(widget.graph ?? 'instant'));
  element.noRemoteConfig = options.noRemoteConfig;
  if (options.callbacks) element.callbacks = options.callbacks;
  element.config = widget;
  if (options.brandColor) element.brandColor = options.brandColor;
  if (options.theme) element.setAttribute('theme', options.theme);
  return element;
}
