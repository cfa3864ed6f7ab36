// Types for eslint.config.size.js, so tests/architecture/sizeRules.test.ts can read the allow-list.
export declare const SIZE_ALLOW_LIST: Record<string, { fileLines?: number; functionLines?: number }>
export declare const MAX_FILE_LINES: number
export declare const MAX_FUNCTION_LINES: number
export declare const sizeRules: unknown[]
