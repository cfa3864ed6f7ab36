/**
 * What one connection has in flight: requests received and not yet answered (their reply not yet
 * handed to the socket). At the limit the connection stops being read (`pause`, TCP back-pressure);
 * it is read again (`resume`) once answers bring it back under. Messages already buffered when it
 * paused are refused, so the bytes held are at most the limit plus one message.
 */
export class InFlightBudget {
  private bytes = 0
  private requests = 0
  private isPaused = false

  constructor(
    private readonly limits: { maxBytesInFlight: number; maxRequestsInFlight: number },
    private readonly flow: { pause(): void; resume(): void },
  ) {}

  /** Takes a request of `size` bytes in: false when over budget (the caller refuses it). */
  admit(size: number): boolean {
    if (this.isOver()) return false
    this.bytes += size
    this.requests++
    if (this.isOver() && !this.isPaused) {
      this.isPaused = true
      this.flow.pause()
    }
    return true
  }

  /** A request admitted with `size` bytes was answered. */
  release(size: number): void {
    this.bytes -= size
    this.requests--
    if (this.isPaused && !this.isOver()) {
      this.isPaused = false
      this.flow.resume()
    }
  }

  /** Why a request was refused, for its error reply. */
  describe(): string {
    const mb = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`
    return (
      `this connection has ${this.requests} requests (${mb(this.bytes)}) waiting for answers; the limits are ` +
      `${this.limits.maxRequestsInFlight} requests (--max-requests-in-flight) and ${mb(this.limits.maxBytesInFlight)} ` +
      '(--max-in-flight-mb). Wait for answers before sending more.'
    )
  }

  private isOver(): boolean {
    return (
      this.bytes >= this.limits.maxBytesInFlight || this.requests >= this.limits.maxRequestsInFlight
    )
  }
}
