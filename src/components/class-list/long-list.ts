import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Classes rendered per frame while a long list first arrives (about 20 ms of work each): 500
 * classes come in over five frames instead of one ~100 ms task that would block the page.
 */
const CLASSES_PER_FRAME = 100;

/**
 * How many classes <slotkit-class-list> renders: a frame's worth more after each render that
 * left some out, until all are there. The limit never shrinks.
 */
export class GrowingLimit implements ReactiveController {
  /** How many classes to render: grows by a frame's worth until all are there, never shrinks. */
  limit = CLASSES_PER_FRAME;
  /** Classes the last render left out, for the frames still to come. */
  leftOut = 0;
  private frame: number | undefined;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostUpdated(): void {
    if (this.leftOut > 0 && this.frame === undefined) {
      this.frame = requestAnimationFrame(() => {
        this.frame = undefined;
        this.limit += CLASSES_PER_FRAME;
        this.host.requestUpdate();
      });
    }
  }

  hostDisconnected(): void {
    if (this.frame !== undefined) cancelAnimationFrame(this.frame);
    this.frame = undefined;
  }
}
