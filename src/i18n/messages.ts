/**
 * The type every catalogue has: the English one's shape, with any language's strings and plural
 * functions. In a file of its own so a catalogue can name its type without importing the loader
 * (src/i18n/index.ts), which imports the catalogues in turn.
 */
import type { en } from './en/index.ts';

export type Messages = typeof en;
