// pdf.js in a plain Node process, for jest (whose module system cannot load pdf.js's ES modules):
// reads a PDF from stdin and writes its pages' text items as JSON, or the error's name.
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const data = new Uint8Array(Buffer.concat(chunks));
try {
  const document = await getDocument({ data, isEvalSupported: false, disableFontFace: true, useSystemFonts: false })
    .promise;
  const pages = [];
  for (let number = 1; number <= document.numPages; number++) {
    const page = await document.getPage(number);
    pages.push((await page.getTextContent()).items);
  }
  await document.destroy();
  process.stdout.write(JSON.stringify({ pages }));
} catch (error) {
  process.stdout.write(JSON.stringify({ error: error?.name ?? "Error" }));
}
