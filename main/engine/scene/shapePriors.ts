/**
 * Shape priors for classes a detector confuses with each other (a bed seen from its side called a "couch"):
 * typical overall height and the shorter and longer horizontal sides, metres. The largest-extent priors of
 * sizePriors.ts cannot tell these apart (a 2 m couch and a 2 m bed are both plausible); the shape can: a couch
 * is 0.65–1.1 m high to the top of its back and at most about 1.05 m deep, while a bed's top is usually lower and
 * its short side wider. Sources: sofa catalogue dimensions (overall height 0.75–0.95 m, low-back models 0.65 m;
 * depth 0.8–1.0 m, deep-seat 1.05 m); beds: mattress top 0.25 m (platform) to 0.65 m, headboards up to about
 * 1.3 m; widths from a crib mattress (0.7 m, ASTM F1169) to a California king with its frame (about 2.2 m);
 * lengths as in sizePriors.ts. Pure TypeScript.
 */

/** Typical dimensions of a class, metres: [min, max] each. */
export interface ShapePrior {
  heightM: [number, number]
  shortSideM: [number, number]
  longSideM: [number, number]
}

const SHAPES: Record<string, ShapePrior> = {
  couch: { heightM: [0.65, 1.1], shortSideM: [0.7, 1.05], longSideM: [0.7, 3.8] },
  bed: { heightM: [0.25, 1.3], shortSideM: [0.7, 2.2], longSideM: [1.2, 2.5] },
}

/** Which classes each class is confused with (both directions listed). */
const CONFUSED: Record<string, string[]> = { couch: ['bed'], bed: ['couch'] }

type Size = { width: number; depth: number; height: number }

/**
 * How many of the three dimensions fall in the class's typical range (0–3). For an object cut off by the image
 * border its horizontal sides are lower bounds, so only their maxima count against it.
 */
export function shapeFit(prior: ShapePrior, size: Size, isTruncated: boolean): number {
  const short = Math.min(size.width, size.depth)
  const long = Math.max(size.width, size.depth)
  const inside = (v: number, [lo, hi]: [number, number], lowerBound: boolean) =>
    v <= hi && (lowerBound || v >= lo)
  return (
    Number(inside(size.height, prior.heightM, false)) +
    Number(inside(short, prior.shortSideM, isTruncated)) +
    Number(inside(long, prior.longSideM, isTruncated))
  )
}

/** A class the object's shape fits strictly better than its own label, with both fits; null otherwise. */
export function betterShapeLabel(
  label: string,
  size: Size,
  isTruncated: boolean,
): { label: string; own: number; other: number; prior: ShapePrior; ownPrior: ShapePrior } | null {
  const key = label.trim().toLowerCase()
  const ownPrior = SHAPES[key]
  if (!ownPrior) return null
  const own = shapeFit(ownPrior, size, isTruncated)
  let best: {
    label: string
    own: number
    other: number
    prior: ShapePrior
    ownPrior: ShapePrior
  } | null = null
  for (const other of CONFUSED[key] ?? []) {
    const prior = SHAPES[other]
    const fit = shapeFit(prior, size, isTruncated)
    if (fit > own && (!best || fit > best.other))
      best = { label: other, own, other: fit, prior, ownPrior }
  }
  return best
}
