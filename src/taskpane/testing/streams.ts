/**
 * `Blob.prototype.stream` and `DecompressionStream`, which browsers and Office webviews have and
 * the returned-file reader uses (src/adapters/xlsx/returned.ts), for jsdom tests that read returned
 * 填报 files. Import it in a `@jest-environment jsdom` test, after "./dom".
 */
import {
  DecompressionStream as NodeDecompressionStream,
  ReadableStream as NodeReadableStream,
} from "node:stream/web";

if (typeof globalThis.DecompressionStream === "undefined") {
  Object.assign(globalThis, { DecompressionStream: NodeDecompressionStream });
}

if (typeof Blob.prototype.stream !== "function") {
  Object.defineProperty(Blob.prototype, "stream", {
    configurable: true,
    writable: true,
    value(this: Blob) {
      return new NodeReadableStream<Uint8Array>({
        start: (controller) => {
          const reader = new FileReader();
          reader.onload = () => {
            controller.enqueue(new Uint8Array(reader.result as ArrayBuffer));
            controller.close();
          };
          reader.onerror = () => controller.error(reader.error);
          reader.readAsArrayBuffer(this);
        },
      });
    },
  });
}
