// Moved to main/engine/sequence (pure) so the app's folder source and `spatial-lens synth` pair frames alike.
export * from '../../../main/engine/sequence/pairSequenceFiles'
