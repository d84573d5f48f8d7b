import { detectHost, type OfficeGlobal } from "./host";

// Office.js's enums exist only once office.js has loaded; its values are these strings.
const EXCEL = "Excel" as unknown as Office.HostType;
const WORD = "Word" as unknown as Office.HostType;

/** A stand-in for the Office.js global that reports the given host once ready. */
function office(host: Office.HostType | null): OfficeGlobal {
  const HostType = { Excel: EXCEL, Word: WORD } as unknown as typeof Office.HostType;
  return {
    HostType,
    onReady: () => Promise.resolve({ host, platform: null }),
  } as unknown as OfficeGlobal;
}

describe("detectHost", () => {
  it("knows Excel", async () => {
    expect(await detectHost(office(EXCEL))).toEqual({ kind: "excel" });
  });

  it("treats a missing Office.js, and Office.js without a host, as a plain browser", async () => {
    expect(await detectHost(undefined)).toEqual({ kind: "browser" });
    expect(await detectHost(office(null))).toEqual({ kind: "browser" });
  });

  it("names another Office application", async () => {
    expect(await detectHost(office(WORD))).toEqual({ kind: "other-office", host: "Word" });
  });
});
