// jsdom ships no types and the bench needs only its constructor and window.
declare module 'jsdom' {
  export class JSDOM {
    constructor(html: string, options?: { url?: string });
    readonly window: { document: Document; close(): void };
  }
}
