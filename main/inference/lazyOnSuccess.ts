/**
 * A value computed on first use and kept once it succeeds. A failure is not kept: the next call
 * tries again (a model file reported missing may be installed a moment later). Used for the
 * signature reads the model classes make before their first run.
 */
export class LazyOnSuccess<T> {
  private pending: Promise<T> | undefined

  constructor(private readonly create: () => Promise<T>) {}

  get(): Promise<T> {
    if (!this.pending) {
      const attempt = this.create()
      this.pending = attempt
      attempt.catch(() => {
        if (this.pending === attempt) this.pending = undefined
      })
    }
    return this.pending
  }

  /** Forgets the value (dispose). */
  reset(): void {
    this.pending = undefined
  }
}
