/**
 * Bad input the engine cannot turn into a scene (no valid depth, sizes that disagree, a region
 * outside the image). The message is meant for the user: it names the problem and what to do.
 */
export class SceneInputError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'SceneInputError'
  }
}
