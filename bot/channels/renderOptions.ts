export interface RenderOptions {
  /** The one re-prompt after an unreadable answer: leads with what a good answer looks like. */
  retry?: boolean;
}
