/**
 * Pairs two time-ordered streams (colour and depth) by stamp with a tolerance, holding at most `maxQueue` items per
 * side (bounded memory). A colour item is paired with the depth item nearest in time once no later depth can be
 * nearer; items that can no longer pair are dropped and counted.
 */
export interface Stamped<T> {
  timeNs: bigint
  value: T
}

export interface Pair<A, B> {
  a: Stamped<A>
  b: Stamped<B>
}

export class TimePairer<A, B> {
  private readonly as: Stamped<A>[] = []
  private readonly bs: Stamped<B>[] = []
  /** Items that were dropped without a partner. */
  dropped = 0

  constructor(
    private readonly toleranceNs: bigint,
    private readonly maxQueue = 8,
  ) {}

  pushA(item: Stamped<A>): Pair<A, B>[] {
    this.as.push(item)
    return this.drain(false)
  }

  pushB(item: Stamped<B>): Pair<A, B>[] {
    this.bs.push(item)
    return this.drain(false)
  }

  /** At the end of the stream: pairs what still can, drops the rest. */
  flush(): Pair<A, B>[] {
    const pairs = this.drain(true)
    this.dropped += this.as.length + this.bs.length
    this.as.length = 0
    this.bs.length = 0
    return pairs
  }

  /** Forgets everything (after a seek). */
  clear(): void {
    this.as.length = 0
    this.bs.length = 0
  }

  private drain(final: boolean): Pair<A, B>[] {
    const pairs: Pair<A, B>[] = []
    this.as.sort((x, y) => (x.timeNs < y.timeNs ? -1 : x.timeNs > y.timeNs ? 1 : 0))
    this.bs.sort((x, y) => (x.timeNs < y.timeNs ? -1 : x.timeNs > y.timeNs ? 1 : 0))
    while (this.as.length > 0 && this.bs.length > 0) {
      const a = this.as[0]
      let best = 0
      for (let j = 1; j < this.bs.length; j++)
        if (abs(this.bs[j].timeNs - a.timeNs) < abs(this.bs[best].timeNs - a.timeNs)) best = j
      const b = this.bs[best]
      const gap = abs(b.timeNs - a.timeNs)
      // A later depth could still be nearer unless one already lies at or after this colour's time.
      const settled = final || this.bs[this.bs.length - 1].timeNs >= a.timeNs
      if (!settled) break
      if (gap <= this.toleranceNs) {
        pairs.push({ a, b })
        this.as.shift()
        this.dropped += best // older depths can no longer pair with a later colour closer than this one did
        this.bs.splice(0, best + 1)
      } else {
        // No depth within tolerance of this colour, and none can come: drop it, and the depths too old for any
        // later colour.
        this.as.shift()
        this.dropped++
        while (this.bs.length > 0 && this.bs[0].timeNs < a.timeNs - this.toleranceNs) {
          this.bs.shift()
          this.dropped++
        }
      }
    }
    for (const queue of [this.as, this.bs] as Stamped<unknown>[][]) {
      while (queue.length > this.maxQueue) {
        queue.shift()
        this.dropped++
      }
    }
    return pairs
  }
}

function abs(x: bigint): bigint {
  return x < 0n ? -x : x
}
