// The part of structured-data-testing-tool 4.5's API the link-preview tests use; the package
// ships no types. Read from node_modules/structured-data-testing-tool/index.js and presets/.
declare module 'structured-data-testing-tool' {
  /** One check of a preset, with what it found. */
  interface Test {
    readonly test: string;
    readonly description?: string;
    readonly group?: string;
    readonly value?: unknown;
    readonly error?: { readonly type: string; readonly message: string };
  }
  interface Result {
    readonly tests: readonly Test[];
    readonly passed: readonly Test[];
    readonly failed: readonly Test[];
    readonly warnings: readonly Test[];
  }
  /** Resolves when every test passes; else rejects with an Error whose `res` is the Result. */
  export function structuredDataTestHtml(
    html: string,
    options: { readonly presets: readonly object[] },
  ): Promise<Result>;
}

declare module 'structured-data-testing-tool/presets' {
  export const Google: object;
  export const Twitter: object;
  export const Facebook: object;
}
