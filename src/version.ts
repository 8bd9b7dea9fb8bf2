/** The version the custom elements register under; a second copy of another version warns. */
export const VERSION = '0.1.0';
