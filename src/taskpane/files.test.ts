/** @jest-environment jsdom */
import { downloadXlsx, readFileBytes } from "./files";

describe("task-pane files", () => {
  it("reads a picked file's bytes", async () => {
    const bytes = await readFileBytes(new File([new Uint8Array([0x50, 0x4b, 3, 4])], "a.xlsx"));
    expect([...bytes]).toEqual([0x50, 0x4b, 3, 4]);
  });

  it("offers bytes as a download under the file's name through a Blob URL, revoked later", () => {
    jest.useFakeTimers();
    const created: Blob[] = [];
    const revoked: string[] = [];
    Object.assign(URL, {
      createObjectURL: (blob: Blob) => {
        created.push(blob);
        return "blob:form";
      },
      revokeObjectURL: (url: string) => revoked.push(url),
    });
    const clicked: HTMLAnchorElement[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push(this);
    });
    try {
      downloadXlsx("填报-2024年第三季度-市财政局.xlsx", new Uint8Array([1, 2, 3]));
      expect(clicked.map((a) => [a.download, a.href])).toEqual([
        ["填报-2024年第三季度-市财政局.xlsx", "blob:form"],
      ]);
      expect(clicked[0]?.isConnected).toBe(false);
      expect(created.map((b) => [b.size, b.type])).toEqual([
        [3, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
      ]);
      expect(revoked).toEqual([]);
      jest.runAllTimers();
      expect(revoked).toEqual(["blob:form"]);
    } finally {
      click.mockRestore();
      jest.useRealTimers();
    }
  });
});
