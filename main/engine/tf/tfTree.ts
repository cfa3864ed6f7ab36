/**
 * A TF buffer: the transform tree of /tf and /tf_static with time, like tf2's BufferCore. Pure TypeScript.
 *
 * Each child frame has one parent (the latest message decides; a re-parented frame keeps only its new parent).
 * Static transforms hold at all times. Dynamic ones are interpolated between the two samples around the query time
 * (linear translation, slerp rotation); a query outside a frame's samples extrapolates only within
 * `extrapolationToleranceNs` (then the nearest sample is used), otherwise it fails with a message saying which
 * frame and how far — tf2 refuses to extrapolate for the same reason: a robot arm moves.
 */
import type { RigidTransform, TransformStamped } from './types'
import {
  composeTransforms,
  identityTransform,
  invertTransform,
  quatNormalize,
  quatSlerp,
} from './quat'

/** A lookup failure (unknown frame, no chain, time outside the data). The message is for the user. */
export class TfLookupError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'TfLookupError'
  }
}

export interface TfTreeOptions {
  /** Dynamic samples older than the newest by more than this are dropped (ns). Default: keep all (recordings). */
  cacheDurationNs?: bigint
  /** How far past the first/last sample a lookup may reach, using that sample (ns). Default 0. */
  extrapolationToleranceNs?: bigint
}

interface Sample extends RigidTransform {
  timeNs: bigint
}

interface FrameEdge {
  parentFrameId: string
  isStatic: boolean
  /** Sorted by time; one entry for static frames. */
  samples: Sample[]
}

/** Transform tree with time. Add transforms as they arrive; look up any chain at any time. */
export class TfTree {
  private readonly edges = new Map<string, FrameEdge>()
  private readonly options: TfTreeOptions

  constructor(options: TfTreeOptions = {}) {
    this.options = options
  }

  /** Adds one transform. Throws RangeError for an empty frame id, a self-loop or a zero quaternion. */
  add(t: TransformStamped): void {
    const parent = stripSlash(t.parentFrameId)
    const child = stripSlash(t.childFrameId)
    if (parent === '' || child === '') throw new RangeError('transform with an empty frame id')
    if (parent === child) throw new RangeError(`transform from frame "${child}" to itself`)
    const sample: Sample = {
      timeNs: t.timeNs,
      translationM: [...t.translationM],
      rotation: quatNormalize(t.rotation),
    }
    let edge = this.edges.get(child)
    if (!edge || edge.parentFrameId !== parent || edge.isStatic !== t.isStatic) {
      edge = { parentFrameId: parent, isStatic: t.isStatic, samples: [] }
      this.edges.set(child, edge)
    }
    if (t.isStatic) {
      edge.samples = [sample]
      return
    }
    insertSorted(edge.samples, sample)
    this.trim(edge)
  }

  /** Forgets every dynamic transform, keeping static ones (after a seek in a recording). */
  clearDynamic(): void {
    for (const [child, edge] of this.edges) if (!edge.isStatic) this.edges.delete(child)
  }

  /** Number of stored samples (static + dynamic), for memory accounting. */
  sampleCount(): number {
    let n = 0
    for (const edge of this.edges.values()) n += edge.samples.length
    return n
  }

  /** Every frame id the tree knows (parents and children). */
  frameIds(): string[] {
    const ids = new Set<string>()
    for (const [child, edge] of this.edges) {
      ids.add(child)
      ids.add(edge.parentFrameId)
    }
    return [...ids].sort()
  }

  /** The parent of a frame, or undefined for a root / unknown frame. */
  parentOf(frameId: string): string | undefined {
    return this.edges.get(stripSlash(frameId))?.parentFrameId
  }

  /** True when the frame appears in the tree. */
  hasFrame(frameId: string): boolean {
    const id = stripSlash(frameId)
    if (this.edges.has(id)) return true
    for (const edge of this.edges.values()) if (edge.parentFrameId === id) return true
    return false
  }

  /**
   * The transform targetFromSource at `timeNs`: maps points in `sourceFrameId` to `targetFrameId`
   * (tf2's lookupTransform(target, source, time)).
   * @throws TfLookupError for unknown frames, frames in different trees, or a time outside the data.
   */
  lookup(targetFrameId: string, sourceFrameId: string, timeNs: bigint): RigidTransform {
    const target = stripSlash(targetFrameId)
    const source = stripSlash(sourceFrameId)
    for (const id of [target, source]) {
      if (!this.hasFrame(id))
        throw new TfLookupError(
          `frame "${id}" is not in the TF tree (known: ${this.describeFrames()})`,
        )
    }
    if (target === source) return identityTransform()
    const sourceChain = this.chainToRoot(source)
    const targetChain = this.chainToRoot(target)
    const common = sourceChain.find((id) => targetChain.includes(id))
    if (common === undefined) {
      throw new TfLookupError(
        `frames "${source}" and "${target}" are not connected (roots "${sourceChain.at(-1)}" and "${targetChain.at(-1)}")`,
      )
    }
    const commonFromSource = this.composeUp(sourceChain, common, timeNs)
    const commonFromTarget = this.composeUp(targetChain, common, timeNs)
    return composeTransforms(invertTransform(commonFromTarget), commonFromSource)
  }

