/**
 * Playback status shared with the map (a sibling of the timeline): while `playing` with
 * `reducedMotion`, layers should change instantly (no transitions or camera animations).
 */
export const playback = $state({ playing: false, reducedMotion: false });

/** True when the map should skip animations (the user prefers reduced motion). */
export const skipAnimations = () => playback.reducedMotion;
