import { execFile } from "node:child_process";
import { join } from "node:path";
import type { PdfDocument, PdfJs } from "../../src/adapters/pdf/text";

/**
 * pdf.js as the Node adapter loads it, run in a child process (`pdfjsChild.mjs`): jest's module
 * system cannot load pdf.js's ES modules, and the CLI's own loader is tested through `bin/duban.js`.
 */
export const pdfJsInChild: PdfJs = {
  getDocument: ({ data }) => ({
    promise: new Promise<PdfDocument>((resolve, reject) => {
      const child = execFile(
        process.execPath,
        [join(__dirname, "pdfjsChild.mjs")],
        { maxBuffer: 64 * 1024 * 1024 },
        (error, stdout) => {
          if (error) return reject(new Error(`pdfjsChild.mjs: ${error.message}`));
          const answer = JSON.parse(stdout) as { pages?: unknown[][]; error?: string };
          if (!answer.pages) return reject(Object.assign(new Error(answer.error), { name: answer.error }));
          const pages = answer.pages;
          resolve({
            numPages: pages.length,
            getPage: (number) =>
              Promise.resolve({ getTextContent: () => Promise.resolve({ items: pages[number - 1] ?? [] }) }),
            destroy: () => Promise.resolve(),
          });
        },
      );
      child.stdin?.end(Buffer.from(data));
    }),
  }),
};
