// The few platform globals shared/ may rely on: both browsers and Node 20 provide them
// (WebCrypto's digest, TextEncoder). Declared by hand so shared/ compiles without the DOM
// or Node type libraries, which would let anything else slip in.
declare global {
  interface SharedSubtleCrypto {
    digest(algorithm: 'SHA-256', data: Uint8Array<ArrayBuffer>): Promise<ArrayBuffer>;
  }
  var crypto: {
    readonly subtle: SharedSubtleCrypto;
    getRandomValues<T extends Uint8Array>(array: T): T;
  };
  class TextEncoder {
    encode(input?: string): Uint8Array<ArrayBuffer>;
  }
  class TextDecoder {
    constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
    decode(input?: Uint8Array): string;
  }
}
export {};