  private describeFrames(): string {
    const ids = this.frameIds()
    return ids.length === 0 ? 'none' : ids.slice(0, 20).join(', ') + (ids.length > 20 ? ', …' : '')
  }

  private chainToRoot(frameId: string): string[] {
    const chain = [frameId]
    let edge = this.edges.get(frameId)
    while (edge) {
      if (chain.includes(edge.parentFrameId))
        throw new TfLookupError(`TF has a loop through "${edge.parentFrameId}"`)
      chain.push(edge.parentFrameId)
      edge = this.edges.get(edge.parentFrameId)
    }
    return chain
  }

  /** ancestorFromFrame for chain[0] up to `ancestor` (which is in the chain). */
  private composeUp(chain: string[], ancestor: string, timeNs: bigint): RigidTransform {
    let result = identityTransform()
    for (const child of chain) {
      if (child === ancestor) break
      const edge = this.edges.get(child) as FrameEdge
      result = composeTransforms(this.sampleAt(child, edge, timeNs), result)
    }
    return result
  }

  private sampleAt(child: string, edge: FrameEdge, timeNs: bigint): RigidTransform {
    const s = edge.samples
    if (edge.isStatic) return s[0]
    const tolerance = this.options.extrapolationToleranceNs ?? 0n
    const first = s[0]
    const last = s[s.length - 1]
    if (timeNs <= first.timeNs) {
      if (first.timeNs - timeNs <= tolerance) return first
      throw this.outside(child, edge, timeNs, 'before', first.timeNs - timeNs)
    }
    if (timeNs >= last.timeNs) {
      if (timeNs - last.timeNs <= tolerance) return last
      throw this.outside(child, edge, timeNs, 'after', timeNs - last.timeNs)
    }
    const i = upperBound(s, timeNs) // s[i-1].timeNs <= timeNs < s[i].timeNs
    const a = s[i - 1]
    const b = s[i]
    const span = Number(b.timeNs - a.timeNs)
    const f = span === 0 ? 0 : Number(timeNs - a.timeNs) / span
    return {
      translationM: [0, 1, 2].map(
        (k) => a.translationM[k] + f * (b.translationM[k] - a.translationM[k]),
      ) as RigidTransform['translationM'],
      rotation: quatSlerp(a.rotation, b.rotation, f),
    }
  }

  private outside(
    child: string,
    edge: FrameEdge,
    timeNs: bigint,
    side: string,
    gapNs: bigint,
  ): TfLookupError {
    const gapS = (Number(gapNs) / 1e9).toFixed(3)
    return new TfLookupError(
      `no transform ${edge.parentFrameId} → ${child} at ${formatSeconds(timeNs)}: the query is ${gapS} s ${side} its data` +
        ` (${formatSeconds(edge.samples[0].timeNs)} – ${formatSeconds(edge.samples[edge.samples.length - 1].timeNs)})`,
    )
  }

  private trim(edge: FrameEdge): void {
    const keep = this.options.cacheDurationNs
    if (keep === undefined || edge.samples.length < 2) return
    const newest = edge.samples[edge.samples.length - 1].timeNs
    let drop = 0
    // Keep one sample older than the window so a query at the window's start can still interpolate.
    while (drop < edge.samples.length - 2 && newest - edge.samples[drop + 1].timeNs > keep) drop++
    if (drop > 0) edge.samples.splice(0, drop)
  }
}

/** tf2 ignores a leading slash ("/base_link" = "base_link"); ROS 1 bags often carry one. */
function stripSlash(id: string): string {
  return id.startsWith('/') ? id.slice(1) : id
}

function insertSorted(samples: Sample[], sample: Sample): void {
  if (samples.length === 0 || samples[samples.length - 1].timeNs < sample.timeNs) {
    samples.push(sample)
    return
  }
  const i = upperBound(samples, sample.timeNs)
  if (i > 0 && samples[i - 1].timeNs === sample.timeNs) samples[i - 1] = sample
  else samples.splice(i, 0, sample)
}

/** First index whose time is > timeNs. */
function upperBound(samples: Sample[], timeNs: bigint): number {
  let lo = 0
  let hi = samples.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (samples[mid].timeNs <= timeNs) lo = mid + 1
    else hi = mid
  }
  return lo
}

function formatSeconds(timeNs: bigint): string {
  return `${(Number(timeNs) / 1e9).toFixed(3)} s`
}
