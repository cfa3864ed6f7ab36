import { UserError } from '../../app/userError'
/** An LLM connector that cannot be set up as configured; the message says what to do instead. */
export class LlmConfigError extends UserError {
  constructor(message: string) {
    super(message)
    this.name = 'LlmConfigError'
  }
}
