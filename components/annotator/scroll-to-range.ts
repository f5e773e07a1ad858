/**
 * Scrolls the window so `range` sits a third of the way down the viewport.
 *
 * Paragraphs off screen are skipped by layout (content-visibility: auto) and hold an
 * estimated height until they render, so where a far passage lies is only known once the
 * paragraphs around it have rendered. A long jump is therefore made at once (an animation
 * across estimated heights would end in the wrong place) and re-aimed after the next frames;
 * a short one is animated and re-aimed when the scroll ends.
 */
export function scrollToRange(range: Range, reduceMotion: boolean): void {
  const target = () => window.scrollY + range.getBoundingClientRect().top - innerHeight / 3;
  const top = target();
  const far = Math.abs(top - window.scrollY) > 2 * innerHeight;
  const reaim = (tries: number) => {
    const again = target();
    if (Math.abs(again - window.scrollY) < 4 || tries === 0) return;
    window.scrollTo({ top: again, behavior: "instant" });
    afterTwoFrames(() => reaim(tries - 1));
  };
  if (Math.abs(top - window.scrollY) < 4) return;
  if (far || reduceMotion) {
    window.scrollTo({ top, behavior: "instant" });
    afterTwoFrames(() => reaim(3));
  } else {
    // Only this animation's end: a later scroll of the reader's own is never re-aimed.
    const started = performance.now();
    const onEnd = () => {
      if (performance.now() - started < 1500) reaim(3);
    };
    window.addEventListener("scrollend", onEnd, { once: true });
    window.scrollTo({ top, behavior: "smooth" });
  }
}

// The frame after the scroll renders the paragraphs now in view; the one after can measure them.
function afterTwoFrames(run: () => void) {
  requestAnimationFrame(() => requestAnimationFrame(run));
}
