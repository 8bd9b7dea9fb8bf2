import type { SlotkitWidget } from '../components/widget/widget.ts';
import type { ResolvedEmbed } from './options.ts';

/**
 * A `<slotkit-widget>` (a new one, or `element`) set up from resolved options, not yet in the
 * page: the inline mount and the popup both make theirs here. The widget imports its first step's
 * chooser itself as it configures (in its first update), alongside the project's config.
 */
export function createWidget(
  options: ResolvedEmbed,
  element = document.createElement('slotkit-widget'),
): SlotkitWidget {
  const { widget } = options;
  element.noRemoteConfig = options.noRemoteConfig;
  if (options.callbacks) element.callbacks = options.callbacks;
  element.config = widget;
  if (options.brandColor) element.brandColor = options.brandColor;
  if (options.theme) element.setAttribute('theme', options.theme);
  return element;
}
